// Small readers over a trace for tests that drive one endpoint segment by segment (packetdrill
// style): what an endpoint sent, in packetdrill's notation with relative numbers, its states over
// time and its app calls' results.
//
// conformance.ts's wireOf compares with a kernel capture and so leaves out pure ACKs; these tests
// need every segment, and need the numbering the engine's `inject` uses, so they have their own
// reader here. States at a given time come from conformance.ts's statesAt.
import { statesAt } from './conformance';
import { runScenario } from '../engine/engine';
import { Incarnations } from '../engine/incarnations';
import { u32 } from '../engine/seq';
import type {
  Scenario,
  SendEvent,
  Side,
  SocketOwner,
  TcpState,
  TimerName,
  Trace,
} from '../engine/types';
import { parseScenario } from '../engine/validate';

export interface Ran {
  scenario: Scenario;
  trace: Trace;
}

/** Validates the scenario as a user's would be (a refusal fails the test with its reason), then runs it. */
export function run(input: unknown): Ran {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the scenario is refused: ${parsed.error}`);
  return { scenario: parsed.scenario, trace: runScenario(parsed.scenario) };
}

/** A segment as packetdrill writes it: numbers relative to the ISNs, flags as letters. */
export interface Seg {
  t: number;
  id: number;
  who: Side;
  /** Packetdrill's letters in its order: F S R P, then "." for ACK (e.g. "F.", "S.", "R"). */
  flags: string;
  seq: number;
  /** null when the ACK flag is off. */
  ack: number | null;
  len: number;
  seqAbs: number;
  ackAbs: number | null;
  retransmission: boolean;
  injected: boolean;
}

function letters(flags: readonly string[]): string {
  let out = '';
  if (flags.includes('FIN')) out += 'F';
  if (flags.includes('SYN')) out += 'S';
  if (flags.includes('RST')) out += 'R';
  if (flags.includes('PSH')) out += 'P';
  if (flags.includes('ACK')) out += '.';
  return out;
}

/**
 * Every segment in the trace, numbered as `inject` numbers them: a stack's numbers are relative to
 * the last SYN it sent (before any, to its configured `isn`); a scripted endpoint's stay relative
 * to its configured `isn` (packetdrill keeps one remote ISN for the whole script), or to its first
 * SYN when it has none configured.
 */
export function segments(trace: Trace, scenario: Scenario): Seg[] {
  const numbering = new Incarnations({
    client: scenario.client?.isn,
    server: scenario.server?.isn,
  });
  const out: Seg[] = [];
  for (const event of trace.events) {
    if (event.type !== 'send') continue;
    const who = event.who;
    // A stack takes the ISN of each SYN it sends; a scripted endpoint keeps the one it counts from
    // once it has one, and an injected SYN from a stack's side (an impostor) leaves the stack's
    // numbering alone.
    const keepsIsn =
      numbering.isnOf(who) !== null &&
      (scenario[who]?.scripted === true || event.injected === true);
    const { relSeq, relAck } = keepsIsn ? numbering.relative(event) : numbering.send(event);
    out.push({
      t: event.t,
      id: event.id,
      who,
      flags: letters(event.flags),
      seq: relSeq,
      ack: relAck,
      len: event.len,
      seqAbs: event.seq,
      ackAbs: relAck === null ? null : event.ack,
      retransmission: event.retransmission,
      injected: event.injected === true,
    });
  }
  return out;
}

export interface SentOptions {
  /** Only segments sent at or after this time. */
  from?: number;
  /** Only segments sent at or before this time. */
  to?: number;
}

/** The segments `who` sent itself (injected ones left out), in order. */
export function sentBy(ran: Ran, who: Side, options: SentOptions = {}): Seg[] {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  return segments(ran.trace, ran.scenario).filter(
    (s) => s.who === who && !s.injected && s.t >= from && s.t <= to,
  );
}

/** "F. 1:1(0) ack 2": packetdrill's form without options or window. */
export function pd(seg: Seg): string {
  const ack = seg.ack === null ? '' : ` ack ${seg.ack}`;
  return `${seg.flags} ${seg.seq}:${u32(seg.seq + seg.len)}(${seg.len})${ack}`;
}

/**
 * What `who` sent, one string per segment. With `at`, each is prefixed by its time relative to
 * `at` ("+0 ", "+40 "); with `timed`, by its absolute time ("1100 ").
 */
export function wire(
  ran: Ran,
  who: Side,
  options: SentOptions & { at?: number; timed?: boolean } = {},
): string[] {
  return sentBy(ran, who, options).map((s) => {
    if (options.at !== undefined) return `+${s.t - options.at} ${pd(s)}`;
    if (options.timed === true) return `${s.t} ${pd(s)}`;
    return pd(s);
  });
}

/** `who`'s state changes as "t STATE" ("0 SYN_SENT", "100 ESTABLISHED"). */
export function stateLog(trace: Trace, who: SocketOwner): string[] {
  return trace.events.flatMap((e) =>
    e.type === 'state' && e.who === who ? [`${e.t} ${e.to}`] : [],
  );
}

/** The states `who` went through, in order, without times. */
export function statePath(trace: Trace, who: SocketOwner): TcpState[] {
  return trace.events.flatMap((e) => (e.type === 'state' && e.who === who ? [e.to] : []));
}

/** `who`'s state once every event at or before `t` has happened. */
export function stateAt(trace: Trace, who: SocketOwner, t: number): TcpState {
  return statesAt(trace, t)[who];
}

/** `who`'s state just before anything at time `t` happened. */
export function stateBefore(trace: Trace, who: SocketOwner, t: number): TcpState {
  let state: TcpState = 'CLOSED';
  for (const event of trace.events) {
    if (event.t >= t) break;
    if (event.type === 'state' && event.who === who) state = event.to;
  }
  return state;
}

/**
 * The state RFC 9293's single TCB of `who` would be in: the server's listener and its connection
 * are one TCB there (Figure 5), LISTEN while no connection exists. Only the RFC's transition
 * table is checked this way; the trace keeps the two sockets apart.
 */
export function rfcState(
  trace: Trace,
  who: Side,
  t: number,
  at: typeof stateAt = stateAt,
): TcpState {
  const state = at(trace, who, t);
  if (who === 'server' && state === 'CLOSED' && at(trace, 'listener', t) === 'LISTEN') {
    return 'LISTEN';
  }
  return state;
}

/** App calls as "call:result" ("connect:ok", "send:EPIPE"), for one side or both. */
export function results(trace: Trace, who?: SocketOwner): string[] {
  return trace.events.flatMap((e) =>
    e.type === 'app' && (who === undefined || e.who === who) ? [`${e.call}:${e.result}`] : [],
  );
}

/** Timer events of `who` as "t action timer[→due]" ("20 set time-wait→240020"). */
export function timerLog(trace: Trace, who: Side, timer?: TimerName): string[] {
  return trace.events.flatMap((e) =>
    e.type === 'timer' && e.who === who && (timer === undefined || e.timer === timer)
      ? [`${e.t} ${e.action} ${e.timer}${e.due === undefined ? '' : `→${e.due}`}`]
      : [],
  );
}

/** The send events themselves, for tests that look at fields the helpers above leave out. */
export function sendEvents(trace: Trace, who?: Side): SendEvent[] {
  return trace.events.filter(
    (e): e is SendEvent => e.type === 'send' && (who === undefined || e.who === who),
  );
}

/** The times `who`'s `timer` fired, in order. */
export function timerFires(trace: Trace, who: Side, timer: TimerName): number[] {
  return trace.events.flatMap((e) =>
    e.type === 'timer' && e.who === who && e.timer === timer && e.action === 'fire' ? [e.t] : [],
  );
}
