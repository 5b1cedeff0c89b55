// What happened in one step, and why: a key into the `explain` i18n namespace, the numbers it
// mentions and the RFC section behind it. One step is one cause (an app call, an arrival, a timer
// firing, a drop: the engine's `onCause`). No React and no strings here beyond keys: the page turns
// an Explanation into words with `renderExplanation(explanation, t)`.
//
// Numbers are relative, as the diagram shows them by default: seq to the sender's ISN in use when
// the segment was sent, ack to the receiver's. Sides are passed as `who`/`peer` (raw `client` |
// `server`); renderExplanation replaces them with the locale's words (`explain.side.*`), with
// capitalised variants `Who`/`Peer` for the start of a sentence.
import type {
  AppEvent,
  DeliverEvent,
  DropEvent,
  Flag,
  SendEvent,
  SendReason,
  Side,
  StateEvent,
  TcpState,
  TimerEvent,
  TraceEvent,
} from '../engine/types';
import type { explain as englishExplain } from '../i18n/locales/en/explain';
import type { Run } from './types';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the explain namespace, without the `explain.` prefix (e.g. `arrive.synListen`). */
export type ExplainKey = Leaves<typeof englishExplain>;

export interface Explanation {
  key: ExplainKey;
  params: Record<string, string | number>;
  /** Where the behaviour is specified: an RFC 9293 section ('3.5') or another RFC ('RFC 6298 §5'). */
  rfc: string;
}

const peerOf = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** Flags as the diagram labels them: PSH left out, joined by '+' (SYN+ACK). */
export function flagLabel(flags: readonly Flag[]): string {
  return flags.filter((f) => f !== 'PSH').join('+');
}

interface SegmentNote {
  send: SendEvent;
  relSeq: number;
  relAck: number;
  incarnation: Record<Side, number>;
}

/**
 * What the explanations need to know about the run before a step: the states, each side's ISN in
 * use and every segment sent so far. Feed it the run's events in order (`add`), or build one from a
 * prefix with `ExplainContext.from(events)`.
 */
export class ExplainContext {
  readonly states: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  private readonly isn: Record<Side, number | null> = { client: null, server: null };
  private readonly incarnation: Record<Side, number> = { client: 0, server: 0 };
  private readonly segments = new Map<number, SegmentNote>();
  /** The last TIME_WAIT duration each side set, for "2·MSL passed" (ms). */
  readonly timeWaitMs: Record<Side, number> = { client: 0, server: 0 };

  static from(events: Iterable<TraceEvent>): ExplainContext {
    const context = new ExplainContext();
    for (const event of events) context.add(event);
    return context;
  }

  add(event: TraceEvent): void {
    switch (event.type) {
      case 'state':
        this.states[event.who] = event.to;
        return;
      case 'send': {
        const to = peerOf(event.who);
        if (event.flags.includes('SYN') && event.seq !== this.isn[event.who]) {
          this.isn[event.who] = event.seq;
          this.incarnation[event.who]++;
        }
        this.segments.set(event.id, {
          send: event,
          relSeq: rel(event.seq, this.isn[event.who]),
          relAck: event.flags.includes('ACK') ? rel(event.ack, this.isn[to]) : 0,
          incarnation: { ...this.incarnation },
        });
        return;
      }
      case 'timer':
        if (event.timer === 'time-wait' && event.action === 'set' && event.due !== undefined) {
          this.timeWaitMs[event.who] = event.due - event.t;
        }
        return;
      default:
        return;
    }
  }

  segment(id: number): SegmentNote | undefined {
    return this.segments.get(id);
  }

  /** Relative numbers of a segment about to be sent (its SYN included). */
  relOf(send: SendEvent): { relSeq: number; relAck: number } {
    const note = this.segments.get(send.id);
    if (note) return { relSeq: note.relSeq, relAck: note.relAck };
    const isn = send.flags.includes('SYN') ? send.seq : this.isn[send.who];
    return {
      relSeq: rel(send.seq, isn),
      relAck: send.flags.includes('ACK') ? rel(send.ack, this.isn[peerOf(send.who)]) : 0,
    };
  }

  /** The segment was sent before its sender (or, for an ACK, its receiver) started anew. */
  isOld(id: number): boolean {
    const note = this.segments.get(id);
    if (!note) return false;
    const from = note.send.who;
    const to = peerOf(from);
    return (
      this.incarnation[from] > note.incarnation[from] ||
      (this.incarnation[to] > note.incarnation[to] && note.send.flags.includes('ACK'))
    );
  }
}

/** Relative to an ISN; absolute when the side has sent no SYN yet (e.g. a RST from a closed port). */
function rel(n: number, isn: number | null): number {
  return isn === null ? n : (n - isn) >>> 0;
}

/** Explains the events of one step; `context` holds the run before the step (it is not changed). */
export function explainStep(events: readonly TraceEvent[], context: ExplainContext): Explanation {
  const step = new StepView(events, context);
  return (
    explainDrop(step) ??
    explainTimer(step) ??
    explainArrival(step) ??
    explainApp(step) ?? { key: 'other.nothing', params: {}, rfc: '3.10' }
  );
}

/**
 * Explanations of every step of a run in one pass. `causeStarts` are the indexes where each step
 * begins (the Run's `causeStarts`, engine `onCause`).
 */
export function explainRun(
  events: readonly TraceEvent[],
  causeStarts: readonly number[],
): Explanation[] {
  const context = new ExplainContext();
  const out: Explanation[] = [];
  causeStarts.forEach((first, i) => {
    const end = causeStarts[i + 1] ?? events.length;
    if (end <= first) return;
    const slice = events.slice(first, end);
    out.push(explainStep(slice, context));
    for (const event of slice) context.add(event);
  });
  return out;
}

/** A run's explanations, step by step, and the function that words them. */
export interface Explainer {
  /** What step `step` (1-based) did and why; null at step 0. */
  at: (step: number) => Explanation | null;
  /** Words for an explanation, with the widget's translator. */
  render: typeof renderExplanation;
}

export function explainerFor(run: Pick<Run, 'events' | 'causeStarts'>): Explainer {
  const list = explainRun(run.events, run.causeStarts);
  return {
    at: (step) => (step >= 1 ? (list[step - 1] ?? null) : null),
    render: renderExplanation,
  };
}

/** Why one segment was sent (for the segment inspector): one key per SendReason. */
export function explainSend(send: SendEvent, context: ExplainContext): Explanation {
  const { relSeq, relAck } = context.relOf(send);
  return {
    key: `send.${send.reason}` satisfies ExplainKey,
    params: {
      who: send.who,
      peer: peerOf(send.who),
      flags: flagLabel(send.flags),
      seq: relSeq,
      ack: relAck,
      len: send.len,
    },
    rfc: SEND_RFC[send.reason],
  };
}

const SEND_RFC: Record<SendReason, string> = {
  'active-open': '3.10.1',
  'passive-open': '3.10.7.2',
  'simultaneous-open': '3.10.7.3',
  'handshake-ack': '3.10.7.3',
  data: '3.10.2',
  ack: '3.10.7.4',
  'delayed-ack': '3.8.6.3',
  fin: '3.10.4',
  retransmit: '3.8.1',
  'dup-ack': '3.10.7.4',
  'challenge-ack': 'RFC 5961 §3–4',
  'rst-closed': '3.10.7.1',
  'rst-listen': '3.10.7.2',
  'rst-bad-ack': '3.5.2',
  'rst-orphan-data': 'RFC 1122 §4.2.2.13',
  'rst-syn-in-window': '3.10.7.4',
  abort: '3.10.5',
  injected: '3.10.7',
};

/** Turns an explanation into text with the page's translator (`t('explain.…', params)`). */
export function renderExplanation(
  explanation: Explanation,
  t: (key: string, params?: Record<string, string | number>) => string,
): string {
  const params: Record<string, string | number> = { ...explanation.params };
  for (const name of ['who', 'peer'] as const) {
    const side = params[name];
    if (side === 'client' || side === 'server') {
      params[name] = t(`explain.side.${side}`);
      params[name === 'who' ? 'Who' : 'Peer'] = t(`explain.Side.${side}`);
    }
  }
  return t(`explain.${explanation.key}`, params);
}

// ---- one step, taken apart ----

class StepView {
  readonly sends: SendEvent[] = [];
  readonly states: StateEvent[] = [];
  readonly apps: AppEvent[] = [];
  readonly timers: TimerEvent[] = [];
  readonly deliver: DeliverEvent | undefined;
  readonly drop: DropEvent | undefined;

  constructor(
    readonly events: readonly TraceEvent[],
    readonly context: ExplainContext,
  ) {
    let deliver: DeliverEvent | undefined;
    let drop: DropEvent | undefined;
    for (const event of events) {
      if (event.type === 'send') this.sends.push(event);
      else if (event.type === 'state') this.states.push(event);
      else if (event.type === 'app') this.apps.push(event);
      else if (event.type === 'timer') this.timers.push(event);
      else if (event.type === 'deliver') deliver ??= event;
      else drop ??= event;
    }
    this.deliver = deliver;
    this.drop = drop;
  }

  sendsBy(who: Side): SendEvent[] {
    return this.sends.filter((s) => s.who === who && s.injected !== true);
  }

  transitions(who: Side): StateEvent[] {
    return this.states.filter((s) => s.who === who);
  }

  /** The side's state before the step and after it. */
  span(who: Side): { from: TcpState; to: TcpState } {
    const from = this.context.states[who];
    return { from, to: this.transitions(who).at(-1)?.to ?? from };
  }

  went(who: Side, from: TcpState | null, to: TcpState): boolean {
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

function explanation(
  key: ExplainKey,
  rfc: string,
  params: Explanation['params'] = {},
): Explanation {
  return { key, params, rfc };
}

// ---- drops ----

function explainDrop(step: StepView): Explanation | undefined {
  const { drop } = step;
  if (!drop) return undefined;
  const note = step.context.segment(drop.id);
  if (!note) return explanation('drop.loss', '3.8.1', { flags: '?', seq: 0, who: 'client' });
  const { send } = note;
  const params = {
    who: send.who,
    peer: peerOf(send.who),
    flags: flagLabel(send.flags),
    seq: note.relSeq,
    len: send.len,
  };
  const pureAck =
    send.len === 0 && !send.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
  if (pureAck)
    return explanation(drop.reason === 'fault' ? 'drop.ackFault' : 'drop.ackLoss', '3.8.1', params);
  if (send.flags.includes('RST')) return explanation('drop.rst', '3.5.2', params);
  return explanation(drop.reason === 'fault' ? 'drop.fault' : 'drop.loss', '3.8.1', params);
}

// ---- timers ----

function explainTimer(step: StepView): Explanation | undefined {
  const first = step.events[0];
  if (first?.type !== 'timer' || first.action !== 'fire') return undefined;
  const who = first.who;
  const span = step.span(who);
  switch (first.timer) {
    case 'retransmit': {
      const rtx = step.sendsBy(who).find((s) => s.retransmission);
      if (rtx) {
        const next = step.timer(who, 'retransmit', 'set');
        const params = {
          who,
          peer: peerOf(who),
          flags: flagLabel(rtx.flags),
          seq: step.context.relOf(rtx).relSeq,
          len: rtx.len,
          rto: next?.due !== undefined ? next.due - next.t : 0,
        };
        const key: ExplainKey = rtx.flags.includes('SYN')
          ? rtx.flags.includes('ACK')
            ? 'timer.retransmitSynAck'
            : 'timer.retransmitSyn'
          : rtx.flags.includes('FIN') && rtx.len === 0
            ? 'timer.retransmitFin'
            : 'timer.retransmitData';
        return explanation(key, 'RFC 6298 §5', params);
      }
      const failed = step.apps.find((a) => a.who === who && a.result === 'ETIMEDOUT');
      if (failed?.call === 'connect')
        return explanation('timer.connectTimeout', '3.8.3', { who, peer: peerOf(who) });
      if (span.to === 'CLOSED' || failed)
        return explanation('timer.giveUp', '3.8.3', { who, peer: peerOf(who), state: span.from });
      return explanation('timer.retransmitNothing', '3.8.1', { who });
    }
    case 'time-wait':
      return explanation('timer.timeWait', '3.10.8', {
        who,
        ms: step.context.timeWaitMs[who],
        s: Math.round(step.context.timeWaitMs[who] / 1000),
      });
    case 'fin-wait-2':
      return explanation('timer.finWait2', '3.6', { who, peer: peerOf(who) });
    case 'delayed-ack': {
      const ack = step.sendsBy(who)[0];
      if (!ack) return explanation('timer.delayedAckNothing', '3.8.6.3', { who });
      return explanation('timer.delayedAck', '3.8.6.3', {
        who,
        peer: peerOf(who),
        ack: step.context.relOf(ack).relAck,
      });
    }
  }
}

// ---- arrivals ----

function explainArrival(step: StepView): Explanation | undefined {
  const { deliver, context } = step;
  if (!deliver) return undefined;
  const injectedSend = step.sends.find((s) => s.id === deliver.id && s.injected === true);
  const note = context.segment(deliver.id);
  const seg = note?.send ?? injectedSend;
  if (!seg) return undefined;
  const sender = seg.who;
  const me = peerOf(sender);
  const rels = note ? { relSeq: note.relSeq, relAck: note.relAck } : context.relOf(seg);
  const replies = step.sendsBy(me);
  const reply = replies[0];
  const replyRel = reply ? context.relOf(reply) : undefined;
  const has = (f: Flag): boolean => seg.flags.includes(f);
  const span = step.span(me);
  const base = {
    who: me,
    peer: sender,
    flags: flagLabel(seg.flags),
    seq: rels.relSeq,
    ack: rels.relAck,
    len: seg.len,
    from: span.from,
    to: span.to,
    replyAck: replyRel?.relAck ?? 0,
    replyFlags: reply ? flagLabel(reply.flags) : '',
  };
  const a = (key: ExplainKey, rfc: string, extra: Explanation['params'] = {}): Explanation =>
    explanation(key, rfc, { ...base, ...extra });
  const old = note !== undefined && context.isOld(deliver.id);
  const replyReason = reply?.reason;

  if (deliver.duplicate === true) {
    return a(replies.length > 0 ? 'arrive.duplicateAnswered' : 'arrive.duplicateIgnored', '3.4');
  }
  if (injectedSend && !note) {
    // A hand-made segment: say what it was and what it caused.
    const inner = explainArrivalKind(step, me, seg, has, span, reply, old);
    return a(
      inner?.[0] === 'arrive.nothing' ? 'arrive.injectedIgnored' : 'arrive.injected',
      '3.10.7',
      {
        reaction: replyReason ?? '',
      },
    );
  }
  const kind = explainArrivalKind(step, me, seg, has, span, reply, old);
  if (kind) return a(kind[0], kind[1]);
  return a('arrive.nothing', '3.10.7.4');
}

function explainArrivalKind(
  step: StepView,
  me: Side,
  seg: SendEvent,
  has: (f: Flag) => boolean,
  span: { from: TcpState; to: TcpState },
  reply: SendEvent | undefined,
  old: boolean,
): [ExplainKey, string] | undefined {
  const went = (from: TcpState | null, to: TcpState): boolean => step.went(me, from, to);
  const reason = reply?.reason;
  const app = step.apps.find((e) => e.who === me);

  // Old segments of an earlier connection.
  const late = (step.deliver?.delayedMs ?? 0) > 0;
  if (late && (reason === 'rst-listen' || reason === 'rst-closed'))
    return ['arrive.oldNoConnection', '3.4.3'];
  if (old) {
    if (seg.len > 0 && reason === 'ack' && span.from === span.to)
      return ['arrive.oldDataAccepted', '3.4.3'];
    if (reason === 'rst-listen' || reason === 'rst-closed')
      return ['arrive.oldNoConnection', '3.4.3'];
    if (has('SYN') && went('LISTEN', 'SYN_RCVD')) {
      return went('SYN_RCVD', 'ESTABLISHED')
        ? ['arrive.oldSynTwoWay', '3.5']
        : ['arrive.oldSyn', '3.5'];
    }
    if (step.transitions(me).length === 0) return ['arrive.oldIgnored', '3.4.3'];
  }

  // RST.
  if (has('RST')) {
    if (app?.result === 'ECONNREFUSED') return ['arrive.rstRefused', '3.10.7.3'];
    if (went('SYN_RCVD', 'LISTEN')) return ['arrive.rstBackToListen', '3.5.1'];
    if (span.to === 'CLOSED' && span.from !== 'CLOSED') {
      return span.from === 'LAST_ACK' || span.from === 'CLOSING' || span.from === 'TIME_WAIT'
        ? ['arrive.rstWhileClosing', '3.10.7.4']
        : ['arrive.rstReset', '3.5.3'];
    }
    if (reason === 'challenge-ack') return ['arrive.rstChallenge', 'RFC 5961 §3'];
    return span.from === 'TIME_WAIT'
      ? ['arrive.rstTimeWait', 'RFC 1337']
      : ['arrive.rstIgnored', '3.5.3'];
  }

  // SYN.
  if (has('SYN') && !has('ACK')) {
    if (went(null, 'SYN_RCVD') && went('SYN_RCVD', 'ESTABLISHED'))
      return ['arrive.synListenTwoWay', '3.5'];
    if (went('SYN_SENT', 'SYN_RCVD')) return ['arrive.synSimultaneous', '3.10.7.3'];
    if (went('TIME_WAIT', 'CLOSED') || (span.from === 'TIME_WAIT' && went(null, 'SYN_RCVD')))
      return ['arrive.synReopensTimeWait', 'RFC 6191'];
    if (went(null, 'SYN_RCVD')) return ['arrive.synListen', '3.10.7.2'];
    if (reason === 'rst-closed') return ['arrive.synClosedPort', '3.10.7.1'];
    if (reason === 'retransmit' && span.from === 'SYN_RCVD') return ['arrive.synAgain', '3.10.7.4'];
    if (reason === 'challenge-ack') return ['arrive.synChallenge', 'RFC 5961 §4'];
    if (reason === 'rst-syn-in-window') return ['arrive.synInWindow', '3.10.7.4'];
    return undefined;
  }
  if (has('SYN') && has('ACK')) {
    if (went('SYN_SENT', 'ESTABLISHED')) return ['arrive.synAck', '3.10.7.3'];
    if (went('SYN_RCVD', 'ESTABLISHED')) return ['arrive.synAckSimultaneous', '3.10.7.4'];
    if (reason === 'rst-closed' || reason === 'rst-listen')
      return ['arrive.synAckNoConnection', '3.10.7.1'];
    if (reason === 'dup-ack' || reason === 'ack') return ['arrive.synAckAgain', '3.10.7.4'];
    if (reason === 'rst-bad-ack') return ['arrive.badAck', '3.10.7.3'];
    return undefined;
  }

  // Everything else carries an ACK: state changes first.
  if (
    went('FIN_WAIT_2', 'CLOSED') ||
    (went(null, 'CLOSED') && (span.from === 'FIN_WAIT_1' || span.from === 'FIN_WAIT_2'))
  )
    return ['arrive.finNoTimeWait', '3.6'];
  if (went(null, 'CLOSE_WAIT')) {
    if (went('CLOSE_WAIT', 'LAST_ACK')) {
      return step.timer(me, 'delayed-ack', 'set') !== undefined
        ? ['arrive.finDelayedAckClose', '3.8.6.3']
        : ['arrive.finAndClose', '3.6'];
    }
    return ['arrive.fin', '3.6'];
  }
  if (went(null, 'CLOSING')) return ['arrive.finSimultaneous', '3.6'];
  if (went('CLOSING', 'TIME_WAIT')) return ['arrive.ackOfFinClosing', '3.6'];
  if (went(null, 'TIME_WAIT')) return ['arrive.finTimeWait', '3.6'];
  if (went('SYN_RCVD', 'ESTABLISHED')) return ['arrive.handshakeAck', '3.10.7.4'];
  if (went('FIN_WAIT_1', 'FIN_WAIT_2')) return ['arrive.ackOfFin', '3.6'];
  if (went('LAST_ACK', 'CLOSED')) return ['arrive.lastAck', '3.6'];
  if (span.from === 'TIME_WAIT' && has('FIN')) {
    return step.timer(me, 'time-wait', 'set')
      ? ['arrive.finAgainTimeWait', '3.10.7.4']
      : ['arrive.finAgainTimeWaitNoRestart', '3.10.7.4'];
  }

  // No state change.
  switch (reason) {
    case 'rst-closed':
      return has('FIN')
        ? ['arrive.finNoConnection', '3.10.7.1']
        : ['arrive.noConnection', '3.10.7.1'];
    case 'rst-listen':
      return ['arrive.ackAtListen', '3.10.7.2'];
    case 'rst-orphan-data':
      return ['arrive.dataAfterClose', 'RFC 1122 §4.2.2.13'];
    case 'rst-bad-ack':
      return ['arrive.badAck', '3.10.7.4'];
    case 'rst-syn-in-window':
      return ['arrive.synInWindow', '3.10.7.4'];
    case 'challenge-ack':
      return ['arrive.challenge', 'RFC 5961 §5'];
    default:
      break;
  }
  if (seg.len > 0 || has('FIN')) {
    if (reason === 'ack') return ['arrive.data', '3.10.7.4'];
    if (reason === 'dup-ack' && reply) {
      const expected = (reply.ack - seg.seq) | 0; // > 0: the segment starts below what is expected
      return expected > 0
        ? ['arrive.dataDuplicate', '3.10.7.4']
        : ['arrive.outOfOrder', '3.10.7.4'];
    }
    if (step.timer(me, 'delayed-ack', 'set')) return ['arrive.dataDelayedAck', '3.8.6.3'];
    return ['arrive.dataNoAck', '3.8.6.3'];
  }
  // A pure ACK.
  if (reason === 'dup-ack') return ['arrive.ackUnacceptable', '3.10.7.4'];
  if (step.timer(me, 'retransmit', 'cancel')) return ['arrive.ack', '3.10.7.4'];
  if (seg.reason === 'dup-ack') return ['arrive.dupAckIgnored', '3.10.7.4'];
  return ['arrive.ackNothing', '3.10.7.4'];
}

// ---- application calls ----

function explainApp(step: StepView): Explanation | undefined {
  const app = step.apps[0];
  const firstState = step.states[0];
  // connect() reports its result only when the handshake ends; the call itself shows as SYN_SENT.
  const connecting = step.states.find((s) => s.to === 'SYN_SENT');
  const who: Side | undefined = app?.who ?? connecting?.who ?? firstState?.who;
  if (!who) return undefined;
  const call = app?.call ?? (connecting ? 'connect' : undefined);
  const sends = step.sendsBy(who);
  const span = step.span(who);
  const base = {
    who,
    peer: peerOf(who),
    from: span.from,
    to: span.to,
    result: app?.result ?? 'ok',
  };
  const a = (key: ExplainKey, rfc: string, extra: Explanation['params'] = {}): Explanation =>
    explanation(key, rfc, { ...base, ...extra });

  switch (call) {
    case 'listen':
      return app?.result === 'ok'
        ? a('app.listen', '3.10.1')
        : a('app.failed', '3.10.1', { call: 'listen' });
    case 'connect': {
      if (app?.result === 'EADDRINUSE') return a('app.connectInUse', '3.4.3');
      if (app && app.result !== 'ok') return a('app.failed', '3.10.1', { call: 'connect' });
      const syn = sends.find((s) => s.flags.includes('SYN'));
      const isn = syn?.seq ?? 0;
      if (step.went(who, 'TIME_WAIT', 'CLOSED')) return a('app.connectReuse', '3.4.3', { isn });
      return a('app.connect', '3.10.1', { isn });
    }
    case 'send': {
      if (app?.result !== 'ok') return a('app.sendFailed', '3.10.2');
      const data = sends.filter((s) => s.len > 0);
      const bytes = data.reduce((sum, s) => sum + s.len, 0);
      if (data.length === 0) return a('app.sendQueued', '3.10.2');
      const first = data[0];
      const seq = first ? step.context.relOf(first).relSeq : 0;
      return data.length === 1
        ? a('app.send', '3.10.2', { bytes, seq })
        : a('app.sendMany', '3.7', { bytes, seq, count: data.length });
    }
    case 'shutdown':
      if (app?.result !== 'ok') return a('app.failed', '3.10.4', { call: 'shutdown' });
      return a('app.shutdown', '3.6.1');
    case 'close':
      if (app?.result !== 'ok') return a('app.failed', '3.10.4', { call: 'close' });
      if (step.went(who, 'CLOSE_WAIT', 'LAST_ACK')) return a('app.closePassive', '3.10.4');
      if (step.went(who, null, 'FIN_WAIT_1')) return a('app.closeActive', '3.10.4');
      if (step.went(who, 'SYN_SENT', 'CLOSED')) return a('app.closeSynSent', '3.10.4');
      if (step.went(who, 'LISTEN', 'CLOSED') || span.from === 'LISTEN')
        return a('app.closeListener', '3.10.4');
      if (span.from === 'CLOSED' && sends.length === 0) return a('app.closeNothing', '3.10.4');
      return a('app.closeQueued', '3.10.4');
    case 'abort':
      if (app?.result !== 'ok') return a('app.failed', '3.10.5', { call: 'abort' });
      return sends.some((s) => s.flags.includes('RST'))
        ? a('app.abort', '3.10.5')
        : a('app.abortSilent', '3.10.5');
    default:
      return undefined;
  }
}
