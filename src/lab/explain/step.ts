// One step taken apart for the explanations: its events by kind, its segments as the run's segment
// model describes them (../segments.ts: relative numbers, `old`), and the states before it.
import type {
  AppEvent,
  DeliverEvent,
  DropEvent,
  Side,
  SocketOwner,
  StateEvent,
  TcpState,
  TimerEvent,
  TraceEvent,
} from '../../engine/types';
import type { SegmentInfo } from '../types';

/**
 * What the explanations know of the run before a step beyond its segments: the states and the
 * TIME_WAIT each side last set (for "2·MSL passed"). Fed each step's events once it is explained.
 */
export class RunSoFar {
  readonly states: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
  /** The last TIME_WAIT duration each side set (ms). */
  readonly timeWaitMs: Record<Side, number> = { client: 0, server: 0 };

  add(events: readonly TraceEvent[]): void {
    for (const event of events) {
      if (event.type === 'state') this.states[event.who] = event.to;
      else if (
        event.type === 'timer' &&
        event.timer === 'time-wait' &&
        event.action === 'set' &&
        event.due !== undefined
      ) {
        this.timeWaitMs[event.who] = event.due - event.t;
      }
    }
  }
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

  /**
   * The listener made a new socket for a connection in this step: the server went LISTEN →
   * SYN_RCVD from a state other than LISTEN (its last connection's end, or none yet). Traces
   * without a listener of their own (a capture) keep the server itself in LISTEN.
   */
  newSocket(): boolean {
    let state = this.before.states.server;
    for (const s of this.transitions('server')) {
      if (s.from === 'LISTEN' && s.to === 'SYN_RCVD' && state !== 'LISTEN') return true;
      state = s.to;
    }
    return false;
  }

  /** The rule behind the step's first state change of `who` that names one (see engine/rules). */
  ruleOf(who: SocketOwner): string | undefined {
    return this.transitions(who).find((s) => s.why?.rule !== undefined)?.why?.rule;
  }

  timer(
    who: Side,
    timer: TimerEvent['timer'],
    action: TimerEvent['action'],
  ): TimerEvent | undefined {
    return this.timers.find((e) => e.who === who && e.timer === timer && e.action === action);
  }
}
