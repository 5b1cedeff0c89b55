// One case per rule id: a scenario in which the engine makes that decision, and the event that
// says so. The table must name every rule of ./rules.ts and nothing else, and the README must
// list them all, so a new rule cannot go undocumented or untested.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './engine';
import { RULE_IDS, RULES, type RuleId } from './rules';
import type { Action, Scenario, TraceEvent } from './types';
import { at, fixedScenario } from '../testing/scenarios';
import { parseScenario } from './validate';

type Profile = 'linux' | 'rfc9293';

const listen = at(0, 'server', 'listen');
const connect = at(10, 'client', 'connect');

/** A scenario on `profile` with fixed ISNs, 1 ms each way, for 5 s. */
function base(profile: Profile, actions: Action[], more: Partial<Scenario> = {}): Scenario {
  return fixedScenario(profile, actions, { until: 5000, ...more });
}

/** Connect, then the client closes at 100 and the server at 200: the client ends in TIME_WAIT. */
function closed(profile: Profile, more: Partial<Scenario> = {}, extra: Action[] = []): Scenario {
  return base(
    profile,
    [listen, connect, at(100, 'client', 'close'), at(200, 'server', 'close'), ...extra],
    more,
  );
}

/** The server closes first, so the server ends in TIME_WAIT; the client connects again at 400. */
function serverTimeWait(profile: Profile): Scenario {
  return base(profile, [
    listen,
    connect,
    at(100, 'server', 'close'),
    at(200, 'client', 'close'),
    at(400, 'client', 'connect'),
  ]);
}

/** The handshake's ACK is lost, so the server's connection waits in SYN_RCVD. */
const lostHandshakeAck: Partial<Scenario> = {
  faults: [{ who: 'client', flags: 'ACK', nth: 1, fate: 'drop' }],
};

/** Rules only the capture observer gives (src/capture/observer.ts): the engine never decides them. */
const CAPTURE_ONLY = ['fast-retransmit'] as const;
type EngineRule = Exclude<RuleId, (typeof CAPTURE_ONLY)[number]>;

const CASES: Record<EngineRule, Scenario> = {
  listen: base('rfc9293', [listen]),
  'active-open': base('rfc9293', [listen, connect]),
  'syn-to-listener': base('rfc9293', [listen, connect]),
  'syn-ack-received': base('rfc9293', [listen, connect]),
  'simultaneous-open': base('rfc9293', [at(10, 'client', 'connect'), at(10, 'server', 'connect')]),
  'handshake-ack': base('rfc9293', [listen, connect]),
  accept: base('rfc9293', [listen, connect]),
  'two-way-handshake': base('rfc9293', [listen, connect], { whatIf: { twoWayHandshake: true } }),
  'syn-options': base('linux', [listen, connect]),
  'send-data': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 10 })]),
  'ack-at-once': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 10 })]),
  // Two segments, the ACK of the first arrives while the second is still out.
  'ack-partial': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 2000 })]),
  // The second segment is delayed: the third draws a duplicate ACK, which the client receives.
  'dup-ack-received': base(
    'rfc9293',
    [listen, connect, at(50, 'client', 'send', { bytes: 3000 })],
    { faults: [{ who: 'client', flags: 'ACK', nth: 2, fate: { delayMs: 20 } }] },
  ),
  'ack-nothing-new': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'client', flags: 'ACK', seq: 1, ack: 1 }],
  }),
  'ack-of-unsent': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'client', flags: 'ACK', seq: 1, ack: 500 }],
  }),
  'out-of-order': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 3000 })], {
    faults: [{ who: 'client', flags: 'ACK', nth: 2, fate: { delayMs: 20 } }],
  }),
  // With a delayed-ACK timeout on rfc9293, the data's ACK waits for the timer.
  'delayed-ack': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 10 })], {
    timers: { delayedAckMs: 100 },
  }),
  // The FIN arrives before any data: its ACK waits one tick, and the timer fires.
  'delayed-ack-expired': closed('linux'),
  'quick-ack': base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 10 })]),
  pingpong: base('linux', [
    listen,
    connect,
    at(50, 'client', 'send', { bytes: 10 }),
    at(55, 'server', 'send', { bytes: 10 }),
    at(60, 'client', 'send', { bytes: 10 }),
  ]),
  // Data in the window after the client's FIN: nothing can follow a FIN, so it is a repeat.
  'after-fin': closed('rfc9293', {
    inject: [{ at: 150, to: 'server', flags: 'ACK', seq: 2, ack: 1, len: 10 }],
  }),
  'challenge-ack': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'server', flags: 'SYN', seq: 100 }],
  }),
  'rst-challenge': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'server', flags: 'RST', seq: 100 }],
  }),
  'app-close': closed('rfc9293'),
  'close-call': closed('rfc9293'),
  'passive-close': closed('rfc9293'),
  'close-in-syn-sent': base('rfc9293', [listen, connect, at(10.5, 'client', 'close')]),
  'fin-received': closed('rfc9293'),
  'fin-acked': closed('rfc9293'),
  'time-wait': closed('rfc9293'),
  'time-wait-restart': closed('rfc9293', {
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 200, fate: 'drop' }],
  }),
  'time-wait-expired': closed('rfc9293', { until: 300_000 }),
  'linux-time-wait': closed('linux'),
  'fin-wait-2-timeout': base('linux', [listen, connect, at(100, 'client', 'close')], {
    until: 70_000,
  }),
  'listener-close': base('rfc9293', [listen, at(10, 'server', 'close', { socket: 'listener' })]),
  'listener-drops-embryonic': base(
    'rfc9293',
    [listen, connect, at(50, 'server', 'close', { socket: 'listener' })],
    lostHandshakeAck,
  ),
  'no-time-wait': closed('rfc9293', { whatIf: { noTimeWait: true } }),
  'abort-call': base('rfc9293', [listen, connect, at(50, 'client', 'abort')]),
  'socket-error': base('rfc9293', [
    listen,
    connect,
    at(50, 'client', 'abort'),
    at(100, 'server', 'send', { bytes: 10 }),
  ]),
  'rst-closed': base('rfc9293', [connect]),
  'rst-listen': base('rfc9293', [listen], {
    inject: [{ at: 50, to: 'server', flags: 'ACK', seq: 1, ack: 1 }],
  }),
  'rst-bad-ack': base('rfc9293', [connect], {
    server: { port: 8080, isn: 5000, scripted: true },
    inject: [{ at: 5 + 10, to: 'client', flags: 'SYN,ACK', seq: 0, ack: 7 }],
  }),
  'rst-refused': base('rfc9293', [connect]),
  'rst-received': base('rfc9293', [listen, connect, at(50, 'client', 'abort')]),
  // A RST at exactly RCV.NXT reaches the client in TIME_WAIT.
  'rst-in-time-wait': closed('rfc9293', {
    inject: [{ at: 300, to: 'client', flags: 'RST', seq: 2 }],
  }),
  'rst-embryonic': base('rfc9293', [listen, connect], {
    ...lostHandshakeAck,
    inject: [{ at: 50, to: 'server', flags: 'RST', seq: 1 }],
  }),
  'rst-syn-in-window': base('linux', [listen, connect], {
    ...lostHandshakeAck,
    inject: [{ at: 50, to: 'server', flags: 'SYN', seq: 5 }],
  }),
  'syn-in-window': base('rfc9293', [listen, connect], {
    ...lostHandshakeAck,
    inject: [{ at: 50, to: 'server', flags: 'SYN', seq: 5 }],
  }),
  'rst-without-ack': base('rfc9293', [connect], {
    server: { port: 8080, isn: 5000, scripted: true },
    inject: [{ at: 15, to: 'client', flags: 'RST', seq: 0 }],
  }),
  'no-ack-bit': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'server', flags: 'FIN', seq: 1 }],
  }),
  'syn-sent-no-syn': base('rfc9293', [connect], {
    server: { port: 8080, isn: 5000, scripted: true },
    inject: [{ at: 15, to: 'client', flags: 'ACK', seq: 0, ack: 1 }],
  }),
  'rst-orphan-data': base('linux', [
    listen,
    connect,
    at(100, 'client', 'close'),
    at(200, 'server', 'send', { bytes: 10 }),
  ]),
  'rfc1337-ignore-rst': closed('linux', {
    sysctl: { tcp_rfc1337: 1 },
    inject: [{ at: 300, to: 'client', flags: 'RST', seq: 2 }],
  }),
  rto: base('rfc9293', [listen, connect]),
  'rto-expired': base('rfc9293', [listen, connect], lostHandshakeAck),
  // Without SACK there is no loss probe: the RTO timer itself runs.
  'rto-linux': base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 10 })], {
    client: { port: 40000, isn: 1000, options: { sackPermitted: false } },
  }),
  'rto-backoff': base('rfc9293', [listen, connect, at(50, 'client', 'send', { bytes: 10 })], {
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 40, fate: 'drop' }],
  }),
  'syn-linear-timeout': base('linux', [listen, connect], {
    faults: [{ who: 'client', flags: 'SYN', nth: 1, fate: 'drop' }],
  }),
  // The first two of three segments are lost: after the timeout, the ACK of the first brings the
  // second out again at once.
  'retransmit-go-back': base(
    'rfc9293',
    [listen, connect, at(50, 'client', 'send', { bytes: 3000 })],
    {
      faults: [
        { who: 'client', flags: 'ACK', nth: 2, fate: 'drop' },
        { who: 'client', flags: 'ACK', nth: 3, fate: 'drop' },
      ],
    },
  ),
  'loss-probe': base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 10 })], {
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 40, fate: 'drop' }],
  }),
  'loss-probe-sent': base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 10 })], {
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 40, fate: 'drop' }],
  }),
  'syn-repeated': base('linux', [listen, connect], {
    faults: [{ who: 'server', flags: 'SYN,ACK', nth: 1, fate: 'drop' }],
  }),
  'duplicate-syn': base('rfc9293', [listen, connect], {
    faults: [{ who: 'server', flags: 'SYN,ACK', nth: 1, fate: 'drop' }],
  }),
  'retries-exhausted': base('rfc9293', [connect], {
    server: { port: 8080, isn: 5000, scripted: true },
    timers: { synRetries: 1 },
  }),
  'all-acked': base('rfc9293', [listen, connect]),
  'connection-gone': base('rfc9293', [
    listen,
    connect,
    at(50, 'client', 'send', { bytes: 10 }),
    at(50, 'client', 'abort'),
  ]),
  'bind-in-use': closed('linux', {}, [at(300, 'client', 'connect')]),
  'four-tuple-in-use': closed('rfc9293', {}, [at(300, 'client', 'connect', { reuse: true })]),
  'time-wait-takeover': closed('linux', {}, [at(300, 'client', 'connect', { reuse: true })]),
  'time-wait-no-timestamps': closed(
    'linux',
    { client: { port: 40000, isn: 1000, options: { timestamps: false } } },
    [at(300, 'client', 'connect', { reuse: true })],
  ),
  'time-wait-reopen': serverTimeWait('rfc9293'),
  'time-wait-reopen-linux': serverTimeWait('linux'),
  'reuse-time-wait': closed('rfc9293', { whatIf: { reuseTimeWait: true } }, [
    at(300, 'client', 'connect', { reuse: true }),
  ]),
  // A segment of the first connection arrives in the second, which took over its 4-tuple.
  paws: base(
    'linux',
    [
      listen,
      connect,
      at(50, 'client', 'send', { bytes: 10 }),
      at(100, 'client', 'close'),
      at(200, 'server', 'close'),
      at(300, 'client', 'connect', { reuse: true }),
    ],
    { faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 40, fate: { delayMs: 300 } }] },
  ),
  'out-of-window': base('rfc9293', [listen, connect], {
    inject: [{ at: 50, to: 'server', flags: 'ACK', seq: 100_000, ack: 1 }],
  }),
  'no-connection': base('rfc9293', [connect]),
  'listener-gets-ack': base('rfc9293', [listen], {
    inject: [{ at: 50, to: 'server', flags: 'ACK', seq: 1, ack: 1 }],
  }),
  fault: base('rfc9293', [listen, connect], lostHandshakeAck),
  'random-loss': base('rfc9293', [listen, connect], { network: { delayMs: 1, lossRate: 1 } }),
  injected: base('rfc9293', [listen], {
    inject: [{ at: 50, to: 'server', flags: 'ACK', seq: 1, ack: 1 }],
  }),
};

/** Every `why` the run's events carry. */
function rulesOf(events: readonly TraceEvent[]): Set<string> {
  const found = new Set<string>();
  for (const event of events) {
    if ('why' in event && event.why !== undefined) found.add(event.why.rule);
  }
  return found;
}

describe('every rule id', () => {
  it('has a case here, and every case is a rule', () => {
    expect([...Object.keys(CASES), ...CAPTURE_ONLY].sort()).toEqual([...RULE_IDS].sort());
  });

  it('is listed in the README with its reference', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    // A table row `| \`id\` | ref | ...`, however Prettier pads it.
    const rows = new Set(
      [...readme.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map(
        (m) => `${m[1]} ${m[2]}`,
      ),
    );
    const missing = RULE_IDS.filter((id) => !rows.has(`${id} ${RULES[id]}`));
    expect(missing).toEqual([]);
  });

  for (const rule of Object.keys(CASES) as EngineRule[]) {
    it(`${rule} (${RULES[rule]})`, () => {
      const parsed = parseScenario(CASES[rule]);
      if (!parsed.ok) throw new Error(parsed.error);
      const trace = runScenario(parsed.scenario);
      expect([...rulesOf(trace.events)]).toContain(rule);
    });
  }
});

describe('why', () => {
  it('is on every state, send, drop and timer event, and on every discarding arrival', () => {
    for (const scenario of Object.values(CASES)) {
      const parsed = parseScenario(scenario);
      if (!parsed.ok) throw new Error(parsed.error);
      for (const event of runScenario(parsed.scenario).events) {
        const needs =
          event.type === 'state' ||
          event.type === 'send' ||
          event.type === 'drop' ||
          event.type === 'timer' ||
          (event.type === 'deliver' && event.discarded !== undefined);
        if (!needs) continue;
        expect(event).toHaveProperty('why.rule');
        const rule = (event as { why: { rule: string; ref: string } }).why;
        expect(RULES[rule.rule as RuleId]).toBe(rule.ref);
      }
    }
  });
});
