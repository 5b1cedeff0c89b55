// A segment's TCP options and how its window field reads, from the trace alone: the options are
// its send event's, and whether the window field is scaled follows from the SYNs the two sides
// sent (RFC 7323 section 2). The inspector shows both for simulated runs and captures alike.
import { peerOf, type SendEvent, type TcpOption, type TraceEvent } from '../engine/types';

export interface SegmentOptions {
  /** The options the segment carries, in the order on the wire (none: empty). */
  options: readonly TcpOption[];
  /**
   * The shift its receiver applies to its window field (the window is field × 2^shift), or null
   * when the field is the window itself.
   */
  windowShift: number | null;
}

const NONE: readonly TcpOption[] = Object.freeze([]);

const shiftOf = (send: SendEvent | undefined): number | null =>
  send?.options?.find((o) => o.kind === 'windowScale')?.shift ?? null;

/**
 * The options of the segment sent as `id`, and the scale of its window field: a segment sent by X
 * is scaled by X's own shift, the one X announced in its SYN, when both sides' SYNs (X's last one
 * and its peer's last one before this segment: the current connection's) carried the window
 * scale option; never in a SYN, whose window is not scaled (RFC 7323 section 2.2). Null when the
 * trace has no such segment.
 */
export function segmentOptions(events: readonly TraceEvent[], id: number): SegmentOptions | null {
  const at = events.findIndex((e) => e.type === 'send' && e.id === id);
  const segment = events[at];
  if (segment?.type !== 'send') return null;
  const options = segment.options ?? NONE;
  if (segment.flags.includes('SYN')) return { options, windowShift: null };

  const lastSyn: Partial<Record<SendEvent['who'], SendEvent>> = {};
  for (let i = at - 1; i >= 0 && (!lastSyn.client || !lastSyn.server); i--) {
    const event = events[i]!;
    if (event.type === 'send' && event.flags.includes('SYN')) lastSyn[event.who] ??= event;
  }
  const own = shiftOf(lastSyn[segment.who]);
  const peers = shiftOf(lastSyn[peerOf(segment.who)]);
  return { options, windowShift: own !== null && peers !== null ? own : null };
}

/** The window a segment advertises, in bytes: its field scaled by `windowShift`. */
export function advertisedWindow(window: number, windowShift: number | null): number {
  return windowShift === null ? window : window * 2 ** windowShift;
}
