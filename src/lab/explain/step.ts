// One step taken apart for the explanations: its events by kind, its segments as the run's segment
// model describes them (../segments.ts: relative numbers, `old`), and the states and timers
// before it.
import type {
  AppEvent,
  DeliverEvent,
  DropEvent,
  Side,
  SocketOwner,
  StateEvent,
  TcpState,
  TimerEvent,
  TimerName,
  TraceEvent,
} from '../../engine/types';
import type { SegmentInfo } from '../types';

/**
 * What the explanations know of the run before a step beyond its segments: each socket's state and
 * how long each timer last ran (for "TIME_WAIT's 4 min have passed"). Fed each step's events once
 * it is explained.
 */
export class RunSoFar {
  readonly states: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
  /** How long each side's timers last ran when set (ms): what a firing timer waited. */
  readonly timerMs: Record<Side, Record<TimerName, number>> = {
    client: noTimers(),
    server: noTimers(),
  };

  /** The duplicate ACKs each side has received in a row, and the ack they repeat. */
  readonly duplicateAcks: Record<Side, { ack: number; count: number }> = {
    client: { ack: 0, count: 0 },
    server: { ack: 0, count: 0 },
  };

  constructor(private readonly segments: ReadonlyMap<number, SegmentInfo>) {}

  /** How many duplicate ACKs of `ack` in a row `who` has with the one arriving now. */
  duplicateCount(who: Side, ack: number): number {
    const last = this.duplicateAcks[who];
    return last.ack === ack ? last.count + 1 : 1;
  }

  /** A copy to go on from, leaving this one where it is. */
  copy(): RunSoFar {
    const copy = new RunSoFar(this.segments);
    Object.assign(copy.states, this.states);
    for (const side of ['client', 'server'] as const) {
      Object.assign(copy.timerMs[side], this.timerMs[side]);
      Object.assign(copy.duplicateAcks[side], this.duplicateAcks[side]);
    }
    return copy;
  }

  /** Takes in the events `first` to `end` (one step's) of the run. */
  add(events: readonly TraceEvent[], first = 0, end = events.length): void {
    for (let i = first; i < end; i++) {
      const event = events[i];
      if (!event) continue;
      if (event.type === 'deliver') {
        const seg = this.segments.get(event.id);
        if (seg === undefined) continue;
        const dup = this.duplicateAcks[seg.to];
        if (event.why?.rule === 'dup-ack-received') {
          dup.count = this.duplicateCount(seg.to, seg.ack);
          dup.ack = seg.ack;
        } else if (seg.len > 0 || seg.flags.includes('ACK')) {
          // Any other arrival ends the run of duplicates.
          dup.count = 0;
        }
      }
      if (event.type === 'state') this.states[event.who] = event.to;
      else if (event.type === 'timer' && event.action === 'set' && event.due !== undefined) {
        this.timerMs[event.who][event.timer] = event.due - event.t;
      }
    }
  }
}

function noTimers(): Record<TimerName, number> {
  return { retransmit: 0, 'loss-probe': 0, 'time-wait': 0, 'fin-wait-2': 0, 'delayed-ack': 0 };
}

export class StepView {
  /** The segments sent in this step, in order. */
  readonly sends: SegmentInfo[] = [];
  readonly states: StateEvent[] = [];
  readonly apps: AppEvent[] = [];
  readonly timers: TimerEvent[] = [];
  readonly deliver: DeliverEvent | undefined;
  readonly drop: DropEvent | undefined;

  constructor(
    readonly events: readonly TraceEvent[],
    private readonly segments: ReadonlyMap<number, SegmentInfo>,
    readonly before: RunSoFar,
  ) {
    let deliver: DeliverEvent | undefined;
    let drop: DropEvent | undefined;
    for (const event of events) {
      if (event.type === 'send') {
        const seg = segments.get(event.id);
        if (seg) this.sends.push(seg);
      } else if (event.type === 'state') this.states.push(event);
      else if (event.type === 'app') this.apps.push(event);
      else if (event.type === 'timer') this.timers.push(event);
      else if (event.type === 'deliver') deliver ??= event;
      else drop ??= event;
    }
    this.deliver = deliver;
    this.drop = drop;
  }

  /** A segment of the run, sent in this step or before. */
  segment(id: number): SegmentInfo | undefined {
    return this.segments.get(id);
  }

  /** What `who` sent itself in this step (injected segments left out). */
  sendsBy(who: Side): SegmentInfo[] {
    return this.sends.filter((s) => s.from === who && !s.injected);
  }

  transitions(who: SocketOwner): StateEvent[] {
    return this.states.filter((s) => s.who === who);
  }

  /** The socket's state before the step and after it. */
  span(who: SocketOwner): { from: TcpState; to: TcpState } {
    const from = this.before.states[who];
    return { from, to: this.transitions(who).at(-1)?.to ?? from };
  }

  went(who: SocketOwner, from: TcpState | null, to: TcpState): boolean {
    return this.transitions(who).some((s) => (from === null || s.from === from) && s.to === to);
  }

  timer(
    who: Side,
    timer: TimerEvent['timer'],
    action: TimerEvent['action'],
  ): TimerEvent | undefined {
    return this.timers.find((e) => e.who === who && e.timer === timer && e.action === action);
  }
}
