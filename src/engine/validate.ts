// Checks a scenario (CONTRACT.md section 1) and returns a normalized copy, or one line naming the first
// field that is wrong and why. Scenarios come from hand-written files, share links and a course page's
// messages, so anything may arrive: this never throws and refuses unknown fields to catch typos.

import { DEFAULT_PORTS } from './defaults';
import { locateJsonError } from './jsonSyntax';
import {
  MAX_DURATION_MS,
  MAX_INSTANT_MS,
  MAX_RETRIES,
  MAX_RTO_MS,
  MAX_SYN_RETRIES,
  MIN_DURATION_MS,
} from './limits';
import { nestingProblem } from './nesting';
import { oneLine, quote } from './quote';
import {
  ACTION_KINDS,
  AFTER_EVENTS,
  PROFILES,
  SYSCTL_NAMES,
  SIDES,
  TCP_STATES,
  type Action,
  type ActionKind,
  type EndpointConfig,
  type Claim,
  type Fault,
  type FaultFate,
  type Injection,
  type LessonQuestion,
  type NetworkConfig,
  type OptionsConfig,
  type Scenario,
  type Side,
  type Sysctl,
  type TcpOption,
  type TimerConfig,
  type WhatIf,
} from './types';
import { FLAGS } from './wire/flags';
import { tcpOptionBytes } from './wire/tcpHeader';

/** A lesson is about connection management: 16 MiB per send is plenty and keeps every run short. */
export const MAX_SEND_BYTES = 16 * 1024 * 1024;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function parseScenario(input: unknown): ParseResult {
  // Before anything walks it: too deep, and only the stack would say so.
  const tooDeep = nestingProblem(input);
  if (tooDeep !== null) return { ok: false, error: `scenario: ${tooDeep}` };
  try {
    return { ok: true, scenario: scenario(input) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `${error.path}: ${error.problem}` };
    throw error; // a bug in this file, not bad input: let it surface
  }
}

export function parseScenarioJson(text: string): ParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // editors on Windows add a BOM
  if (body.trim() === '')
    return { ok: false, error: 'scenario: empty input (expected a JSON object)' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `scenario: not valid JSON (${describeJsonError(body, error)})` };
  }
  return parseScenario(value);
}

function describeJsonError(text: string, error: unknown): string {
  const found = locateJsonError(text);
  if (found !== null) {
    return `${found.problem} at position ${found.position}, line ${found.line} column ${found.column}`;
  }
  // JSON.parse refused something the locator accepts (e.g. nesting too deep for the engine).
  return oneLine(error instanceof Error ? error.message : String(error), 120);
}

// ---- the first problem found, thrown from deep inside and caught once in parseScenario ----

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** `got`, when passed (even as undefined), is shown after the problem. */
function fail(path: string, problem: string, ...got: [unknown?]): never {
  throw new Invalid(path, got.length > 0 ? `${problem} (got ${describe(got[0])})` : problem);
}

// ---- the scenario, level by level ----

/** The fields a scenario may have at its top level. */
export const TOP_FIELDS = [
  'title',
  'description',
  'profile',
  'seed',
  'client',
  'server',
  'network',
  'timers',
  'whatIf',
  'sysctl',
  'actions',
  'faults',
  'inject',
  'until',
  'questions',
] as const;

function scenario(input: unknown): Scenario {
  // A conformance case wraps its scenario; say so rather than list every field it does not allow.
  if (isRecord(input) && Object.prototype.hasOwnProperty.call(input, 'scenario')) {
    fail('scenario', 'unknown field (a conformance case? use the object inside "scenario")');
  }
  const o = record(input, '', TOP_FIELDS);
  if (o.actions === undefined) fail('actions', 'required');
  const out: Scenario = { actions: [] };
  if (o.title !== undefined) out.title = text(o.title, 'title');
  if (o.description !== undefined) out.description = text(o.description, 'description');
  if (o.profile !== undefined) out.profile = oneOf(o.profile, 'profile', PROFILES, 'profile');
  if (o.seed !== undefined)
    out.seed = integer(o.seed, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (o.client !== undefined) out.client = endpoint(o.client, 'client');
  if (o.server !== undefined) out.server = endpoint(o.server, 'server');
  checkPortsDiffer(out);
  if (o.network !== undefined) out.network = network(o.network, 'network');
  if (o.timers !== undefined) out.timers = timers(o.timers, 'timers');
  if (o.whatIf !== undefined) out.whatIf = whatIf(o.whatIf, 'whatIf');
  if (o.sysctl !== undefined) {
    if ((out.profile ?? 'rfc9293') !== 'linux')
      fail('sysctl', 'only allowed with "profile": "linux" (these are Linux settings)');
    out.sysctl = sysctl(o.sysctl, 'sysctl');
  }
  out.actions = list(o.actions, 'actions', action);
  checkListenerSocket(out.actions);
  if (o.faults !== undefined) out.faults = list(o.faults, 'faults', fault);
  if (o.inject !== undefined) out.inject = list(o.inject, 'inject', injection);
  if (o.until !== undefined) out.until = instant(o.until, 'until');
  if (o.questions !== undefined) out.questions = list(o.questions, 'questions', lessonQuestion);
  return out;
}

// ---- predict mode's lesson questions (the engine does not read them) ----

function lessonQuestion(value: unknown, path: string): LessonQuestion {
  const o = record(value, path, ['id', 'at', 'choices'] as const);
  const at = record(o.at, `${path}.at`, ['who', 'flags', 'nth'] as const);
  const choices = list(o.choices, `${path}.choices`, (item, where) => {
    const c = record(item, where, ['id', 'claim'] as const);
    return { id: text(c.id, `${where}.id`), claim: claim(c.claim, `${where}.claim`) };
  });
  if (choices.length < 2) fail(`${path}.choices`, 'needs at least two choices');
  const out: LessonQuestion = {
    id: text(o.id, `${path}.id`),
    at: { who: side(at.who, `${path}.at.who`), flags: flagList(at.flags, `${path}.at.flags`) },
    choices,
  };
  if (at.nth !== undefined) out.at.nth = integer(at.nth, `${path}.at.nth`, 1, 1000);
  return out;
}

function claim(value: unknown, path: string): Claim {
  const o = record(value, path, ['sends', 'state', 'silent', 'all'] as const);
  const given = (['sends', 'state', 'silent', 'all'] as const).filter((k) => o[k] !== undefined);
  if (given.length !== 1) fail(path, 'needs exactly one of sends, state, silent, all');
  if (o.sends !== undefined) {
    const s = record(o.sends, `${path}.sends`, ['who', 'flags', 'retransmission'] as const);
    const sends: { who: Side; flags: string; retransmission?: boolean } = {
      who: side(s.who, `${path}.sends.who`),
      flags: flagList(s.flags, `${path}.sends.flags`),
    };
    if (s.retransmission !== undefined) {
      if (typeof s.retransmission !== 'boolean') {
        fail(`${path}.sends.retransmission`, 'must be true or false', s.retransmission);
      }
      sends.retransmission = s.retransmission;
    }
    return { sends };
  }
  if (o.state !== undefined) {
    const s = record(o.state, `${path}.state`, ['who', 'is'] as const);
    return {
      state: {
        who: side(s.who, `${path}.state.who`),
        is: oneOf(s.is, `${path}.state.is`, TCP_STATES, 'state'),
      },
    };
  }
  if (o.silent !== undefined) return { silent: side(o.silent, `${path}.silent`) };
  return { all: list(o.all, `${path}.all`, claim) };
}

function endpoint(value: unknown, path: string): EndpointConfig {
  const o = record(value, path, ['port', 'isn', 'closeOnEof', 'scripted', 'options']);
  const out: EndpointConfig = {};
  if (o.port !== undefined) out.port = integer(o.port, `${path}.port`, 1, 65535);
  if (o.isn !== undefined) out.isn = integer(o.isn, `${path}.isn`, 0, 2 ** 32 - 1);
  if (o.closeOnEof !== undefined) out.closeOnEof = flag(o.closeOnEof, `${path}.closeOnEof`);
  if (o.scripted !== undefined) out.scripted = flag(o.scripted, `${path}.scripted`);
  if (o.options !== undefined) out.options = options(o.options, `${path}.options`);
  return out;
}

/** The largest MSS an IPv4 segment can announce (65535 − 20 − 20); 88 is Linux's floor. */
const MSS_RANGE = [88, 65495] as const;

function options(value: unknown, path: string): OptionsConfig {
  const o = record(value, path, ['mss', 'sackPermitted', 'timestamps', 'windowScale']);
  const out: OptionsConfig = {};
  if (o.mss !== undefined) {
    out.mss = o.mss === false ? false : integer(o.mss, `${path}.mss`, ...MSS_RANGE);
  }
  if (o.sackPermitted !== undefined)
    out.sackPermitted = flag(o.sackPermitted, `${path}.sackPermitted`);
  if (o.timestamps !== undefined) out.timestamps = flag(o.timestamps, `${path}.timestamps`);
  if (o.windowScale !== undefined) {
    // RFC 7323 section 2.3: a shift above 14 is treated as 14, so a scenario may not ask for more.
    out.windowScale =
      o.windowScale === false ? false : integer(o.windowScale, `${path}.windowScale`, 0, 14);
  }
  return out;
}

/** Each setting's range, as Linux 6.18 accepts it through /proc/sys/net/ipv4. */
const SYSCTL_RANGES: Record<(typeof SYSCTL_NAMES)[number], readonly [number, number]> = {
  tcp_syn_retries: [1, MAX_SYN_RETRIES],
  tcp_synack_retries: [0, MAX_RETRIES],
  // Its ceiling is MAX_TCP_SYNCNT too (tcp_syn_linear_timeouts_max in sysctl_net_ipv4.c).
  tcp_syn_linear_timeouts: [0, MAX_SYN_RETRIES],
  tcp_retries2: [0, MAX_RETRIES],
  tcp_fin_timeout: [1, 86_400],
  tcp_timestamps: [0, 2],
  tcp_sack: [0, 1],
  tcp_window_scaling: [0, 1],
  tcp_rfc1337: [0, 1],
  tcp_tw_reuse: [0, 2],
};

function sysctl(value: unknown, path: string): Sysctl {
  const o = record(value, path, SYSCTL_NAMES);
  const out: Sysctl = {};
  for (const name of SYSCTL_NAMES) {
    if (o[name] !== undefined)
      out[name] = integer(o[name], `${path}.${name}`, ...SYSCTL_RANGES[name]);
  }
  return out;
}

/** Both ends share one address in the simulation, so equal ports would make one socket. */
function checkPortsDiffer(s: Scenario): void {
  const client = s.client?.port ?? DEFAULT_PORTS.client;
  const server = s.server?.port ?? DEFAULT_PORTS.server;
  if (client !== server) return;
  if (s.server?.port !== undefined)
    fail('server.port', `must differ from the client's port ${client}`);
  fail('client.port', `must differ from the server's port ${server}`);
}

function network(value: unknown, path: string): NetworkConfig {
  const o = record(value, path, ['delayMs', 'lossRate']);
  const out: NetworkConfig = {};
  if (o.delayMs !== undefined) out.delayMs = duration(o.delayMs, `${path}.delayMs`);
  if (o.lossRate !== undefined) out.lossRate = fraction(o.lossRate, `${path}.lossRate`);
  return out;
}

const TIMER_FIELDS = [
  'mslMs',
  'rtoInitialMs',
  'rtoMinMs',
  'rtoMaxMs',
  'delayedAckMs',
  'finWait2Ms',
  'synRetries',
  'synAckRetries',
  'dataRetries',
] as const;

function timers(value: unknown, path: string): TimerConfig {
  const o = record(value, path, TIMER_FIELDS);
  const out: TimerConfig = {};
  // 0 means none: TIME_WAIT ends at once, ACKs go at once, FIN_WAIT_2 waits forever.
  for (const key of ['mslMs', 'delayedAckMs', 'finWait2Ms'] as const) {
    if (o[key] !== undefined) out[key] = duration(o[key], `${path}.${key}`);
  }
  // A zero RTO would retransmit forever at the same instant.
  for (const key of ['rtoInitialMs', 'rtoMinMs', 'rtoMaxMs'] as const) {
    if (o[key] !== undefined) out[key] = rto(o[key], `${path}.${key}`);
  }
  // What Linux's matching settings allow: tcp_syn_retries, tcp_synack_retries, tcp_retries2.
  if (o.synRetries !== undefined)
    out.synRetries = integer(o.synRetries, `${path}.synRetries`, 0, MAX_SYN_RETRIES);
  for (const key of ['synAckRetries', 'dataRetries'] as const) {
    if (o[key] !== undefined) out[key] = integer(o[key], `${path}.${key}`, 0, MAX_RETRIES);
  }
  if (out.rtoMinMs !== undefined && out.rtoMaxMs !== undefined && out.rtoMaxMs < out.rtoMinMs) {
    fail(
      `${path}.rtoMaxMs`,
      `must not be less than ${path}.rtoMinMs (${out.rtoMinMs})`,
      out.rtoMaxMs,
    );
  }
  return out;
}

function whatIf(value: unknown, path: string): WhatIf {
  const o = record(value, path, ['noTimeWait', 'twoWayHandshake', 'reuseTimeWait']);
  const out: WhatIf = {};
  if (o.noTimeWait !== undefined) out.noTimeWait = flag(o.noTimeWait, `${path}.noTimeWait`);
  if (o.twoWayHandshake !== undefined)
    out.twoWayHandshake = flag(o.twoWayHandshake, `${path}.twoWayHandshake`);
  if (o.reuseTimeWait !== undefined)
    out.reuseTimeWait = flag(o.reuseTimeWait, `${path}.reuseTimeWait`);
  return out;
}

function action(value: unknown, path: string): Action {
  const o = record(value, path, [
    'at',
    'after',
    'delayMs',
    'who',
    'do',
    'bytes',
    'reuse',
    'socket',
  ]);
  const who = side(required(o.who, `${path}.who`), `${path}.who`);
  const kind: ActionKind = oneOf(
    required(o.do, `${path}.do`),
    `${path}.do`,
    ACTION_KINDS,
    'action',
  );
  const out: Action = { who, do: kind };
  if (o.at !== undefined && o.after !== undefined)
    fail(`${path}.after`, 'give either "at" or "after", not both');
  if (o.after !== undefined) {
    out.after = oneOf(o.after, `${path}.after`, AFTER_EVENTS, 'event');
    if (o.delayMs !== undefined) out.delayMs = duration(o.delayMs, `${path}.delayMs`);
  } else {
    if (o.delayMs !== undefined) fail(`${path}.delayMs`, 'only allowed with "after"');
    out.at = instant(required(o.at, `${path}.at`), `${path}.at`);
  }
  if (o.socket !== undefined) {
    if (o.socket !== 'listener') fail(`${path}.socket`, 'must be "listener"', o.socket);
    if (who !== 'server' || (kind !== 'close' && kind !== 'abort'))
      fail(`${path}.socket`, "only the server's close or abort may name its listening socket");
    out.socket = 'listener';
  }
  if (kind === 'send') {
    out.bytes = integer(required(o.bytes, `${path}.bytes`), `${path}.bytes`, 1, MAX_SEND_BYTES);
  } else if (o.bytes !== undefined) {
    fail(`${path}.bytes`, `only allowed when "do" is "send"`);
  }
  if (o.reuse !== undefined) {
    if (kind !== 'connect') fail(`${path}.reuse`, `only allowed when "do" is "connect"`);
    out.reuse = flag(o.reuse, `${path}.reuse`);
  }
  return out;
}

/** Only the server listens: the listener is the server's socket (CONTRACT.md section 0.1). */
function checkListenerSocket(actions: readonly Action[]): void {
  const index = actions.findIndex((a) => a.do === 'listen' && a.who !== 'server');
  if (index >= 0) fail(`actions[${index}].who`, 'only the server listens (a passive open)');
}

function fault(value: unknown, path: string): Fault {
  const o = record(value, path, ['who', 'flags', 'nth', 'after', 'fate']);
  const out: Fault = {
    who: side(required(o.who, `${path}.who`), `${path}.who`),
    flags: flagList(required(o.flags, `${path}.flags`), `${path}.flags`),
    nth: integer(required(o.nth, `${path}.nth`), `${path}.nth`, 1, MAX_FAULT_NTH),
    fate: fate(required(o.fate, `${path}.fate`), `${path}.fate`),
  };
  // Faults match flags with PSH ignored, so "PSH" alone would never match anything.
  if (out.flags === 'PSH')
    fail(`${path}.flags`, 'needs a flag besides PSH (PSH is ignored when matching)');
  if (o.after !== undefined) out.after = instant(o.after, `${path}.after`);
  return out;
}

/** A run shown on the page has at most a million events, so no fault counts further. */
const MAX_FAULT_NTH = 1_000_000;

const FATE_SHAPE = '"drop", "duplicate" or { "delayMs": N }';

function fate(value: unknown, path: string): FaultFate {
  if (value === 'drop' || value === 'duplicate') return value;
  if (typeof value === 'string')
    fail(path, `unknown fate ${quote(value)} (expected ${FATE_SHAPE})`);
  if (!isRecord(value)) fail(path, `must be ${FATE_SHAPE}`, value);
  const o = record(value, path, ['delayMs']);
  return { delayMs: duration(required(o.delayMs, `${path}.delayMs`), `${path}.delayMs`) };
}

function injection(value: unknown, path: string): Injection {
  const o = record(value, path, ['at', 'to', 'flags', 'seq', 'ack', 'len', 'window', 'options']);
  const out: Injection = {
    at: instant(required(o.at, `${path}.at`), `${path}.at`),
    to: side(required(o.to, `${path}.to`), `${path}.to`),
    flags: flagList(required(o.flags, `${path}.flags`), `${path}.flags`),
    // Relative numbers as in packetdrill; the engine takes them mod 2^32, so any integer will do.
    seq: integer(
      required(o.seq, `${path}.seq`),
      `${path}.seq`,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
    ),
  };
  if (o.ack !== undefined) {
    out.ack = integer(o.ack, `${path}.ack`, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  }
  // The most a TCP segment carries over IPv4 (65535 − 20 − 20), as the MSS's ceiling.
  if (o.len !== undefined) out.len = integer(o.len, `${path}.len`, 0, MSS_RANGE[1]);
  if (o.window !== undefined) out.window = integer(o.window, `${path}.window`, 0, 65535);
  if (o.options !== undefined) {
    out.options = list(o.options, `${path}.options`, tcpOption);
    // A TCP header holds at most 40 bytes of options (a data offset of 15 words).
    if (optionsSize(out.options) > MAX_OPTION_BYTES)
      fail(`${path}.options`, `need more than the ${MAX_OPTION_BYTES} bytes a TCP header holds`);
  }
  return out;
}

const UINT32_MAX = 2 ** 32 - 1;
const MAX_OPTION_BYTES = 40;

/** The bytes the options take in a header, laid out as the pcap writer lays them. */
function optionsSize(options: readonly TcpOption[]): number {
  try {
    return tcpOptionBytes(options).length;
  } catch {
    return Infinity; // more than fits (the writer refuses it)
  }
}

/** An option of an injected segment, in the trace's shape. */
function tcpOption(value: unknown, path: string): TcpOption {
  if (!isRecord(value))
    fail(path, 'must be an object such as { "kind": "mss", "value": 1460 }', value);
  const kinds = ['mss', 'sackPermitted', 'timestamps', 'windowScale'] as const;
  const kind = oneOf(required(value.kind, `${path}.kind`), `${path}.kind`, kinds, 'option');
  switch (kind) {
    case 'mss': {
      const o = record(value, path, ['kind', 'value']);
      return {
        kind,
        value: integer(required(o.value, `${path}.value`), `${path}.value`, 0, 65535),
      };
    }
    case 'sackPermitted':
      record(value, path, ['kind']);
      return { kind };
    case 'timestamps': {
      const o = record(value, path, ['kind', 'tsval', 'tsecr']);
      const tsval = integer(required(o.tsval, `${path}.tsval`), `${path}.tsval`, 0, UINT32_MAX);
      const tsecr = integer(required(o.tsecr, `${path}.tsecr`), `${path}.tsecr`, 0, UINT32_MAX);
      return { kind, tsval, tsecr };
    }
    case 'windowScale': {
      const o = record(value, path, ['kind', 'shift']);
      return { kind, shift: integer(required(o.shift, `${path}.shift`), `${path}.shift`, 0, 255) };
    }
  }
}

// ---- flags ----

/** A comma list such as "FIN,ACK"; case and spaces are forgiven, the copy is upper case. */
function flagList(value: unknown, path: string): string {
  if (typeof value !== 'string')
    fail(path, 'must be a comma list of flags such as "SYN,ACK"', value);
  if (value.trim() === '') fail(path, `must name at least one flag (${FLAGS.join(', ')})`);
  const seen: string[] = [];
  for (const item of value.split(',')) {
    const name = item.trim().toUpperCase();
    if (name === '') fail(path, `empty item in ${quote(value)}`);
    if (!(FLAGS as readonly string[]).includes(name)) {
      fail(path, `unknown flag ${quote(item.trim())} (expected ${FLAGS.join(', ')})`);
    }
    if (seen.includes(name)) fail(path, `flag ${quote(name)} given twice`);
    seen.push(name);
  }
  return seen.join(',');
}

// ---- scalars ----

function required(value: unknown, path: string): unknown {
  if (value === undefined) fail(path, 'required');
  return value;
}

// Times are simulated milliseconds, within the ranges of limits.ts: an instant (when something
// happens), a duration that may be 0 (none, at once), or a retransmission timeout.

const INSTANT_RANGE = `a time from 0 to ${MAX_INSTANT_MS} ms (30 days)`;
const DURATION_RANGE = `0 or a duration from ${MIN_DURATION_MS} ms (1 µs) to ${MAX_DURATION_MS} ms (24 h)`;
const RTO_RANGE = `a duration from ${MIN_DURATION_MS} ms (1 µs) to ${MAX_RTO_MS} ms (1 h)`;

function instant(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value < 0 || value > MAX_INSTANT_MS)
    fail(path, `must be ${INSTANT_RANGE}`, value);
  return value === 0 ? 0 : value; // turn -0 into 0
}

function duration(value: unknown, path: string): number {
  if (value === 0) return 0; // also -0
  if (!isFiniteNumber(value) || value < MIN_DURATION_MS || value > MAX_DURATION_MS)
    fail(path, `must be ${DURATION_RANGE}`, value);
  return value;
}

function rto(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value < MIN_DURATION_MS || value > MAX_RTO_MS)
    fail(path, `must be ${RTO_RANGE}`, value);
  return value;
}

function fraction(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value < 0 || value > 1)
    fail(path, 'must be a number from 0 to 1', value);
  return value === 0 ? 0 : value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return value === 0 ? 0 : value;
  }
  fail(path, `must be ${integerRange(min, max)}`, value);
}

function integerRange(min: number, max: number): string {
  if (min === -Number.MAX_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER)
    return 'a safe integer (|n| < 2^53)';
  if (max === Number.MAX_SAFE_INTEGER) return `an integer ≥ ${min}`;
  return `an integer from ${min} to ${max}`;
}

function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false', value);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string', value);
  return value;
}

function side(value: unknown, path: string): Side {
  return oneOf(value, path, SIDES, 'side');
}

function oneOf<T extends string>(
  value: unknown,
  path: string,
  options: readonly T[],
  noun: string,
): T {
  const expected = `expected ${alternatives(options)}`;
  if (typeof value !== 'string') fail(path, `must be a string: ${alternatives(options)}`, value);
  if (!(options as readonly string[]).includes(value))
    fail(path, `unknown ${noun} ${quote(value)} (${expected})`);
  return value as T; // just checked to be one of the options
}

function alternatives(options: readonly string[]): string {
  if (options.length <= 2) return options.join(' or ');
  return `one of ${options.join(', ')}`;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

// ---- containers ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with only the named fields; returns the fields' values (undefined when absent). */
function record<K extends string>(
  value: unknown,
  path: string,
  fields: readonly K[],
): Record<K, unknown> {
  if (!isRecord(value)) fail(path === '' ? 'scenario' : path, 'must be a JSON object', value);
  for (const key of Object.keys(value)) {
    if (!(fields as readonly string[]).includes(key)) {
      fail(childPath(path, key), `unknown field${suggestion(key, fields)}`);
    }
  }
  const out: Partial<Record<K, unknown>> = {};
  // Own properties only: "constructor" or "__proto__" must not be read from the prototype.
  for (const key of fields)
    out[key] = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  return out as Record<K, unknown>; // every field was assigned above
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'must be an array', value);
  const out: T[] = [];
  for (let i = 0; i < value.length; i += 1) out.push(item(value[i], `${path}[${i}]`));
  return out;
}

function childPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${quote(key)}]`;
}

/** " (did you mean "mslMs"?)" for a near miss, else the list of fields allowed here. */
function suggestion(key: string, fields: readonly string[]): string {
  const lower = key.toLowerCase();
  const near = fields.find(
    (f) => f.toLowerCase() === lower || (lower.length >= 3 && f.toLowerCase().startsWith(lower)),
  );
  // Short names are near everything within two edits ("ip" and "isn"), so they get one.
  const allowed = lower.length < 5 ? 1 : 2;
  const close = near ?? fields.find((f) => editDistance(f.toLowerCase(), lower) <= allowed);
  if (close !== undefined) return ` (did you mean "${close}"?)`;
  return ` (expected ${alternatives(fields)})`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3; // far enough; skip the work on long keys
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

// ---- rendering values inside a message ----

function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value; // bigint, function, symbol, undefined: only from JavaScript callers
}
