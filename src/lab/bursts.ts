// Bursts fan out. Segments that one side sends at the same instant (a FIN right after the last
// data, a retransmission next to the SYN+ACK answering a repeated SYN) would share a row of the
// time axis and be drawn on top of each other, labels and all. Each segment of such a burst gets a
// sub-row of its own, at its sending and at its arriving end, so the arrows run parallel with room
// for a label between them; the time axis (./timeAxis.ts) opens that room under the instant.
import type { Side } from '../engine/types';
import { finish, pauses, type Work } from './slices';
import type { SegmentInfo } from './types';

/** Room a label above an arrow needs, on one line and with a line of badges (see the diagram). */
export const BURST_ROW_PX = { plain: 22, badged: 36 } as const;

/** How tall the row before a segment in a burst is: its label, and a dropped neighbour's. */
function rowPx(seg: SegmentInfo, before: SegmentInfo | undefined): number {
  const own = hasBadges(seg) ? BURST_ROW_PX.badged : BURST_ROW_PX.plain;
  // A lost arrow's label hangs under its stub, into the row of the segment after it.
  const hanging = before && before.droppedAt !== null ? rowPx(before, undefined) - 6 : 0;
  return own + hanging;
}

function hasBadges(seg: SegmentInfo): boolean {
  return (
    seg.retransmission || seg.copies.length > 0 || seg.delayedMs > 0 || seg.old || seg.injected
  );
}

/** Sets each segment's `sendOffset` and `arriveOffset`: pixels below its instant's row. */
export function fanOutBursts(segments: SegmentInfo[]): void {
  finish(fanOutBurstsWork(segments));
}

/** One side's instants, each with the segments at it (by number: far cheaper than text keys). */
type Instants = Record<Side, Map<number, SegmentInfo[]>>;

export function* fanOutBurstsWork(segments: SegmentInfo[]): Work<void> {
  const pause = pauses();
  const place = function* (groups: Instants, set: (s: SegmentInfo, px: number) => void) {
    for (const side of SIDES) {
      for (const group of groups[side].values()) {
        if (pause()) yield;
        let offset = 0;
        group.forEach((seg, i) => {
          if (i > 0) offset += rowPx(seg, group[i - 1]);
          set(seg, offset);
        });
      }
    }
  };
  const sends: Instants = { client: new Map(), server: new Map() };
  const arrivals: Instants = { client: new Map(), server: new Map() };
  for (const seg of segments) {
    if (pause()) yield;
    push(sends[seg.from], seg.sentAt, seg);
    const arrival = seg.deliveredAt ?? seg.droppedAt;
    if (arrival !== null) push(arrivals[seg.to], arrival, seg);
  }
  yield* place(sends, (s, px) => (s.sendOffset = px));
  // Arrivals in the order they were sent, so that the arrows of a burst do not cross.
  for (const side of SIDES) {
    for (const group of arrivals[side].values()) {
      if (group.length > 1) {
        group.sort((a, b) => a.sentAt - b.sentAt || (a.sendOffset ?? 0) - (b.sendOffset ?? 0));
      }
    }
  }
  yield* place(arrivals, (s, px) => (s.arriveOffset = px));
}

const SIDES = ['client', 'server'] as const satisfies readonly Side[];

/** For every instant with a burst, the room the time axis must open under its row. */
export function burstRoom(segments: readonly SegmentInfo[]): Map<number, number> {
  return finish(burstRoomWork(segments));
}

export function* burstRoomWork(segments: readonly SegmentInfo[]): Work<Map<number, number>> {
  const room = new Map<number, number>();
  const need = (t: number | null, px: number | undefined) => {
    if (t !== null && px) room.set(t, Math.max(room.get(t) ?? 0, px));
  };
  const pause = pauses();
  for (const seg of segments) {
    if (pause()) yield;
    need(seg.sentAt, seg.sendOffset);
    need(seg.deliveredAt ?? seg.droppedAt, seg.arriveOffset);
  }
  return room;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
