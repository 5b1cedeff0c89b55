// Which arrows cross, and the times the gutter labels without the axis's rows: pure, shared by the
// diagram and its layout checker.
import { finish, pauses, type Work } from '../../lab/slices';
import { countBefore } from '../../lab/sortedSearch';
import type { SegmentInfo } from '../../lab/types';

/** Without the axis's own rows, label the times segments were sent and arrived. */
export function pointsOf(
  segments: readonly SegmentInfo[],
  y: (t: number) => number,
): { t: number; y: number }[] {
  return finish(pointsWork(segments, y));
}

export function* pointsWork(
  segments: readonly SegmentInfo[],
  y: (t: number) => number,
): Work<{ t: number; y: number }[]> {
  const times = new Set<number>();
  const pause = pauses();
  for (const seg of segments) {
    if (pause()) yield;
    times.add(seg.sentAt);
    if (seg.deliveredAt !== null) times.add(seg.deliveredAt);
  }
  const sorted = Float64Array.from(times).sort();
  yield;
  const points: { t: number; y: number }[] = [];
  for (const t of sorted) {
    if (pause()) yield;
    points.push({ t, y: y(t) });
  }
  return points;
}

/** An arrow's ys: where it leaves (`a`), where it is drawn to (`b`), and where its line would end. */
interface ArrowYs {
  a: number;
  b: number;
  /** The whole line's end: `b`, or for a dropped arrow (drawn halfway) twice as far as `b`. */
  end: number;
}

function arrowYs(s: SegmentInfo, y: (t: number, offset?: number) => number): ArrowYs {
  const a = y(s.sentAt, s.sendOffset);
  const arrival = s.deliveredAt ?? s.droppedAt;
  const reach = arrival === null ? a + 28 : y(arrival, s.arriveOffset);
  // Time runs down the drawing: an arrow never ends above where it leaves (a burst's rows could
  // otherwise put a same-instant arrival a few pixels higher).
  const full = Math.max(a, reach);
  // A dropped arrow stops halfway: only its first half can cross anything.
  return s.deliveredAt === null ? { a, b: (a + full) / 2, end: full } : { a, b: full, end: full };
}

/**
 * Server-to-client arrows that cross a client-to-server one (simultaneous open or close, delays):
 * their labels go under the arrow so the two labels do not sit on each other.
 *
 * A server arrow `l` and a client arrow `r`, both running down the drawing, cross when `r` leaves
 * the client before `l`'s line reaches it and `r`'s line reaches the server after `l` left it
 * (`r.a < l.end` and `r.end > l.a`), where `r`'s drawn part reaches down to `l`'s start (`r.b` at
 * most a pixel above `l.a`). Found in O(n log n): the server arrows in the order their lines end;
 * the client arrows that leave before that, added as they come; among those drawn down to `l.a`,
 * the furthest line end (a Fenwick tree of maxima over their drawn ends) says whether one crosses.
 * It is called for every run shown, and a long run has hundreds of thousands of arrows.
 */
export function crossingIds(
  segments: readonly SegmentInfo[],
  y: (t: number, offset?: number) => number,
): Set<number> {
  return finish(crossingIdsWork(segments, y));
}

export function* crossingIdsWork(
  segments: readonly SegmentInfo[],
  y: (t: number, offset?: number) => number,
): Work<Set<number>> {
  const out = new Set<number>();
  const clients: ArrowYs[] = [];
  const servers: { id: number; ys: ArrowYs }[] = [];
  const pause = pauses();
  for (const seg of segments) {
    if (pause()) yield;
    if (seg.from === 'client') clients.push(arrowYs(seg, y));
    else servers.push({ id: seg.id, ys: arrowYs(seg, y) });
  }
  if (clients.length === 0 || servers.length === 0) return out;
  clients.sort((p, q) => p.a - q.a);
  yield;
  servers.sort((p, q) => p.ys.end - q.ys.end);
  yield;
  // The client arrows' drawn ends, ascending: a tree position per end, counted from the deepest so
  // that "drawn down to at least v" is a prefix.
  const drawnEnds = Float64Array.from(clients, (r) => r.b).sort();
  const size = drawnEnds.length;
  const tree = new Float64Array(size + 1).fill(-Infinity);
  /** How many drawn ends are >= v (the prefix of the tree holding them). */
  const reachingCount = (v: number) => size - countBefore(size, (i) => drawnEnds[i] ?? 0, v, false);
  const add = (r: ArrowYs) => {
    // Its position: how many drawn ends reach as deep as its own (itself included), so that the
    // arrows drawn down to any depth sit in one prefix.
    for (let i = reachingCount(r.b); i <= size; i += i & -i) {
      if ((tree[i] ?? -Infinity) < r.end) tree[i] = r.end;
    }
  };
  const furthestEnd = (count: number) => {
    let best = -Infinity;
    for (let i = count; i > 0; i -= i & -i) best = Math.max(best, tree[i] ?? -Infinity);
    return best;
  };
  let next = 0;
  for (const { id, ys: l } of servers) {
    if (pause()) yield;
    while (next < clients.length && (clients[next]?.a ?? Infinity) < l.end) {
      const r = clients[next];
      if (r) add(r);
      next++;
    }
    if (furthestEnd(reachingCount(l.a - 1)) > l.a) out.add(id);
  }
  return out;
}
