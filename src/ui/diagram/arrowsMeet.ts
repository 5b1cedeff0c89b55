// Which arrows cross, and the times the gutter labels without the axis's rows: pure, shared by the
// diagram and its layout checker.
import type { SegmentInfo } from '../../lab/types';

/** Without the axis's own rows, label the times segments were sent and arrived. */
export function pointsOf(
  segments: readonly SegmentInfo[],
  y: (t: number) => number,
): { t: number; y: number }[] {
  const times = new Set<number>();
  for (const seg of segments) {
    times.add(seg.sentAt);
    if (seg.deliveredAt !== null) times.add(seg.deliveredAt);
  }
  return [...times].sort((a, b) => a - b).map((t) => ({ t, y: y(t) }));
}

/**
 * Server-to-client arrows that cross a client-to-server one (simultaneous open or close, delays):
 * their labels go under the arrow so the two labels do not sit on each other.
 */
export function crossingIds(
  segments: readonly SegmentInfo[],
  y: (t: number, offset?: number) => number,
): Set<number> {
  const out = new Set<number>();
  const ends = (s: SegmentInfo) => {
    const a = y(s.sentAt, s.sendOffset);
    const arrival = s.deliveredAt ?? s.droppedAt;
    // A dropped arrow stops halfway: only its first half can cross anything.
    const b = arrival === null ? a + 28 : y(arrival, s.arriveOffset);
    return s.deliveredAt === null ? { a, b: (a + b) / 2, half: true } : { a, b, half: false };
  };
  const right = segments.filter((s) => s.from === 'client').map((s) => ({ s, ...ends(s) }));
  for (const seg of segments) {
    if (seg.from !== 'server') continue;
    const l = ends(seg);
    const hit = right.some((r) => {
      if (r.b < l.a - 1 || r.a > (l.half ? 2 * l.b - l.a : l.b) + 1) return false;
      // At the client's lifeline r is at r.a and l at l.b; at the server's, r at r.b and l at l.a.
      const atClient = r.a - (l.half ? 2 * l.b - l.a : l.b);
      const atServer = (r.half ? 2 * r.b - r.a : r.b) - l.a;
      return atClient * atServer < 0;
    });
    if (hit) out.add(seg.id);
  }
  return out;
}
