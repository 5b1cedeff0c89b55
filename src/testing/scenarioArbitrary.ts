// Random lesson-like scenarios for the model's property tests (test-only; fast-check is a dev
// dependency and nothing in the app imports this file).
import fc from 'fast-check';
import type { Action, Fault, Scenario, Side } from '../engine/types';

const side = fc.constantFrom<Side>('client', 'server');

const fault: fc.Arbitrary<Fault> = fc.record({
  who: side,
  flags: fc.constantFrom('SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'RST', 'RST,ACK'),
  nth: fc.integer({ min: 1, max: 3 }),
  after: fc.integer({ min: 0, max: 3000 }),
  fate: fc.oneof(
    fc.constant('drop' as const),
    fc.constant('duplicate' as const),
    fc.record({ delayMs: fc.integer({ min: 1, max: 2000 }) }),
  ),
});

const laterAction: fc.Arbitrary<Action> = fc
  .record({
    at: fc.integer({ min: 0, max: 3000 }),
    who: side,
    do: fc.constantFrom('send', 'send', 'close', 'close', 'shutdown', 'abort', 'connect'),
    bytes: fc.integer({ min: 1, max: 3000 }),
    reuse: fc.boolean(),
  })
  .map((a): Action => {
    const action: Action = { at: a.at, who: a.who, do: a.do };
    if (a.do === 'send') action.bytes = a.bytes;
    if (a.do === 'connect') {
      action.who = 'client';
      if (a.reuse) action.reuse = true;
    }
    return action;
  });

/** A listen, a connect, then random calls, faults and loss; short MSL so runs stay small. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    profile: fc.constantFrom('rfc9293' as const, 'linux' as const),
    seed: fc.integer({ min: 0, max: 1000 }),
    delayMs: fc.integer({ min: 1, max: 300 }),
    lossRate: fc.constantFrom(0, 0, 0.1, 0.3),
    connectAt: fc.integer({ min: 0, max: 500 }),
    actions: fc.array(laterAction, { maxLength: 6 }),
    faults: fc.array(fault, { maxLength: 3 }),
  })
  .map((r) => ({
    profile: r.profile,
    seed: r.seed,
    client: { isn: 1000 },
    server: { isn: 5000 },
    network: { delayMs: r.delayMs, lossRate: r.lossRate },
    timers: { mslMs: 2000, finWait2Ms: 5000 },
    actions: [
      { at: 0, who: 'server' as const, do: 'listen' as const },
      { at: r.connectAt, who: 'client' as const, do: 'connect' as const },
      ...r.actions,
    ],
    faults: r.faults,
    until: 60_000,
  }));

/** Bounds the property runs' cost: a random scenario may loop (an ACK war) until `until`. */
export const PROPERTY_MAX_EVENTS = 5_000;
