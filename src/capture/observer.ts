// Both endpoints' states, inferred by running the captured segments through RFC 9293's rules
// (section 3.10.7, as src/core/receive.ts applies them) at the times the timeline gives: a sender's
// state changes when it sends, a receiver's when the segment arrives. Emits the trace events the
// page draws, one cause per step as the engine does (an arrival and the replies sent at its
// instant are one step). Calls the application must have made are emitted too (listen, connect's
// result, accept, close or shutdown before a FIN, send before data, abort before a RST), because
// they are what the page's step explanations hang on. As in the engine's trace, the server's
// listening socket is a socket of its own, and each event names the rule that explains it.
import { type RuleId, why } from '../engine/rules';
import { seqAdd, seqGeq } from '../engine/seq';
import { checkTransition } from '../engine/transitions';
import {
  peerOf,
  type AppCall,
  type DeliverEvent,
  type AppResult,
  type FinalStates,
  type Flag,
  type SendReason,
  type Side,
  type SocketOwner,
  type TcpState,
  type TimerName,
  type TraceEvent,
} from '../engine/types';
import type { ObservedSegment, SegmentIndex } from './segmentIndex';
import { roundTime } from './timing';

/**
 * States whose ACK of an arrival may wait for the delayed-ACK timer (data, or Linux's delayed ACK
 * of a FIN in ESTABLISHED). A FIN that leads to CLOSING or TIME_WAIT is answered at once.
 */
const DELAYS_ACKS: readonly TcpState[] = ['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT'];

interface Endpoint {
  state: TcpState;
  /** Its connection was made by the listener (SYN_RCVD reached from LISTEN). */
  passive: boolean;
  /** An active open whose connect() has not returned yet. */
  connectPending: boolean;
  /** Sequence number of its own FIN, once sent. */
  finSeq: number | null;
  /** End of the peer's FIN (its sequence number + 1), once received. */
  peerFinEnd: number | null;
  lastAck: { ack: number; window: number } | null;
  timers: Map<TimerName, number>;
  /** What acknowledgement stops the running retransmission timer. */
  retransmitUntil: number | null;
  /** A bare ACK held back by the delayed-ACK timer: the position of the segment that sends it. */
  delayedAckBy: number | null;
}

export interface ObserverOptions {
  /** 2·MSL: how long TIME_WAIT lasts. */
  timeWaitMs: number;
  /** Side that made the active open (connect), if any. */
  activeOpener: Side | null;
}

/** Something the states imply that the capture did not show (for the run's notes). */
export interface Implied {
  who: Side;
  at: number;
  what: 'established-without-syn-ack' | 'syn-rcvd-without-syn';
}

export class Observer {
  readonly events: TraceEvent[] = [];
  readonly causeStarts: number[] = [];
  readonly implied: Implied[] = [];
  private readonly ends: Record<Side, Endpoint> = {
    client: newEndpoint(),
    server: newEndpoint(),
  };
  private causePending = false;
  /** The server's listening socket is open. */
  private listening = false;
  /** The step now open is an arrival at this side at this time (its replies join it). */
  private arrivalStep: { to: Side; t: number; dataArrived: boolean } | null = null;

  private readonly segs: readonly ObservedSegment[];
  private readonly covers: readonly (number | null)[];
  /** Each side's last segment with data, and its last RST (positions; −1: none). */
  private readonly lastData: Record<Side, number> = { client: -1, server: -1 };
  private readonly lastRst: Record<Side, number> = { client: -1, server: -1 };

  constructor(
    index: SegmentIndex,
    private readonly options: ObserverOptions,
  ) {
    this.segs = index.segs;
    this.covers = index.covers;
    this.segs.forEach((seg, i) => {
      if (seg.len > 0) this.lastData[seg.from] = i;
      if (seg.flags.includes('RST')) this.lastRst[seg.from] = i;
    });
  }

  /** States before the capture's first segment, shown as one step at time 0. */
  start(initial: Partial<Record<Side, TcpState>>, listen: boolean): void {
    this.newCause();
    if (listen) this.openListener(0);
    for (const side of ['server', 'client'] as const) {
      const to = initial[side];
      // Assumed, not observed: no rule took the side there, so no transition is checked.
      if (to !== undefined) this.move(0, side, to, 'active-open', true);
      if (to === 'SYN_SENT') this.ends[side].connectPending = true;
    }
  }

  send(position: number): void {
    const seg = this.segs[position];
    if (seg === undefined) return;
    const me = this.ends[seg.from];
    const t = seg.t;
    const inArrival = this.arrivalStep?.to === seg.from && this.arrivalStep.t === t;
    if (!inArrival) {
      this.newCause();
      this.arrivalStep = null;
    }
    const has = (flag: Flag): boolean => seg.flags.includes(flag);
    if (seg.retransmission && seg.previousCopy !== null && !seg.fastRetransmit) {
      this.timer(t, seg.from, 'retransmit', 'fire', undefined, 'rto-expired');
    }
    // The ACK a delayed-ACK timer held back goes when it fires; any other ACK sent first stops it.
    let heldBack = false;
    if (me.delayedAckBy === position && !inArrival && seg.space === 0) {
      this.timer(t, seg.from, 'delayed-ack', 'fire', undefined, 'delayed-ack-expired');
      heldBack = true;
      me.delayedAckBy = null;
    } else if (me.delayedAckBy !== null && has('ACK')) {
      this.timer(t, seg.from, 'delayed-ack', 'cancel', undefined, 'ack-at-once');
      me.delayedAckBy = null;
    }
    const reason = this.beforeSend(seg, position, me, heldBack, inArrival);
    this.push({
      t,
      type: 'send',
      id: position + 1,
      who: seg.from,
      flags: seg.flags,
      seq: seg.seq,
      ack: seg.ack,
      len: seg.len,
      window: seg.window,
      retransmission: seg.retransmission,
      ...(seg.options.length > 0 && { options: seg.options }),
      reason,
      // A fast retransmission answers duplicate ACKs, not a timer (RFC 5681 section 3.2).
      why: why(
        seg.fastRetransmit && reason === 'retransmit' ? 'fast-retransmit' : SEND_RULES[reason],
      ),
    });
    if (has('ACK')) me.lastAck = { ack: seg.ack, window: seg.window };
    this.armRetransmit(seg, me);
  }

  deliver(position: number, t: number): void {
    const seg = this.segs[position];
    if (seg === undefined) return;
    const to = seg.to;
    this.newCause();
    const arrival: DeliverEvent = { t, type: 'deliver', id: position + 1 };
    this.push(arrival);
    const taken = this.events.length;
    this.arrivalStep = { to, t, dataArrived: seg.len > 0 };
    this.receive(seg, this.ends[to], t);
    // A bare ACK that changed nothing says so itself, as the engine's do: a duplicate ACK while
    // the receiver has something in flight (its retransmission timer runs), else nothing new.
    const bare = seg.len === 0 && !seg.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
    if (bare && this.events.length === taken) {
      arrival.why = why(
        this.ends[to].timers.has('retransmit') ? 'dup-ack-received' : 'ack-nothing-new',
      );
    }
    // A bare ACK sent later than this arrival was held back by the delayed-ACK timer.
    const cover = this.covers[position];
    const reply = cover === null || cover === undefined ? undefined : this.segs[cover];
    const me = this.ends[to];
    if (
      reply !== undefined &&
      cover !== undefined &&
      cover !== null &&
      reply.space === 0 &&
      !reply.flags.includes('RST') &&
      reply.t > t &&
      seg.nextCopy === null &&
      me.delayedAckBy === null &&
      DELAYS_ACKS.includes(me.state)
    ) {
      me.delayedAckBy = cover;
      this.timer(t, to, 'delayed-ack', 'set', reply.t);
    }
  }

  final(): FinalStates {
    return {
      client: this.ends.client.state,
      server: this.ends.server.state,
      listener: this.listening ? 'LISTEN' : 'CLOSED',
    };
  }

  // ---- sending ----

  /** State changes and calls a send implies, and why it was sent. */
  private beforeSend(
    seg: ObservedSegment,
    position: number,
    me: Endpoint,
    heldBack: boolean,
    inArrival: boolean,
  ): SendReason {
    const t = seg.t;
    const who = seg.from;
    const has = (flag: Flag): boolean => seg.flags.includes(flag);
    if (has('RST')) return this.sendRst(seg, me, inArrival);
    if (has('SYN')) {
      if (seg.retransmission) return 'retransmit';
      if (!has('ACK')) {
        if (me.state === 'CLOSED') {
          this.move(t, who, 'SYN_SENT', 'active-open');
          me.connectPending = true;
        }
        return 'active-open';
      }
      if (me.state === 'SYN_RCVD') return me.passive ? 'passive-open' : 'simultaneous-open';
      if (me.state === 'CLOSED') {
        // The SYN it answers is not in the capture (or arrived unseen).
        this.implied.push({ who, at: t, what: 'syn-rcvd-without-syn' });
        this.newPassive(t, who, me);
        return 'passive-open';
      }
      // Its own SYN crossed the peer's, which reached it unseen.
      if (me.state === 'SYN_SENT') this.move(t, who, 'SYN_RCVD', 'simultaneous-open');
      return 'simultaneous-open';
    }
    if (me.state === 'SYN_SENT' && has('ACK')) {
      // It acknowledges the peer's SYN: the SYN+ACK reached it without passing the capture point.
      this.implied.push({ who, at: t, what: 'established-without-syn-ack' });
      this.establish(t, who, me, 'syn-ack-received');
    }
    const firstAck = me.lastAck === null;
    if (has('FIN')) {
      if (seg.retransmission || me.finSeq !== null) return 'retransmit';
      me.finSeq = seqAdd(seg.seq, seg.len);
      const call = this.closeCall(seg, position);
      if (me.state === 'ESTABLISHED' || me.state === 'SYN_RCVD') {
        this.app(t, who, call, 'ok');
        this.move(t, who, 'FIN_WAIT_1', 'close-call');
      } else if (me.state === 'CLOSE_WAIT') {
        this.app(t, who, call, 'ok');
        this.move(t, who, 'LAST_ACK', 'close-call');
      }
      return 'fin';
    }
    if (seg.len > 0) {
      if (seg.retransmission) return 'retransmit';
      this.app(t, who, 'send', 'ok');
      return 'data';
    }
    if (heldBack) return 'delayed-ack';
    if (firstAck && this.options.activeOpener === who) return 'handshake-ack';
    const last = me.lastAck;
    if (last !== null && last.ack === seg.ack && last.window === seg.window) {
      return 'dup-ack';
    }
    return 'ack';
  }

  /**
   * close() or shutdown(): after shutdown the side still takes the peer's data; after close Linux
   * answers data with RST. Data from the peer after this FIN, and no RST, means shutdown.
   */
  private closeCall(fin: ObservedSegment, position: number): 'shutdown' | 'close' {
    const peer = peerOf(fin.from);
    const peerData = this.lastData[peer] > position;
    const rst = this.lastRst[fin.from] > position;
    return peerData && !rst ? 'shutdown' : 'close';
  }

  private sendRst(seg: ObservedSegment, me: Endpoint, inArrival: boolean): SendReason {
    const t = seg.t;
    const who = seg.from;
    switch (me.state) {
      case 'CLOSED':
        // No connection: the listener answers if the server listens (RFC 9293 3.10.7.2).
        return who === 'server' && this.listening ? 'rst-listen' : 'rst-closed';
      case 'SYN_SENT':
        return 'rst-bad-ack';
      case 'TIME_WAIT':
        return 'rst-closed';
      default:
        break;
    }
    const orphan =
      inArrival &&
      this.arrivalStep?.dataArrived === true &&
      (me.state === 'FIN_WAIT_1' || me.state === 'FIN_WAIT_2' || me.state === 'LAST_ACK');
    if (!orphan) this.app(t, who, 'abort', 'ok');
    this.close(t, who, me, orphan ? 'rst-orphan-data' : 'abort-call');
    return orphan ? 'rst-orphan-data' : 'abort';
  }

  /** Retransmission timers the capture proves: one that fired (a copy was sent again). */
  private armRetransmit(seg: ObservedSegment, me: Endpoint): void {
    const next = seg.nextCopy === null ? undefined : this.segs[seg.nextCopy];
    if (next !== undefined && !next.fastRetransmit) {
      me.retransmitUntil = seg.end;
      this.timer(seg.t, seg.from, 'retransmit', 'set', next.t, 'rto');
      return;
    }
    const previous = seg.previousCopy === null ? undefined : this.segs[seg.previousCopy];
    if (previous !== undefined && !seg.fastRetransmit) {
      // After the last copy the timer runs on, doubled (RFC 6298 5.5), until an ACK stops it.
      me.retransmitUntil = seg.end;
      this.timer(
        seg.t,
        seg.from,
        'retransmit',
        'set',
        seg.t + 2 * (seg.t - previous.t),
        'rto-backoff',
      );
    }
  }

  // ---- receiving (RFC 9293 3.10.7) ----

  private receive(seg: ObservedSegment, me: Endpoint, t: number): void {
    const who = seg.to;
    const has = (flag: Flag): boolean => seg.flags.includes(flag);
    if (
      has('ACK') &&
      !has('RST') &&
      me.retransmitUntil !== null &&
      seqGeq(seg.ack, me.retransmitUntil)
    ) {
      me.retransmitUntil = null;
      this.timer(t, who, 'retransmit', 'cancel', undefined, 'all-acked');
    }
    switch (me.state) {
      case 'CLOSED':
        // The listener makes a new socket for a SYN.
        if (who === 'server' && this.listening && has('SYN') && !has('ACK') && !has('RST')) {
          this.newPassive(t, who, me);
        }
        return;
      case 'SYN_SENT':
        if (has('RST')) {
          if (has('ACK')) {
            this.app(t, who, 'connect', 'ECONNREFUSED');
            me.connectPending = false;
            this.close(t, who, me, 'rst-refused');
          }
          return;
        }
        if (has('SYN') && has('ACK')) this.establish(t, who, me, 'syn-ack-received');
        else if (has('SYN')) this.move(t, who, 'SYN_RCVD', 'simultaneous-open');
        return;
      default:
        break;
    }
    if (has('RST')) {
      if (me.state === 'SYN_RCVD' && me.connectPending) {
        this.app(t, who, 'connect', 'ECONNRESET');
        me.connectPending = false;
      }
      const embryonic = me.state === 'SYN_RCVD' && me.passive;
      this.close(t, who, me, embryonic ? 'rst-embryonic' : 'rst-received');
      return;
    }
    if (!has('ACK')) return;
    if (me.state === 'SYN_RCVD') this.establish(t, who, me, 'handshake-ack');
    const finAcked = me.finSeq !== null && seqGeq(seg.ack, seqAdd(me.finSeq, 1));
    if (finAcked) {
      if (me.state === 'FIN_WAIT_1') this.move(t, who, 'FIN_WAIT_2', 'fin-acked');
      else if (me.state === 'CLOSING') this.enterTimeWait(t, who, 'fin-acked');
      else if (me.state === 'LAST_ACK') this.close(t, who, me, 'fin-acked');
    }
    if (has('FIN')) this.receiveFin(seg, me, t);
  }

  private receiveFin(seg: ObservedSegment, me: Endpoint, t: number): void {
    const who = seg.to;
    const end = seqAdd(seg.seq, seg.len + 1);
    if (me.peerFinEnd !== null && seqGeq(me.peerFinEnd, end)) {
      // The same FIN again: its ACK was lost. TIME_WAIT answers it and starts 2·MSL over.
      if (me.state === 'TIME_WAIT') this.enterTimeWait(t, who, 'time-wait-restart');
      return;
    }
    me.peerFinEnd = end;
    switch (me.state) {
      case 'ESTABLISHED':
        this.move(t, who, 'CLOSE_WAIT', 'fin-received');
        return;
      case 'FIN_WAIT_1':
        this.move(t, who, 'CLOSING', 'fin-received');
        return;
      case 'FIN_WAIT_2':
        this.enterTimeWait(t, who, 'fin-received');
        return;
      default:
        return;
    }
  }

  /** The server's listening socket opens (the capture shows the server answering a SYN). */
  private openListener(t: number): void {
    this.listening = true;
    this.app(t, 'listener', 'listen', 'ok');
    this.push({
      t,
      type: 'state',
      who: 'listener',
      from: 'CLOSED',
      to: 'LISTEN',
      why: why('listen'),
    });
  }

  /**
   * A SYN reached the listener: a new connection socket, LISTEN → SYN_RCVD. Only the server has a
   * listener; a capture in which the client answers a SYN shows that side's own passive open.
   */
  private newPassive(t: number, who: Side, me: Endpoint): void {
    me.passive = true;
    if (who === 'client') {
      this.move(t, who, 'LISTEN', 'listen');
      this.move(t, who, 'SYN_RCVD', 'syn-to-listener');
      return;
    }
    if (me.state !== 'CLOSED') this.move(t, who, 'CLOSED', 'time-wait-reopen');
    if (!this.listening) this.openListener(t);
    me.state = 'SYN_RCVD';
    this.push({
      t,
      type: 'state',
      who,
      from: 'LISTEN',
      to: 'SYN_RCVD',
      why: why('syn-to-listener'),
    });
  }

  private establish(t: number, who: Side, me: Endpoint, rule: RuleId): void {
    this.move(t, who, 'ESTABLISHED', rule);
    if (me.connectPending) {
      me.connectPending = false;
      this.app(t, who, 'connect', 'ok');
    }
    if (me.passive) this.app(t, who, 'accept', 'ok', 'accept');
  }

  private enterTimeWait(t: number, who: Side, rule: RuleId): void {
    for (const timer of [...this.ends[who].timers.keys()]) {
      this.timer(t, who, timer, 'cancel', undefined, 'time-wait');
    }
    this.ends[who].retransmitUntil = null;
    this.move(t, who, 'TIME_WAIT', rule);
    this.timer(t, who, 'time-wait', 'set', t + this.options.timeWaitMs, 'time-wait');
  }

  private close(t: number, who: Side, me: Endpoint, rule: RuleId): void {
    for (const timer of [...me.timers.keys()]) {
      this.timer(t, who, timer, 'cancel', undefined, 'connection-gone');
    }
    me.retransmitUntil = null;
    me.delayedAckBy = null;
    this.move(t, who, 'CLOSED', rule);
  }

  // ---- events ----

  private newCause(): void {
    this.causePending = true;
  }

  private push(event: TraceEvent): void {
    if (this.causePending) {
      this.causeStarts.push(this.events.length);
      this.causePending = false;
    }
    this.events.push(event);
  }

  private move(t: number, who: Side, to: TcpState, rule: RuleId, assumed = false): void {
    const from = this.ends[who].state;
    if (from === to) return;
    if (!assumed) checkTransition('capture', from, to);
    this.ends[who].state = to;
    this.push({ t, type: 'state', who, from, to, why: why(rule) });
  }

  private app(t: number, who: SocketOwner, call: AppCall, result: AppResult, rule?: RuleId): void {
    this.push({
      t,
      type: 'app',
      who,
      call,
      result,
      ...(rule === undefined ? {} : { why: why(rule) }),
    });
  }

  /** `rule`: why it is set or cancelled; a firing timer's rule is its own (TIMER_RULES). */
  private timer(
    t: number,
    who: Side,
    timer: TimerName,
    action: 'set' | 'cancel' | 'fire',
    due?: number,
    rule: RuleId = TIMER_RULES[timer],
  ): void {
    const timers = this.ends[who].timers;
    if (action !== 'set' && !timers.has(timer)) return;
    if (action === 'set') {
      if (timers.has(timer)) this.timer(t, who, timer, 'cancel', undefined, rule);
      const at = roundTime(due ?? t);
      timers.set(timer, at);
      this.push({ t, type: 'timer', who, timer, action, due: at, why: why(rule) });
      return;
    }
    timers.delete(timer);
    this.push({ t, type: 'timer', who, timer, action, why: why(rule) });
  }
}

/** The rule behind each reason the observer gives a segment. */
const SEND_RULES: Record<SendReason, RuleId> = {
  'active-open': 'active-open',
  'passive-open': 'syn-options',
  'simultaneous-open': 'simultaneous-open',
  'handshake-ack': 'syn-ack-received',
  data: 'send-data',
  ack: 'ack-at-once',
  'delayed-ack': 'delayed-ack',
  fin: 'close-call',
  retransmit: 'rto-expired',
  'dup-ack': 'out-of-order',
  'challenge-ack': 'challenge-ack',
  'rst-closed': 'rst-closed',
  'rst-listen': 'rst-listen',
  'rst-bad-ack': 'rst-bad-ack',
  'rst-orphan-data': 'rst-orphan-data',
  'rst-syn-in-window': 'rst-syn-in-window',
  abort: 'abort-call',
  'loss-probe': 'loss-probe-sent',
  'paws-ack': 'paws',
  injected: 'injected',
};

/** The rule a timer that fires follows. */
const TIMER_RULES: Record<TimerName, RuleId> = {
  retransmit: 'rto',
  'loss-probe': 'loss-probe',
  'time-wait': 'time-wait',
  'fin-wait-2': 'fin-wait-2-timeout',
  'delayed-ack': 'delayed-ack',
};

function newEndpoint(): Endpoint {
  return {
    state: 'CLOSED',
    passive: false,
    connectPending: false,
    finSeq: null,
    peerFinEnd: null,
    lastAck: null,
    timers: new Map(),
    retransmitUntil: null,
    delayedAckBy: null,
  };
}
