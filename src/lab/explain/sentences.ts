// A step's sentences: one per engine rule its events name (`why.rule`), in the order the events
// happened, each filled with facts of its own event. Nothing here decides what happened: the
// engine did, and said why. This file only picks which events get a sentence (routine timer
// bookkeeping does not) and reads the numbers, states and timers the sentence names.
import type { RuleId } from '../../engine/rules';
import { peerOf, type Side, type TcpOption, type TraceEvent } from '../../engine/types';
import type { SegmentInfo } from '../types';
import { flagLabel, type FactKey, type Params, type SeqNumber, type Sentence } from './explanation';
import type { StepView } from './step';

/**
 * Timer rules worth a sentence when a timer is set (or restarted): the ones that say something a
 * student should see (a backoff, a delayed ACK, TIME_WAIT's length). Arming the retransmission
 * timer after every send, and cancelling timers a state change makes moot, are routine and left
 * to the diagram's timer bars.
 */
const TIMER_SET_SENTENCES: ReadonlySet<RuleId> = new Set<RuleId>([
  'ack-partial',
  'delayed-ack',
  'pingpong',
  'rto-backoff',
  'syn-linear-timeout',
  'time-wait',
  'linux-time-wait',
]);

type RuledEvent = TraceEvent & { why: { rule: RuleId; ref: string } };

function ruled(event: TraceEvent): event is RuledEvent {
  return 'why' in event && event.why !== undefined;
}

/** Whether `event` gets a sentence of its own (when its rule has none yet in the step). */
function speaks(event: RuledEvent): boolean {
  if (event.type !== 'timer' || event.action === 'fire') return true;
  // ack-partial speaks at its cancel, the first of its two events, with its set's facts.
  if (event.why.rule === 'ack-partial') return true;
  return event.action === 'set' && TIMER_SET_SENTENCES.has(event.why.rule);
}

/** The sentences of one step. */
export function stepSentences(view: StepView): Sentence[] {
  const said = new Set<RuleId>();
  const sentences: Sentence[] = [];
  const say = (event: RuledEvent) => {
    said.add(event.why.rule);
    sentences.push({ rule: event.why.rule, params: factsOf(event, view) });
  };
  for (const event of view.events) {
    if (ruled(event) && !said.has(event.why.rule) && speaks(event)) say(event);
  }
  // A step of timer bookkeeping only (an ACK that stops a timer): its first rule speaks.
  if (sentences.length === 0) {
    const first = view.events.find(ruled);
    if (first) say(first);
  }
  if (sentences.length === 0) sentences.push({ rule: null, params: nothingFacts(view) });
  return sentences;
}

// ---- facts ----

const num = (rel: number, abs: number): SeqNumber => ({ rel, abs: abs >>> 0 });

/** The socket a sentence is about: the listener's calls are the server application's. */
function subjectOf(event: TraceEvent, view: StepView): Side {
  switch (event.type) {
    case 'deliver':
      return view.segment(event.id)?.to ?? 'client';
    case 'drop':
      return view.segment(event.id)?.from ?? 'client';
    default:
      return event.who === 'listener' ? 'server' : event.who;
  }
}

function segmentFacts(prefix: '' | 'sent', seg: SegmentInfo | undefined): Params {
  if (!seg) return {};
  const name = (key: string) =>
    prefix === '' ? key : `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`;
  const space = seg.len + (seg.flags.includes('SYN') ? 1 : 0) + (seg.flags.includes('FIN') ? 1 : 0);
  return {
    [name('flags')]: flagLabel(seg.flags),
    [name('seq')]: num(seg.relSeq, seg.seq),
    [name('ack')]: num(seg.relAck ?? 0, seg.ack),
    [name('len')]: seg.len,
    // The number that acknowledges the whole segment: seq + data + one for a SYN or a FIN.
    [name('end')]: num(seg.relSeq + space, seg.seq + space),
  };
}

/** Options as tcpdump prints them: the same in every language. */
export function optionsText(options: readonly TcpOption[] | undefined): string {
  return (options ?? [])
    .map((o) => {
      switch (o.kind) {
        case 'mss':
          return `mss ${o.value}`;
        case 'sackPermitted':
          return 'sackOK';
        case 'timestamps':
          return `TS val ${o.tsval} ecr ${o.tsecr}`;
        case 'windowScale':
          return `wscale ${o.shift}`;
      }
    })
    .join(', ');
}

function factsOf(event: RuledEvent, view: StepView): Params {
  const who = subjectOf(event, view);
  const incoming = view.deliver ?? view.drop;
  const arriving = incoming ? view.segment(incoming.id) : undefined;
  const own = event.type === 'send' ? view.segment(event.id) : view.sendsBy(who)[0];
  // The move a sentence names is its own rule's state change, or else where the socket went.
  const move =
    event.type === 'state'
      ? event
      : (view.states.find((e) => e.why.rule === event.why.rule && e.who !== 'listener') ??
        view.span(event.type === 'app' ? event.who : who));
  const params: Params = {
    who,
    peer: peerOf(who),
    from: move.from,
    to: move.to,
    ...segmentFacts('', arriving),
    ...segmentFacts('sent', own),
  };
  if (event.type === 'app') {
    params.call = event.call;
    params.result = event.result;
  }
  // A segment of an earlier connection that reached a newer one: every sentence about it says so.
  params.late = fact(arriving?.old === true ? 'late.yes' : 'late.no');
  const rule = event.why.rule;
  return { ...params, ...(RULE_FACTS[rule]?.(view, who, event, arriving, own) ?? {}) };
}

function nothingFacts(view: StepView): Params {
  const seg = view.deliver ? view.segment(view.deliver.id) : undefined;
  return { who: seg?.to ?? 'client', peer: seg?.from ?? 'server', ...segmentFacts('', seg) };
}

/** A timer `who` set in this step: its name and how long it runs. */
function timerSet(view: StepView, who: Side, rule?: RuleId) {
  const set = view.timers.find(
    (e) => e.who === who && e.action === 'set' && (rule === undefined || e.why.rule === rule),
  );
  if (set === undefined) return undefined;
  return { timer: fact(`timer.${set.timer}`), duration: { ms: (set.due ?? set.t) - set.t } };
}

/** Phrases that say nothing in this case: the sentence simply goes on without one. */
const SILENT = [
  'arrived.none',
  'connected.none',
  'moves.no',
  'waits.no',
  'late.no',
  'close.now',
  'afterFin.other',
  'refused.none',
  'rtx.giveUp',
  'gaveUp.other',
  'noConnection.answered',
] as const;
type Silent = (typeof SILENT)[number];

const fact = (key: FactKey | Silent): Params[string] =>
  (SILENT as readonly string[]).includes(key) ? '' : { fact: key as FactKey };

/** The data `who` sent in this step (not retransmissions): bytes, segments, first seq. */
function dataSent(view: StepView, who: Side): Params {
  const data = view.sendsBy(who).filter((s) => s.len > 0 && !s.retransmission);
  const first = data[0];
  return {
    bytes: data.reduce((sum, s) => sum + s.len, 0),
    count: data.length,
    ...(first ? { dataSeq: num(first.relSeq, first.seq) } : {}),
  };
}

/** What the arrival was, when no sentence before says (a FIN's has its own). */
function arrived(view: StepView, arriving: SegmentInfo | undefined, who: Side): Params {
  if (!arriving || arriving.to !== who) return { arrived: fact('arrived.none') };
  if (view.transitions(who).some((s) => s.why.rule === 'fin-received'))
    return { arrived: fact('arrived.none') };
  if (arriving.len > 0) return { arrived: fact(arriving.old ? 'arrived.oldData' : 'arrived.data') };
  return { arrived: fact(arriving.flags.includes('FIN') ? 'arrived.fin' : 'arrived.none') };
}

/** How the receiver answered a segment it discarded: an ACK, nothing (rate-limited), or never (a RST). */
function answer(arriving: SegmentInfo | undefined, own: SegmentInfo | undefined): Params {
  if (arriving?.flags.includes('RST')) return { answer: fact('answer.rst') };
  return { answer: fact(own ? 'answer.ack' : 'answer.limited') };
}

type FactsOf = (
  view: StepView,
  who: Side,
  event: RuledEvent,
  arriving: SegmentInfo | undefined,
  own: SegmentInfo | undefined,
) => Params;

const connectFacts: FactsOf = (view, who) => {
  const syn = view.sendsBy(who).find((s) => s.flags.includes('SYN'));
  // Relative numbers count from the ISN: say so where the ISN first appears.
  const isnNote = { fact: { relative: 'isnNote.relative', absolute: 'isnNote.absolute' } } as const;
  return syn
    ? { isn: syn.seq >>> 0, isnNext: num(syn.relSeq + 1, syn.seq + 1), isnNote }
    : { isn: 0, isnNext: num(1, 0), isnNote };
};

const RULE_FACTS: Partial<Record<RuleId, FactsOf>> = {
  'syn-to-listener': (view) => ({
    // In the two-way what-if the new socket does not wait for a third segment.
    waits: fact(
      view.states.some((s) => s.why.rule === 'two-way-handshake') ? 'waits.no' : 'waits.synRcvd',
    ),
  }),
  'active-open': connectFacts,
  'time-wait-takeover': connectFacts,
  'reuse-time-wait': connectFacts,
  'time-wait-reopen-linux': (view, who) => {
    const synAck = view.sendsBy(who).find((s) => s.flags.includes('SYN'));
    return { isn: (synAck?.seq ?? 0) >>> 0 };
  },
  'syn-options': (_view, _who, event) => {
    const text = optionsText(event.type === 'send' ? event.options : undefined);
    return { options: text === '' ? fact('options.none') : text };
  },
  'syn-ack-received': (view, who) => ({
    connected: fact(
      view.apps.some((a) => a.who === who && a.call === 'connect' && a.result === 'ok')
        ? 'connected.yes'
        : 'connected.none',
    ),
  }),
  'send-data': (view, who, event) => {
    const sent = dataSent(view, who);
    const many = (sent.count as number) > 1;
    if (event.type !== 'app')
      return { ...sent, data: fact(many ? 'data.laterMany' : 'data.later') };
    if (sent.count === 0) return { ...sent, data: fact('data.queued') };
    return { ...sent, data: fact(many ? 'data.writtenMany' : 'data.written') };
  },
  'ack-at-once': (view, who, _event, arriving) => arrived(view, arriving, who),
  'quick-ack': (view, who, _event, arriving) => arrived(view, arriving, who),
  'delayed-ack': (view, who, _event, arriving) => ({
    ...arrived(view, arriving, who),
    ...timerSet(view, who, 'delayed-ack'),
  }),
  pingpong: (view, who, _event, arriving) => ({
    ...arrived(view, arriving, who),
    ...timerSet(view, who, 'pingpong'),
  }),
  'delayed-ack-expired': (_view, _who, _event, _arriving, own) => ({
    delayed: fact(own ? 'delayed.sent' : 'delayed.none'),
  }),
  'ack-partial': (view, who) => timerSet(view, who, 'ack-partial') ?? {},
  'dup-ack-received': (view, who, _event, arriving) => {
    const count = arriving ? view.before.duplicateCount(who, arriving.ack) : 1;
    return { count, duplicates: fact(count >= 3 ? 'duplicates.threshold' : 'duplicates.below') };
  },
  'all-acked': (view, who) => {
    const cancel = view.timers.find((e) => e.who === who && e.why.rule === 'all-acked');
    return { timer: fact(`timer.${cancel?.timer ?? 'retransmit'}`) };
  },
  'app-close': (view, who) => {
    const span = view.span(who);
    const finNow = view.sendsBy(who).some((s) => s.flags.includes('FIN'));
    if (finNow || span.from !== span.to) return { close: fact('close.now') };
    switch (span.from) {
      case 'ESTABLISHED':
      case 'CLOSE_WAIT':
      case 'SYN_RCVD':
        return { close: fact('close.queued') };
      case 'CLOSED':
        return { close: fact('close.gone') };
      default:
        return { close: fact('close.done') };
    }
  },
  'close-call': (view, who) => finFacts(view, who),
  'passive-close': (view, who) => finFacts(view, who),
  'fin-received': (view, who, _event, arriving) => {
    // The ACK may go before the state changes (FIN_WAIT_2): the sentence names where it ends up.
    const moved = view.transitions(who).find((e) => e.why.rule === 'fin-received');
    return {
      moves: fact(moved ? 'moves.yes' : 'moves.no'),
      finAck: arriving
        ? num(arriving.relSeq + arriving.len + 1, arriving.seq + arriving.len + 1)
        : num(0, 0),
      afterFin: fact(moved ? afterFinKey(moved.to) : 'afterFin.other'),
    };
  },
  'fin-acked': (_view, _who, event) => ({
    finAcked: fact(
      event.type === 'state' && event.to === 'FIN_WAIT_2'
        ? 'finAcked.finWait2'
        : event.type === 'state' && event.to === 'TIME_WAIT'
          ? 'finAcked.timeWait'
          : 'finAcked.closed',
    ),
  }),
  'time-wait': (view, who) => timerSet(view, who, 'time-wait') ?? {},
  'linux-time-wait': (view, who) => timerSet(view, who, 'linux-time-wait') ?? {},
  'time-wait-restart': (view, who) => timerSet(view, who, 'time-wait-restart') ?? {},
  'time-wait-expired': (view, who) => ({ duration: { ms: view.before.timerMs[who]['time-wait'] } }),
  'fin-wait-2-timeout': (view, who) => ({
    duration: { ms: view.before.timerMs[who]['fin-wait-2'] },
  }),
  'abort-call': (_view, _who, _event, _arriving, own) => ({
    abort: fact(own?.flags.includes('RST') ? 'abort.rst' : 'abort.silent'),
  }),
  'socket-error': (_view, _who, event) => ({
    error: fact(errorKey(event.type === 'app' ? event.result : 'EPIPE')),
  }),
  'rst-bad-ack': (_view, _who, _event, _arriving, own) => ({
    answer: fact(own ? 'answer.rstSent' : 'answer.rst'),
  }),
  'rst-refused': (view, who): Params => {
    const call = view.apps.find((a) => a.who === who && a.call === 'connect');
    if (call === undefined) return { refused: fact('refused.none') };
    return { refused: fact('refused.call'), result: call.result };
  },
  'rto-expired': (view, who, _event, _arriving, own) => {
    const rtx = own?.retransmission ? own : view.sendsBy(who).find((s) => s.retransmission);
    if (rtx) {
      return { ...segmentFacts('sent', rtx), rtx: fact(rtx.len > 0 ? 'rtx.sentData' : 'rtx.sent') };
    }
    const gaveUp = view.states.some((s) => s.why.rule === 'retries-exhausted');
    return { rtx: fact(gaveUp ? 'rtx.giveUp' : 'rtx.none') };
  },
  'rto-backoff': (view, who) => timerSet(view, who, 'rto-backoff') ?? {},
  'syn-linear-timeout': (view, who) => timerSet(view, who, 'syn-linear-timeout') ?? {},
  'loss-probe-sent': (view, who, _event, _arriving, own) => {
    const probe = own ?? view.sendsBy(who).find((s) => s.reason === 'loss-probe');
    return probe
      ? { ...segmentFacts('sent', probe), probe: fact('probe.sent') }
      : { probe: fact('probe.none') };
  },
  'retries-exhausted': (view, who) => ({
    gaveUp: fact(
      view.apps.some((a) => a.who === who && a.result === 'ETIMEDOUT')
        ? 'gaveUp.connect'
        : 'gaveUp.other',
    ),
  }),
  'bind-in-use': (view, who) => ({
    bind: fact(view.before.states[who] === 'TIME_WAIT' ? 'bind.timeWait' : 'bind.busy'),
  }),
  paws: (_view, _who, _event, arriving, own) => answer(arriving, own),
  'out-of-window': (_view, _who, _event, arriving, own) => answer(arriving, own),
  'duplicate-syn': (_view, _who, _event, arriving, own) => answer(arriving, own),
  'ack-of-unsent': (_view, _who, _event, arriving, own) => answer(arriving, own),
  'no-connection': (_view, _who, _event, arriving, own) => ({
    noConnection: fact(
      own
        ? 'noConnection.answered'
        : arriving?.flags.includes('RST')
          ? 'noConnection.rst'
          : 'noConnection.silent',
    ),
  }),
  fault: (_view, _who, _event, arriving) => recovery(arriving),
  'random-loss': (_view, _who, _event, arriving) => recovery(arriving),
};

function finFacts(view: StepView, who: Side): Params {
  const fin = view.sendsBy(who).find((s) => s.flags.includes('FIN'));
  if (!fin) return { finAck: num(0, 0) };
  return fin
    ? { finAck: num(fin.relSeq + fin.len + 1, fin.seq + fin.len + 1) }
    : { finAck: num(0, 0) };
}

function afterFinKey(to: string): FactKey | Silent {
  switch (to) {
    case 'CLOSE_WAIT':
      return 'afterFin.closeWait';
    case 'TIME_WAIT':
      return 'afterFin.timeWait';
    case 'CLOSING':
      return 'afterFin.closing';
    default:
      return 'afterFin.other';
  }
}

function errorKey(result: string): FactKey {
  switch (result) {
    case 'ECONNRESET':
      return 'error.ECONNRESET';
    case 'ETIMEDOUT':
      return 'error.ETIMEDOUT';
    case 'ECONNREFUSED':
      return 'error.ECONNREFUSED';
    default:
      return 'error.EPIPE';
  }
}

function recovery(seg: SegmentInfo | undefined): Params {
  if (!seg) return { recovery: fact('recovery.timer') };
  if (seg.flags.includes('RST')) return { recovery: fact('recovery.rst') };
  const bare = seg.len === 0 && !seg.flags.some((f) => f === 'SYN' || f === 'FIN');
  return { recovery: fact(bare ? 'recovery.bareAck' : 'recovery.timer') };
}
