// What an explanation's English words assert about its step, checked against the step's events:
// a sentence may say "stops its retransmission timer" only where that timer is cancelled and not
// set again, "sends it again" only where something is retransmitted, "A → B" only where a socket
// makes that move, and so on. The explanation tests run this over every lesson and over random
// scenarios, so a template that claims more than its rule's event shows is caught.
import type { TraceEvent } from '../engine/types';
import type { SegmentInfo } from '../lab/types';

export interface StepFacts {
  /** The step's events. */
  events: readonly TraceEvent[];
  /** Every segment of the run, by id. */
  segments: ReadonlyMap<number, SegmentInfo>;
  /** Events before the step. */
  before: readonly TraceEvent[];
}

const TIMER_WORDS: Record<string, string> = {
  retransmission: 'retransmit',
  'loss-probe': 'loss-probe',
  TIME_WAIT: 'time-wait',
  FIN_WAIT_2: 'fin-wait-2',
  'delayed-ACK': 'delayed-ack',
};

const STATES =
  'CLOSED|LISTEN|SYN_SENT|SYN_RCVD|ESTABLISHED|FIN_WAIT_1|FIN_WAIT_2|CLOSE_WAIT|CLOSING|LAST_ACK|TIME_WAIT';

/** The claims of `text` the step's events do not bear out (empty: every claim holds). */
export function unsupportedClaims(text: string, step: StepFacts): string[] {
  const problems: string[] = [];
  const { events } = step;
  const timers = events.filter((e) => e.type === 'timer');
  const sends = events.filter((e) => e.type === 'send');
  const deliver = events.find((e) => e.type === 'deliver');
  const claim = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };

  for (const m of text.matchAll(/stops its ([\w-]+) timer/g)) {
    const timer = TIMER_WORDS[m[1]!];
    claim(
      timers.some((e) => e.timer === timer && e.action === 'cancel') &&
        !timers.some((e) => e.timer === timer && e.action === 'set'),
      `"${m[0]}" without a cancel of ${timer} (and no new set)`,
    );
  }
  for (const m of text.matchAll(/restarts its ([\w-]+) timer/g)) {
    const timer = TIMER_WORDS[m[1]!];
    claim(
      timers.some((e) => e.timer === timer && e.action === 'set'),
      `"${m[0]}" without a set of ${timer}`,
    );
  }
  for (const m of text.matchAll(new RegExp(`\\b(${STATES}) → (${STATES})\\b`, 'g'))) {
    claim(
      events.some((e) => e.type === 'state' && e.from === m[1] && e.to === m[2]),
      `"${m[0]}" without that state change`,
    );
  }
  if (/sends it again|sends the SYN\+ACK again at once|sends that one again/.test(text)) {
    claim(
      sends.some((e) => e.retransmission),
      'a resend is claimed but nothing is retransmitted',
    );
  }
  const doubled = /doubles to [^()]+ \(exponential backoff\)/.test(text);
  if (doubled) {
    claim(
      timers.some(
        (e) => e.timer === 'retransmit' && e.action === 'set' && e.why.rule === 'rto-backoff',
      ),
      'a backoff is claimed without a backed-off retransmission timer',
    );
  }
  for (const m of text.matchAll(/acknowledges at once: ack (\d+)/g)) {
    claim(
      sends.some((e) => relAck(e.id, step) === Number(m[1])),
      `"${m[0]}" but no segment of the step carries that ack`,
    );
  }
  if (
    /discards it|drops it(?! here)|is discarded|simply dropped|dropped without an answer/.test(text)
  ) {
    claim(
      deliver?.type === 'deliver' && deliver.discarded !== undefined,
      'a discard is claimed but the arrival was taken',
    );
  }
  if (/outside \S+ receive window/.test(text)) {
    claim(
      deliver?.type === 'deliver' && deliver.discarded === 'out-of-window',
      'out of window is claimed but the arrival was not discarded for it',
    );
  }
  if (/PAWS \(RFC 7323\) takes it/.test(text)) {
    claim(deliver?.type === 'deliver' && deliver.discarded === 'paws', 'PAWS claimed without it');
  }
  for (const m of text.matchAll(/(\w+)\(\) fails with (\w+)/g)) {
    claim(
      events.some((e) => e.type === 'app' && e.call === m[1] && e.result === m[2]),
      `"${m[0]}" without that result`,
    );
  }
  if (/accept\(\) returns the new connection/.test(text)) {
    claim(
      events.some((e) => e.type === 'app' && e.call === 'accept' && e.result === 'ok'),
      'accept() returning is claimed without it',
    );
  }
  if (/still has data unacknowledged/.test(text)) {
    claim(
      hasUnacknowledged(step),
      'data unacknowledged is claimed but everything was acknowledged',
    );
  }
  if (/and \S+ has nothing unacknowledged/.test(text)) {
    claim(!hasUnacknowledged(step), 'nothing unacknowledged is claimed but data is outstanding');
  }
  if (/The network loses/.test(text)) {
    claim(
      events.some((e) => e.type === 'drop'),
      'a loss is claimed without a drop',
    );
  }
  if (/holds (its|this) ACK back/.test(text)) {
    claim(
      timers.some((e) => e.timer === 'delayed-ack' && e.action === 'set'),
      'a held-back ACK is claimed without a delayed-ACK timer',
    );
  }
  if (/answers with (a )?RST|answers with RST/.test(text)) {
    claim(
      sends.some((e) => e.flags.includes('RST')),
      'a RST answer is claimed without one',
    );
  }
  for (const m of text.matchAll(/ISN (\d+)/g)) {
    claim(
      sends.some((e) => e.flags.includes('SYN') && e.seq >>> 0 === Number(m[1])),
      `"${m[0]}" but no SYN of the step starts there`,
    );
  }
  if (/Its connect\(\) returns/.test(text)) {
    claim(
      events.some((e) => e.type === 'app' && e.call === 'connect' && e.result === 'ok'),
      'connect() returning is claimed without it',
    );
  }
  return problems;
}

/** The relative ack of segment `id` (as the explanations show it). */
function relAck(id: number, step: StepFacts): number | null {
  return step.segments.get(id)?.relAck ?? null;
}

/**
 * Whether the receiver of the step's arriving segment still had data (or a SYN or FIN) it had sent
 * and not seen acknowledged after that segment's ACK: its highest sequence number sent so far lies
 * beyond the arriving ack.
 */
function hasUnacknowledged(step: StepFacts): boolean {
  const deliver = step.events.find((e) => e.type === 'deliver');
  if (deliver?.type !== 'deliver') return false;
  const arriving = step.segments.get(deliver.id);
  if (!arriving) return false;
  const who = arriving.to;
  let highest: number | null = null;
  for (const event of step.before) {
    // A hand-made segment "from" a side is not one of its own.
    if (event.type !== 'send' || event.who !== who || event.injected) continue;
    // A new SYN starts a new connection's numbers.
    if (event.flags.includes('SYN') && !event.retransmission) highest = null;
    const space =
      event.len + (event.flags.includes('SYN') ? 1 : 0) + (event.flags.includes('FIN') ? 1 : 0);
    const end = (event.seq + space) | 0;
    if (highest === null || ((end - highest) | 0) > 0) highest = end;
  }
  return highest !== null && ((highest - (arriving.ack | 0)) | 0) > 0;
}
