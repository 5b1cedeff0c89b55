import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from './jsonSyntax';
import {
  MAX_DURATION_MS,
  MAX_INSTANT_MS,
  MAX_RETRIES,
  MAX_RTO_MS,
  MAX_SYN_RETRIES,
  MIN_DURATION_MS,
} from './limits';
import { parseScenario, parseScenarioJson, TOP_FIELDS, type ParseResult } from './validate';
import { CONFORMANCE_DIR } from '../testing/data';

/** The contract's example scenario: every field, all valid. */
function full(): Record<string, unknown> {
  return {
    title: 'Client closes first',
    description: 'A longer text',
    profile: 'rfc9293',
    seed: 7,
    client: {
      port: 40000,
      isn: 1000,
      closeOnEof: false,
      scripted: false,
      options: { mss: 536, sackPermitted: false, timestamps: true, windowScale: 7 },
    },
    server: { port: 8080, isn: 5000, closeOnEof: true },
    network: { delayMs: 1, lossRate: 0 },
    timers: {
      mslMs: 120000,
      rtoInitialMs: 1000,
      rtoMinMs: 1000,
      rtoMaxMs: 120000,
      delayedAckMs: 0,
      finWait2Ms: 60000,
      synRetries: 6,
      synAckRetries: 5,
      dataRetries: 15,
    },
    whatIf: { noTimeWait: false, twoWayHandshake: false, reuseTimeWait: false },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 150, who: 'client', do: 'connect', reuse: true },
      { at: 300, who: 'client', do: 'send', bytes: 5 },
      { at: 450, who: 'client', do: 'close' },
      { after: 'eof', delayMs: 10, who: 'server', do: 'close' },
      { after: 'acked', who: 'server', do: 'close', socket: 'listener' },
    ],
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 450, fate: 'drop' }],
    inject: [
      {
        at: 500,
        to: 'server',
        flags: 'RST',
        seq: 1,
        ack: 0,
        len: 0,
        window: 0,
        options: [{ kind: 'timestamps', tsval: 7, tsecr: 0 }],
      },
    ],
    until: 600000,
  };
}

/** A copy of full() with the value at `path` (dot/index notation) set, or deleted when undefined. */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const root = full();
  const keys = path.split(/\.|\[|\]\.?/).filter((k) => k !== '');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>; // test data: known shape
  const last = keys[keys.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

function errorOf(result: ParseResult): string {
  return result.ok ? '(accepted)' : result.error;
}

describe('parseScenario accepts', () => {
  it('the contract example with every field', () => {
    const input = full();
    const result = parseScenario(input);
    expect(result).toEqual({ ok: true, scenario: input });
  });

  it('a scenario with only an empty action list', () => {
    expect(parseScenario({ actions: [] })).toEqual({ ok: true, scenario: { actions: [] } });
  });

  it.each([
    ['a delay fate', 'faults[0].fate', { delayMs: 0 }],
    ['the duplicate fate', 'faults[0].fate', 'duplicate'],
    ['PSH among fault flags', 'faults[0].flags', 'PSH,ACK'],
    ['negative relative seq', 'inject[0].seq', -5],
    ['a large relative ack', 'inject[0].ack', 2 ** 40],
    ['fractional times', 'actions[0].at', 0.5],
    ['the largest isn', 'client.isn', 2 ** 32 - 1],
    ['isn zero', 'server.isn', 0],
    ['a negative seed', 'seed', -12],
    ['the linux profile', 'profile', 'linux'],
    ['zero retries', 'timers.synRetries', 0],
    ['loss rate 1', 'network.lossRate', 1],
    ['an empty title', 'title', ''],
    [
      'an action after an event, without a delay',
      'actions[3]',
      { after: 'connected', who: 'client', do: 'close' },
    ],
    ['an abort of the listener', 'actions[5].do', 'abort'],
    ['options left out', 'server.options', { mss: false, windowScale: false }],
    ["Linux's smallest MSS", 'client.options.mss', 88],
    ['the largest window scale', 'client.options.windowScale', 14],
    [
      'an injected segment with every kind of option',
      'inject[0].options',
      [
        { kind: 'mss', value: 1460 },
        { kind: 'sackPermitted' },
        { kind: 'timestamps', tsval: 2 ** 32 - 1, tsecr: 0 },
        { kind: 'windowScale', shift: 7 },
      ],
    ],
  ])('%s', (_name, path, value) => {
    expect(errorOf(parseScenario(withValue(path, value)))).toBe('(accepted)');
  });

  it('sysctl settings with the linux profile', () => {
    const input = {
      ...full(),
      profile: 'linux',
      sysctl: {
        tcp_syn_retries: 1,
        tcp_syn_linear_timeouts: 0,
        tcp_timestamps: 0,
        tcp_tw_reuse: 2,
      },
    };
    expect(parseScenario(input)).toEqual({ ok: true, scenario: input });
  });

  it('an undefined field from a JavaScript caller as if absent', () => {
    expect(parseScenario({ actions: [], title: undefined })).toEqual({
      ok: true,
      scenario: { actions: [] },
    });
  });

  it('every scenario in the shared conformance cases', () => {
    const files = readdirSync(CONFORMANCE_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data = JSON.parse(readFileSync(join(CONFORMANCE_DIR, file), 'utf8')) as {
        scenario: unknown;
      };
      expect([file, errorOf(parseScenario(data.scenario))]).toEqual([file, '(accepted)']);
    }
  });
});

describe('parseScenario normalizes', () => {
  it('flag lists to upper case without spaces, keeping their order', () => {
    const result = parseScenario(withValue('faults[0].flags', ' fin , Ack'));
    expect(result.ok && result.scenario.faults?.[0]?.flags).toBe('FIN,ACK');
  });

  it('into a copy, leaving the input untouched', () => {
    const input = withValue('faults[0].flags', 'ack');
    const before = structuredClone(input);
    const result = parseScenario(input);
    expect(input).toEqual(before);
    expect(result.ok && result.scenario).not.toBe(input);
    expect(result.ok && result.scenario.actions).not.toBe(input.actions);
  });

  it('-0 to 0', () => {
    const result = parseScenario({ actions: [{ at: -0, who: 'server', do: 'listen' }] });
    expect(result.ok && Object.is(result.scenario.actions[0]?.at, 0)).toBe(true);
  });
});

// [rule, path to set, value (undefined deletes), the whole expected error]
const REFUSED: [string, string, unknown, string][] = [
  // the top level
  ['actions is required', 'actions', undefined, 'actions: required'],
  ['actions must be an array', 'actions', {}, 'actions: must be an array (got an object)'],
  ['unknown top-level field', 'titel', 'x', 'titel: unknown field (did you mean "title"?)'],
  ['title is a string', 'title', 5, 'title: must be a string (got 5)'],
  ['description is a string', 'description', ['a'], 'description: must be a string (got an array)'],
  [
    'profile is known',
    'profile',
    'bsd',
    'profile: unknown profile "bsd" (expected rfc9293 or linux)',
  ],
  ['profile is a string', 'profile', 1, 'profile: must be a string: rfc9293 or linux (got 1)'],
  ['seed is an integer', 'seed', 1.5, 'seed: must be a safe integer (|n| < 2^53) (got 1.5)'],
  [
    'seed is safe',
    'seed',
    2 ** 53,
    'seed: must be a safe integer (|n| < 2^53) (got 9007199254740992)',
  ],
  [
    'until is a time',
    'until',
    -1,
    'until: must be a time from 0 to 2592000000 ms (30 days) (got -1)',
  ],
  [
    'until is finite',
    'until',
    Infinity,
    'until: must be a time from 0 to 2592000000 ms (30 days) (got Infinity)',
  ],
  // endpoints
  ['client is an object', 'client', 'a', 'client: must be a JSON object (got "a")'],
  [
    'port in range',
    'client.port',
    70000,
    'client.port: must be an integer from 1 to 65535 (got 70000)',
  ],
  ['port not zero', 'server.port', 0, 'server.port: must be an integer from 1 to 65535 (got 0)'],
  [
    'port integer',
    'server.port',
    80.5,
    'server.port: must be an integer from 1 to 65535 (got 80.5)',
  ],
  [
    'port a number',
    'server.port',
    '80',
    'server.port: must be an integer from 1 to 65535 (got "80")',
  ],
  ['ports differ', 'server.port', 40000, "server.port: must differ from the client's port 40000"],
  [
    'isn not negative',
    'client.isn',
    -1,
    'client.isn: must be an integer from 0 to 4294967295 (got -1)',
  ],
  [
    'isn 32 bits',
    'client.isn',
    2 ** 32,
    'client.isn: must be an integer from 0 to 4294967295 (got 4294967296)',
  ],
  [
    'closeOnEof boolean',
    'server.closeOnEof',
    1,
    'server.closeOnEof: must be true or false (got 1)',
  ],
  [
    'scripted boolean',
    'client.scripted',
    'yes',
    'client.scripted: must be true or false (got "yes")',
  ],
  [
    'unknown endpoint field',
    'client.ip',
    '::1',
    'client.ip: unknown field (expected one of port, isn, closeOnEof, scripted, options)',
  ],
  // options
  [
    'MSS at least 88',
    'client.options.mss',
    87,
    'client.options.mss: must be an integer from 88 to 65495 (got 87)',
  ],
  [
    'MSS a number or false',
    'client.options.mss',
    true,
    'client.options.mss: must be an integer from 88 to 65495 (got true)',
  ],
  [
    'window scale at most 14',
    'client.options.windowScale',
    15,
    'client.options.windowScale: must be an integer from 0 to 14 (got 15)',
  ],
  [
    'timestamps a boolean',
    'client.options.timestamps',
    1,
    'client.options.timestamps: must be true or false (got 1)',
  ],
  [
    'unknown option',
    'client.options.sack',
    true,
    'client.options.sack: unknown field (did you mean "sackPermitted"?)',
  ],
  // sysctl
  [
    'sysctl only with linux',
    'sysctl',
    { tcp_syn_retries: 3 },
    'sysctl: only allowed with "profile": "linux" (these are Linux settings)',
  ],
  // network and timers
  [
    'delay a time',
    'network.delayMs',
    -2,
    'network.delayMs: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got -2)',
  ],
  [
    'loss at most 1',
    'network.lossRate',
    1.5,
    'network.lossRate: must be a number from 0 to 1 (got 1.5)',
  ],
  [
    'loss not negative',
    'network.lossRate',
    -0.1,
    'network.lossRate: must be a number from 0 to 1 (got -0.1)',
  ],
  [
    'unknown network field',
    'network.loss',
    0.1,
    'network.loss: unknown field (did you mean "lossRate"?)',
  ],
  [
    'msl a time',
    'timers.mslMs',
    -1,
    'timers.mslMs: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got -1)',
  ],
  [
    'delayed ACK a time',
    'timers.delayedAckMs',
    null,
    'timers.delayedAckMs: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got null)',
  ],
  [
    'fin-wait-2 a time',
    'timers.finWait2Ms',
    '1s',
    'timers.finWait2Ms: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got "1s")',
  ],
  [
    'rto above 0',
    'timers.rtoInitialMs',
    0,
    'timers.rtoInitialMs: must be a duration from 0.001 ms (1 µs) to 3600000 ms (1 h) (got 0)',
  ],
  [
    'rto floor above 0',
    'timers.rtoMinMs',
    -5,
    'timers.rtoMinMs: must be a duration from 0.001 ms (1 µs) to 3600000 ms (1 h) (got -5)',
  ],
  [
    'rto ceiling above 0',
    'timers.rtoMaxMs',
    0,
    'timers.rtoMaxMs: must be a duration from 0.001 ms (1 µs) to 3600000 ms (1 h) (got 0)',
  ],
  [
    'rto ceiling ≥ floor',
    'timers.rtoMaxMs',
    500,
    'timers.rtoMaxMs: must not be less than timers.rtoMinMs (1000) (got 500)',
  ],
  [
    'retries integers',
    'timers.synRetries',
    1.5,
    'timers.synRetries: must be an integer from 0 to 127 (got 1.5)',
  ],
  [
    'retries not negative',
    'timers.dataRetries',
    -1,
    'timers.dataRetries: must be an integer from 0 to 255 (got -1)',
  ],
  [
    'synack retries',
    'timers.synAckRetries',
    true,
    'timers.synAckRetries: must be an integer from 0 to 255 (got true)',
  ],
  ['unknown timer', 'timers.msl', 1, 'timers.msl: unknown field (did you mean "mslMs"?)'],
  // what-ifs
  [
    'whatIf booleans',
    'whatIf.noTimeWait',
    'true',
    'whatIf.noTimeWait: must be true or false (got "true")',
  ],
  [
    'whatIf booleans',
    'whatIf.twoWayHandshake',
    0,
    'whatIf.twoWayHandshake: must be true or false (got 0)',
  ],
  [
    'whatIf booleans',
    'whatIf.reuseTimeWait',
    null,
    'whatIf.reuseTimeWait: must be true or false (got null)',
  ],
  [
    'unknown whatIf',
    'whatIf.noTimewait',
    true,
    'whatIf.noTimewait: unknown field (did you mean "noTimeWait"?)',
  ],
  // actions
  [
    'action an object',
    'actions[1]',
    'connect',
    'actions[1]: must be a JSON object (got "connect")',
  ],
  ['action at required', 'actions[2].at', undefined, 'actions[2].at: required'],
  [
    'action at or after, not both',
    'actions[4].at',
    500,
    'actions[4].after: give either "at" or "after", not both',
  ],
  [
    'action after known',
    'actions[4].after',
    'ready',
    'actions[4].after: unknown event "ready" (expected one of connected, accepted, acked, eof)',
  ],
  [
    'action delay a time',
    'actions[4].delayMs',
    -1,
    'actions[4].delayMs: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got -1)',
  ],
  [
    'action delay only with after',
    'actions[0].delayMs',
    5,
    'actions[0].delayMs: only allowed with "after"',
  ],
  [
    'only the server listens',
    'actions[0].who',
    'client',
    'actions[0].who: only the server listens (a passive open)',
  ],
  [
    'socket only the listener',
    'actions[5].socket',
    'connection',
    'actions[5].socket: must be "listener" (got "connection")',
  ],
  [
    "socket only on the server's close",
    'actions[3].socket',
    'listener',
    "actions[3].socket: only the server's close or abort may name its listening socket",
  ],
  [
    'action at a time',
    'actions[2].at',
    -1,
    'actions[2].at: must be a time from 0 to 2592000000 ms (30 days) (got -1)',
  ],
  ['action who required', 'actions[0].who', undefined, 'actions[0].who: required'],
  [
    'action who a side',
    'actions[0].who',
    'peer',
    'actions[0].who: unknown side "peer" (expected client or server)',
  ],
  ['action do required', 'actions[0].do', undefined, 'actions[0].do: required'],
  [
    'action do known',
    'actions[0].do',
    'jump',
    'actions[0].do: unknown action "jump" (expected one of listen, connect, send, shutdown, close, abort)',
  ],
  ['send needs bytes', 'actions[2].bytes', undefined, 'actions[2].bytes: required'],
  [
    'bytes at least 1',
    'actions[2].bytes',
    0,
    'actions[2].bytes: must be an integer from 1 to 16777216 (got 0)',
  ],
  [
    'bytes an integer',
    'actions[2].bytes',
    2.5,
    'actions[2].bytes: must be an integer from 1 to 16777216 (got 2.5)',
  ],
  [
    'bytes at most 16 MiB',
    'actions[2].bytes',
    16 * 1024 * 1024 + 1,
    'actions[2].bytes: must be an integer from 1 to 16777216 (got 16777217)',
  ],
  [
    'bytes only on send',
    'actions[3].bytes',
    1,
    'actions[3].bytes: only allowed when "do" is "send"',
  ],
  [
    'reuse only on connect',
    'actions[3].reuse',
    true,
    'actions[3].reuse: only allowed when "do" is "connect"',
  ],
  [
    'reuse boolean',
    'actions[1].reuse',
    'yes',
    'actions[1].reuse: must be true or false (got "yes")',
  ],
  [
    'near-miss field',
    'actions[0].bites',
    1,
    'actions[0].bites: unknown field (did you mean "bytes"?)',
  ],
  [
    'unknown action field',
    'actions[0].when',
    1,
    'actions[0].when: unknown field (expected one of at, after, delayMs, who, do, bytes, reuse, socket)',
  ],
  // faults
  ['faults an array', 'faults', { who: 'client' }, 'faults: must be an array (got an object)'],
  [
    'fault who',
    'faults[0].who',
    'both',
    'faults[0].who: unknown side "both" (expected client or server)',
  ],
  ['fault nth required', 'faults[0].nth', undefined, 'faults[0].nth: required'],
  [
    'fault nth ≥ 1',
    'faults[0].nth',
    0,
    'faults[0].nth: must be an integer from 1 to 1000000 (got 0)',
  ],
  [
    'fault after a time',
    'faults[0].after',
    -3,
    'faults[0].after: must be a time from 0 to 2592000000 ms (30 days) (got -3)',
  ],
  ['fault flags required', 'faults[0].flags', undefined, 'faults[0].flags: required'],
  [
    'fault flags known',
    'faults[0].flags',
    'SYN,URG',
    'faults[0].flags: unknown flag "URG" (expected SYN, FIN, RST, PSH, ACK)',
  ],
  [
    'fault flags non-empty',
    'faults[0].flags',
    ' ',
    'faults[0].flags: must name at least one flag (SYN, FIN, RST, PSH, ACK)',
  ],
  [
    'fault flags no gaps',
    'faults[0].flags',
    'SYN,,ACK',
    'faults[0].flags: empty item in "SYN,,ACK"',
  ],
  [
    'fault flags no repeats',
    'faults[0].flags',
    'ACK,ack',
    'faults[0].flags: flag "ACK" given twice',
  ],
  [
    'fault flags a string',
    'faults[0].flags',
    ['ACK'],
    'faults[0].flags: must be a comma list of flags such as "SYN,ACK" (got an array)',
  ],
  [
    'fault flags not only PSH',
    'faults[0].flags',
    'PSH',
    'faults[0].flags: needs a flag besides PSH (PSH is ignored when matching)',
  ],
  ['fault fate required', 'faults[0].fate', undefined, 'faults[0].fate: required'],
  [
    'fault fate known',
    'faults[0].fate',
    'lose',
    'faults[0].fate: unknown fate "lose" (expected "drop", "duplicate" or { "delayMs": N })',
  ],
  [
    'fault fate shape',
    'faults[0].fate',
    3,
    'faults[0].fate: must be "drop", "duplicate" or { "delayMs": N } (got 3)',
  ],
  ['fault delay required', 'faults[0].fate', {}, 'faults[0].fate.delayMs: required'],
  [
    'fault delay ≥ 0',
    'faults[0].fate',
    { delayMs: -1 },
    'faults[0].fate.delayMs: must be 0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h) (got -1)',
  ],
  [
    'fault delay fields',
    'faults[0].fate',
    { delay: 5 },
    'faults[0].fate.delay: unknown field (did you mean "delayMs"?)',
  ],
  // injections
  ['inject at required', 'inject[0].at', undefined, 'inject[0].at: required'],
  [
    'inject at ≥ 0',
    'inject[0].at',
    -1,
    'inject[0].at: must be a time from 0 to 2592000000 ms (30 days) (got -1)',
  ],
  ['inject to required', 'inject[0].to', undefined, 'inject[0].to: required'],
  [
    'inject to a side',
    'inject[0].to',
    'router',
    'inject[0].to: unknown side "router" (expected client or server)',
  ],
  [
    'inject flags known',
    'inject[0].flags',
    'RST,URG',
    'inject[0].flags: unknown flag "URG" (expected SYN, FIN, RST, PSH, ACK)',
  ],
  ['inject seq required', 'inject[0].seq', undefined, 'inject[0].seq: required'],
  [
    'inject seq integer',
    'inject[0].seq',
    1.5,
    'inject[0].seq: must be a safe integer (|n| < 2^53) (got 1.5)',
  ],
  [
    'inject ack integer',
    'inject[0].ack',
    '0',
    'inject[0].ack: must be a safe integer (|n| < 2^53) (got "0")',
  ],
  [
    'inject len ≥ 0',
    'inject[0].len',
    -1,
    'inject[0].len: must be an integer from 0 to 65495 (got -1)',
  ],
  [
    'inject window 16 bits',
    'inject[0].window',
    65536,
    'inject[0].window: must be an integer from 0 to 65535 (got 65536)',
  ],
  [
    'unknown inject field',
    'inject[0].urg',
    1,
    'inject[0].urg: unknown field (expected one of at, to, flags, seq, ack, len, window, options)',
  ],
  [
    'inject options a list',
    'inject[0].options',
    { kind: 'mss', value: 1460 },
    'inject[0].options: must be an array (got an object)',
  ],
  [
    'inject option kind known',
    'inject[0].options',
    [{ kind: 'sack' }],
    'inject[0].options[0].kind: unknown option "sack" (expected one of mss, sackPermitted, timestamps, windowScale)',
  ],
  [
    'inject timestamps complete',
    'inject[0].options',
    [{ kind: 'timestamps', tsval: 1 }],
    'inject[0].options[0].tsecr: required',
  ],
  [
    'inject option fields per kind',
    'inject[0].options',
    [{ kind: 'sackPermitted', value: 1 }],
    'inject[0].options[0].value: unknown field (expected kind)',
  ],
  [
    'inject options fit in a header',
    'inject[0].options',
    Array.from({ length: 4 }, () => ({ kind: 'timestamps', tsval: 1, tsecr: 0 })),
    'inject[0].options: need more than the 40 bytes a TCP header holds',
  ],
];

describe('parseScenario refuses', () => {
  it.each(REFUSED)('%s (%s)', (_rule, path, value, error) => {
    expect(parseScenario(withValue(path, value))).toEqual({ ok: false, error });
  });

  it.each([
    [null, 'scenario: must be a JSON object (got null)'],
    [[], 'scenario: must be a JSON object (got an array)'],
    ['{}', 'scenario: must be a JSON object (got "{}")'],
    [42, 'scenario: must be a JSON object (got 42)'],
    [{}, 'actions: required'],
  ])('a top level that is not a scenario: %j', (input, error) => {
    expect(parseScenario(input)).toEqual({ ok: false, error });
  });

  it('a client port equal to the default server port', () => {
    expect(parseScenario({ client: { port: 8080 }, actions: [] })).toEqual({
      ok: false,
      error: "client.port: must differ from the server's port 8080",
    });
    expect(parseScenario({ server: { port: 40000 }, actions: [] })).toEqual({
      ok: false,
      error: "server.port: must differ from the client's port 40000",
    });
  });

  it('a field name that needs quoting, without breaking the line', () => {
    expect(parseScenario({ actions: [], 'a\nb': 1 })).toEqual({
      ok: false,
      error:
        '["a\\nb"]: unknown field (expected one of title, description, profile, seed, client, server, ' +
        'network, timers, whatIf, sysctl, actions, faults, inject, until, questions)',
    });
  });

  it.each([
    [
      { tcp_synretries: 3 },
      'sysctl.tcp_synretries: unknown field (did you mean "tcp_syn_retries"?)',
    ],
    [
      { tcp_keepalive_time: 60 },
      'sysctl.tcp_keepalive_time: unknown field (expected one of tcp_syn_retries, tcp_synack_retries, ' +
        'tcp_syn_linear_timeouts, tcp_retries2, tcp_fin_timeout, tcp_timestamps, tcp_sack, ' +
        'tcp_window_scaling, tcp_rfc1337, tcp_tw_reuse)',
    ],
    [{ tcp_syn_retries: 0 }, 'sysctl.tcp_syn_retries: must be an integer from 1 to 127 (got 0)'],
    [{ tcp_timestamps: 3 }, 'sysctl.tcp_timestamps: must be an integer from 0 to 2 (got 3)'],
    [[], 'sysctl: must be a JSON object (got an array)'],
  ])('a bad sysctl under linux: %j', (sysctl, error) => {
    expect(parseScenario({ ...full(), profile: 'linux', sysctl })).toEqual({ ok: false, error });
  });

  it('a whole conformance case, pointing at the scenario inside', () => {
    expect(parseScenario({ name: 'x', scenario: { actions: [] }, expect: {} })).toEqual({
      ok: false,
      error: 'scenario: unknown field (a conformance case? use the object inside "scenario")',
    });
  });

  it('"__proto__" and "constructor" as unknown fields', () => {
    expect(errorOf(parseScenario(JSON.parse('{"actions":[],"__proto__":{"x":1}}')))).toMatch(
      /^__proto__: unknown field/,
    );
    expect(errorOf(parseScenario({ actions: [], constructor: 1 }))).toMatch(
      /^constructor: unknown field/,
    );
  });

  it('long strings shortened in the message', () => {
    const error = errorOf(parseScenario(withValue('profile', 'x'.repeat(500))));
    expect(error.length).toBeLessThan(150);
  });

  it('nesting deeper than any scenario, before walking it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(parseScenario({ ...full(), title: deep }))).toBe(
      'scenario: nested more than 32 levels deep; a scenario needs a few',
    );
    expect(errorOf(parseScenarioJson(`{"actions":${'['.repeat(40)}${']'.repeat(40)}}`))).toMatch(
      /^scenario: nested more than 32 levels deep/,
    );
  });
});

// ---- the ranges of times and counts (limits.ts): every run of a valid scenario ends ----

const INSTANT = 'a time from 0 to 2592000000 ms (30 days)';
const DURATION = '0 or a duration from 0.001 ms (1 µs) to 86400000 ms (24 h)';
const RTO = 'a duration from 0.001 ms (1 µs) to 3600000 ms (1 h)';

/** Where each kind of time is, as [path to set, value to set there, path the error names]. */
const TIMES: Record<'instant' | 'duration' | 'rto', [string, (v: number) => unknown, string][]> = {
  instant: [
    ['until', (v) => v, 'until'],
    ['actions[0].at', (v) => v, 'actions[0].at'],
    ['faults[0].after', (v) => v, 'faults[0].after'],
    ['inject[0].at', (v) => v, 'inject[0].at'],
  ],
  duration: [
    ['network.delayMs', (v) => v, 'network.delayMs'],
    ['timers.mslMs', (v) => v, 'timers.mslMs'],
    ['timers.delayedAckMs', (v) => v, 'timers.delayedAckMs'],
    ['timers.finWait2Ms', (v) => v, 'timers.finWait2Ms'],
    ['actions[4].delayMs', (v) => v, 'actions[4].delayMs'],
    ['faults[0].fate', (v) => ({ delayMs: v }), 'faults[0].fate.delayMs'],
  ],
  rto: [
    ['timers.rtoInitialMs', (v) => v, 'timers.rtoInitialMs'],
    ['timers.rtoMinMs', (v) => v, 'timers.rtoMinMs'],
    ['timers.rtoMaxMs', (v) => v, 'timers.rtoMaxMs'],
  ],
};
const RANGE = { instant: INSTANT, duration: DURATION, rto: RTO };

describe('parseScenario bounds every time and count', () => {
  it.each([
    ['an instant at 0', 'instant', 0],
    ['an instant at 30 days', 'instant', 2_592_000_000],
    ['a duration of 0', 'duration', 0],
    ['a duration of 1 µs', 'duration', 0.001],
    ['a duration of 24 h', 'duration', 86_400_000],
    ['an RTO of 1 µs', 'rto', 0.001],
    ['an RTO of 1 h', 'rto', 3_600_000],
  ] as const)('accepts %s in every field of that kind', (_name, kind, value) => {
    for (const [path, make] of TIMES[kind]) {
      const input = withValue(path, make(value));
      // The floor may not exceed the ceiling: an RTO at either end is given to all three.
      if (kind === 'rto') {
        Object.assign(input.timers as object, {
          rtoInitialMs: value,
          rtoMinMs: value,
          rtoMaxMs: value,
        });
      }
      expect([path, errorOf(parseScenario(input))]).toEqual([path, '(accepted)']);
    }
  });

  it.each([
    ['an instant past 30 days', 'instant', 2_592_000_001],
    ['an instant of 1e300 ms', 'instant', 1e300],
    ['a duration under 1 µs', 'duration', 0.0009],
    ['a duration of 1e-300 ms', 'duration', 1e-300],
    ['a duration past 24 h', 'duration', 86_400_001],
    ['an RTO of 0', 'rto', 0],
    ['an RTO of 1e-300 ms', 'rto', 1e-300],
    ['an RTO past 1 h', 'rto', 3_600_001],
  ] as const)('refuses %s, naming the field, the value and the range', (_name, kind, value) => {
    for (const [path, make, named] of TIMES[kind]) {
      expect(parseScenario(withValue(path, make(value)))).toEqual({
        ok: false,
        error: `${named}: must be ${RANGE[kind]} (got ${value})`,
      });
    }
  });

  it.each([
    ['timers.synRetries', 127, "Linux's MAX_TCP_SYNCNT"],
    ['timers.synAckRetries', 255, 'tcp_synack_retries is a byte'],
    ['timers.dataRetries', 255, 'tcp_retries2 is a byte'],
    ['faults[0].nth', 1_000_000, 'no run shown has more events'],
    ['inject[0].len', 65_495, 'the most an IPv4 segment carries'],
  ])('takes %s up to %i (%s), no further', (path, max) => {
    const min = path === 'faults[0].nth' ? 1 : 0;
    expect(errorOf(parseScenario(withValue(path, max)))).toBe('(accepted)');
    expect(errorOf(parseScenario(withValue(path, min)))).toBe('(accepted)');
    for (const bad of [max + 1, min - 1, 1e15]) {
      expect(parseScenario(withValue(path, bad))).toEqual({
        ok: false,
        error: `${path}: must be an integer from ${min} to ${max} (got ${bad})`,
      });
    }
  });

  it("takes tcp_syn_linear_timeouts up to Linux's MAX_TCP_SYNCNT (127)", () => {
    const linux = (n: number) => ({
      ...full(),
      profile: 'linux',
      sysctl: { tcp_syn_linear_timeouts: n },
    });
    expect(errorOf(parseScenario(linux(127)))).toBe('(accepted)');
    expect(parseScenario(linux(128))).toEqual({
      ok: false,
      error: 'sysctl.tcp_syn_linear_timeouts: must be an integer from 0 to 127 (got 128)',
    });
  });

  it("refuses the review's runaway scenarios: an RTO of 1e-300 ms, retries by the quadrillion", () => {
    const stalls = {
      network: { lossRate: 1 },
      timers: { rtoInitialMs: 1e-300, rtoMinMs: 1e-300, rtoMaxMs: 1e-300 },
      actions: [
        { at: 0, who: 'server', do: 'listen' },
        { at: 0, who: 'client', do: 'connect' },
      ],
      until: 1000,
    };
    expect(parseScenario(stalls)).toEqual({
      ok: false,
      error: `timers.rtoInitialMs: must be ${RTO} (got 1e-300)`,
    });
    const endless = { ...stalls, timers: { rtoInitialMs: 1, rtoMinMs: 1, synRetries: 1e15 } };
    expect(parseScenario(endless)).toEqual({
      ok: false,
      error: 'timers.synRetries: must be an integer from 0 to 127 (got 1000000000000000)',
    });
  });

  it('refuses any time out of its range, whatever the value', () => {
    const below = (min: number) => fc.double({ max: min, maxExcluded: true, noNaN: true });
    const above = (max: number) => fc.double({ min: max, minExcluded: true, noNaN: true });
    const negative = fc.double({ max: -Number.MIN_VALUE, noNaN: true });
    const outside = {
      instant: fc.oneof(negative, above(MAX_INSTANT_MS)),
      duration: fc.oneof(
        negative,
        fc.double({ min: Number.MIN_VALUE, max: MIN_DURATION_MS, maxExcluded: true }),
        above(MAX_DURATION_MS),
      ),
      rto: fc.oneof(below(MIN_DURATION_MS), above(MAX_RTO_MS)),
    };
    const kinds = ['instant', 'duration', 'rto'] as const;
    const cases = fc
      .constantFrom(...kinds)
      .chain((kind) => fc.tuple(fc.constant(kind), fc.constantFrom(...TIMES[kind]), outside[kind]));
    fc.assert(
      fc.property(cases, ([kind, [path, make, named], value]) => {
        expect(parseScenario(withValue(path, make(value)))).toEqual({
          ok: false,
          error: `${named}: must be ${RANGE[kind]} (got ${value})`,
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseScenarioJson', () => {
  it('parses a valid text', () => {
    expect(parseScenarioJson('{"actions":[]}')).toEqual({ ok: true, scenario: { actions: [] } });
  });

  it('forgives a byte order mark', () => {
    expect(parseScenarioJson('\uFEFF{"actions":[]}').ok).toBe(true);
  });

  it.each([
    ['', 'scenario: empty input (expected a JSON object)'],
    ['  \n', 'scenario: empty input (expected a JSON object)'],
    [
      '{\n  "actions": x\n}',
      "scenario: not valid JSON (unexpected 'x' at position 15, line 2 column 14)",
    ],
    [
      '{"actions":[],}',
      "scenario: not valid JSON (expected a property name in double quotes but found '}' at position 14, line 1 column 15)",
    ],
    [
      '{"actions":[1,]}',
      "scenario: not valid JSON (unexpected ']' at position 14, line 1 column 15)",
    ],
    [
      '{"actions" []}',
      "scenario: not valid JSON (expected ':' but found '[' at position 11, line 1 column 12)",
    ],
    [
      '{"actions":[] "a":1}',
      "scenario: not valid JSON (expected ',' or '}' but found '\"' at position 14, line 1 column 15)",
    ],
    ['{"actions":[}', "scenario: not valid JSON (unexpected '}' at position 12, line 1 column 13)"],
    [
      '{"actions":[',
      'scenario: not valid JSON (unexpected end of input at position 12, line 1 column 13)',
    ],
    ['{"a":"b', 'scenario: not valid JSON (unterminated string at position 5, line 1 column 6)'],
    [
      '{"a":"\t"}',
      'scenario: not valid JSON (unescaped control character U+0009 in a string at position 6, line 1 column 7)',
    ],
    [
      '{"a":"\\q"}',
      "scenario: not valid JSON (bad escape '\\q' in a string at position 6, line 1 column 7)",
    ],
    [
      '{"a":"\\u12"}',
      'scenario: not valid JSON (bad \\u escape (expected 4 hex digits) at position 6, line 1 column 7)',
    ],
    ['{"a":01}', "scenario: not valid JSON (bad number '01' at position 5, line 1 column 6)"],
    ['{"a":1.}', "scenario: not valid JSON (bad number '1.' at position 5, line 1 column 6)"],
    ['{"a":tru}', "scenario: not valid JSON (unexpected 't' at position 5, line 1 column 6)"],
    [
      '{} {}',
      "scenario: not valid JSON (unexpected '{' after the end of the value at position 3, line 1 column 4)",
    ],
    [
      "{'actions':[]}",
      "scenario: not valid JSON (expected a property name in double quotes but found ''' at position 1, line 1 column 2)",
    ],
  ])('refuses %j', (text, error) => {
    expect(parseScenarioJson(text)).toEqual({ ok: false, error });
  });

  it('checks the parsed value like parseScenario', () => {
    expect(parseScenarioJson('{"actions":[],"timers":{"msl":1}}')).toEqual({
      ok: false,
      error: 'timers.msl: unknown field (did you mean "mslMs"?)',
    });
  });
});

// ---- properties ----

const PATH =
  /^(?:scenario|[A-Za-z_$][\w$]*|\[".*?"\])(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\[".*?"\])*: \S/;
const TOP: readonly string[] = ['scenario', ...TOP_FIELDS];

/** A refusal is one line that starts with the path of a field, then ": " and the problem. */
function expectWellFormed(result: ParseResult): void {
  if (result.ok) return;
  expect(result.error).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(result.error).toMatch(PATH);
  const head = /^[A-Za-z_$][\w$]*/.exec(result.error)?.[0];
  if (head === undefined || !TOP.includes(head)) expect(result.error).toContain('unknown field');
}

const side = fc.constantFrom('client', 'server');
/** When something happens: from 0 to 30 days, often a round number of milliseconds. */
const instant = fc.oneof(
  fc.nat(1_000_000),
  fc.double({ min: 0, max: MAX_INSTANT_MS, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, MAX_INSTANT_MS),
);
/** How long something lasts: 0 (none), or from 1 µs to 24 hours. */
const duration = fc.oneof(
  fc.nat(1_000_000),
  fc.double({ min: MIN_DURATION_MS, max: MAX_DURATION_MS, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, MIN_DURATION_MS, MAX_DURATION_MS),
);
/** A retransmission timeout between `min` and `max`. */
const rto = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(min, max),
  );
const flags = fc
  .subarray(['SYN', 'FIN', 'RST', 'ACK'], { minLength: 1 })
  .chain((names) => fc.shuffledSubarray(names, { minLength: names.length }))
  .map((names) => names.join(','));

/** When an action runs: at a time, or once an event of its side happened (with a delay or not). */
const when = fc.oneof(
  fc.record({ at: instant }),
  fc.record(
    { after: fc.constantFrom('connected', 'accepted', 'acked', 'eof'), delayMs: duration },
    { requiredKeys: ['after'] },
  ),
);

const action = fc
  .tuple(
    when,
    fc.oneof(
      fc.record({ who: fc.constant('server'), do: fc.constant('listen') }),
      fc.record({ who: side, do: fc.constantFrom('shutdown', 'close', 'abort') }),
      fc.record({
        who: fc.constant('server'),
        do: fc.constantFrom('close', 'abort'),
        socket: fc.constant('listener'),
      }),
      fc.record(
        { who: side, do: fc.constant('connect'), reuse: fc.boolean() },
        { requiredKeys: ['who', 'do'] },
      ),
      fc.record({ who: side, do: fc.constant('send'), bytes: fc.integer({ min: 1, max: 1e6 }) }),
    ),
  )
  .map(([w, a]) => ({ ...w, ...a }));

const fault = fc.record(
  {
    who: side,
    flags,
    nth: fc.integer({ min: 1, max: 10 }),
    after: instant,
    fate: fc.oneof(fc.constantFrom('drop', 'duplicate'), fc.record({ delayMs: duration })),
  },
  { requiredKeys: ['who', 'flags', 'nth', 'fate'] },
);

const tcpOption = fc.oneof(
  fc.record({ kind: fc.constant('mss'), value: fc.integer({ min: 0, max: 65535 }) }),
  fc.record({ kind: fc.constant('sackPermitted') }),
  fc.record({
    kind: fc.constant('timestamps'),
    tsval: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    tsecr: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  }),
  fc.record({ kind: fc.constant('windowScale'), shift: fc.integer({ min: 0, max: 255 }) }),
);

const injection = fc.record(
  {
    at: instant,
    to: side,
    flags,
    seq: fc.integer(),
    ack: fc.integer(),
    len: fc.nat(2000),
    window: fc.integer({ min: 0, max: 65535 }),
    // Each kind at most once: any such list fits in a header's 40 bytes of options.
    options: fc.uniqueArray(tcpOption, { maxLength: 4, selector: (o) => o.kind }),
  },
  { requiredKeys: ['at', 'to', 'flags', 'seq'] },
);

const options = fc.record(
  {
    mss: fc.oneof(fc.constant(false as const), fc.integer({ min: 88, max: 65495 })),
    sackPermitted: fc.boolean(),
    timestamps: fc.boolean(),
    windowScale: fc.oneof(fc.constant(false as const), fc.integer({ min: 0, max: 14 })),
  },
  { requiredKeys: [] },
);

const endpoint = (ports: fc.Arbitrary<number>) =>
  fc.record(
    {
      port: ports,
      isn: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      closeOnEof: fc.boolean(),
      scripted: fc.boolean(),
      options,
    },
    { requiredKeys: [] },
  );

/** Linux settings, each within the range Linux accepts. */
const sysctl = fc.record(
  {
    tcp_syn_retries: fc.integer({ min: 1, max: 127 }),
    tcp_synack_retries: fc.nat(255),
    tcp_syn_linear_timeouts: fc.nat(127),
    tcp_retries2: fc.nat(255),
    tcp_fin_timeout: fc.integer({ min: 1, max: 86_400 }),
    tcp_timestamps: fc.nat(2),
    tcp_sack: fc.nat(1),
    tcp_window_scaling: fc.nat(1),
    tcp_rfc1337: fc.nat(1),
    tcp_tw_reuse: fc.nat(2),
  },
  { requiredKeys: [] },
);

/** Valid scenarios; the two ports come from disjoint ranges so they always differ. */
const validScenario = fc
  .record(
    {
      title: fc.string(),
      description: fc.string(),
      profile: fc.constantFrom('rfc9293', 'linux'),
      seed: fc.maxSafeInteger(),
      client: endpoint(fc.integer({ min: 32768, max: 65535 })),
      server: endpoint(fc.integer({ min: 1, max: 32767 })),
      network: fc.record(
        { delayMs: duration, lossRate: fc.double({ min: 0, max: 1, noNaN: true }) },
        { requiredKeys: [] },
      ),
      timers: fc.record(
        {
          mslMs: duration,
          // rtoMaxMs ≥ rtoMinMs when both are given.
          rtoInitialMs: rto(MIN_DURATION_MS, MAX_RTO_MS),
          rtoMinMs: rto(MIN_DURATION_MS, 1000),
          rtoMaxMs: rto(1000, MAX_RTO_MS),
          delayedAckMs: duration,
          finWait2Ms: duration,
          synRetries: fc.nat(MAX_SYN_RETRIES),
          synAckRetries: fc.nat(MAX_RETRIES),
          dataRetries: fc.nat(MAX_RETRIES),
        },
        { requiredKeys: [] },
      ),
      whatIf: fc.record(
        { noTimeWait: fc.boolean(), twoWayHandshake: fc.boolean(), reuseTimeWait: fc.boolean() },
        { requiredKeys: [] },
      ),
      sysctl,
      actions: fc.array(action, { maxLength: 8 }),
      faults: fc.array(fault, { maxLength: 3 }),
      inject: fc.array(injection, { maxLength: 3 }),
      until: instant,
    },
    { requiredKeys: ['actions'] },
  )
  // sysctl names Linux's settings: only a linux scenario may have it.
  .map(({ sysctl: settings, ...rest }) =>
    rest.profile === 'linux' && settings !== undefined ? { ...rest, sysctl: settings } : rest,
  );

type Json = unknown;

/** Every path into a JSON value, as lists of keys, the root included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** A copy of `value` with the node at `path` replaced (or removed when `replacement` is undefined). */
function mutate(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>; // path came from paths(value)
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] ?? '';
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const mutatedScenario = validScenario.chain((s) =>
  fc
    .tuple(
      fc.constantFrom(...paths(s)),
      fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    )
    .map(([path, replacement]) => mutate(s, path, replacement)),
);

describe('parseScenario properties', () => {
  it('accepts every generated valid scenario and returns an equal copy', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const result = parseScenario(s);
        expect(result).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any JSON value or JavaScript value, and refuses in one well-formed line', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything(), fc.record({ actions: fc.anything() })),
        (value) => {
          expectWellFormed(parseScenario(value));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on mutated valid scenarios: no throw, no change to the input, stable normal form', () => {
    fc.assert(
      fc.property(mutatedScenario, (value) => {
        const before = structuredClone(value);
        const result = parseScenario(value);
        expect(value).toEqual(before);
        expectWellFormed(result);
        if (result.ok) expect(parseScenario(result.scenario)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseScenarioJson properties', () => {
  const nearJson = fc
    .tuple(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 1)),
      fc.nat(),
      fc.string({ maxLength: 2 }),
      fc.nat(3),
    )
    .map(([text, at, insert, remove]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, i) + insert + text.slice(i + remove);
    });

  it('never throws, refuses in one line, and locates an error exactly when JSON.parse fails', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nearJson,
          fc.string(),
          mutatedScenario.map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          expect(locateJsonError(text) === null).toBe(parses);
          expectWellFormed(parseScenarioJson(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('survives nesting deeper than a recursive parser could', () => {
    const deep = '['.repeat(200_000);
    expect(parseScenarioJson(deep)).toEqual({
      ok: false,
      error:
        'scenario: not valid JSON (unexpected end of input at position 200000, line 1 column 200001)',
    });
  });
});
