// Every run ends: the validator keeps times and retries within limits.ts, `until` bounds the
// simulated clock, and the engine stops a run whose clock stalls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RunSummary, streamScenario, stalledReason } from './engine';
import {
  MAX_CAUSES_PER_INSTANT,
  MAX_RETRIES,
  MAX_RTO_MS,
  MAX_SYN_RETRIES,
  MIN_DURATION_MS,
} from './limits';
import type { Scenario, TraceEvent } from './types';
import { parseScenario } from './validate';
import { PROPERTY_MAX_EVENTS, scenarioArb } from '../testing/scenarioArbitrary';

const opening: Scenario['actions'] = [
  { at: 0, who: 'server', do: 'listen' },
  { at: 0, who: 'client', do: 'connect' },
];

/** The review's runaway: every segment lost, and an RTO so small the clock cannot move. */
const stalling: Scenario = {
  network: { lossRate: 1 },
  timers: { rtoInitialMs: 1e-300, rtoMinMs: 1e-300, rtoMaxMs: 1e-300, synRetries: 1e15 },
  actions: opening,
  until: 1000,
};

/** The run's summary, and its trace. */
function runOf(scenario: Scenario): RunSummary & { trace: TraceEvent[] } {
  const trace: TraceEvent[] = [];
  return { ...streamScenario(scenario, (e) => trace.push(e)), trace };
}

describe('a scenario whose clock would not advance', () => {
  it('is refused by the validator, which names the RTO and its range', () => {
    expect(parseScenario(stalling)).toEqual({
      ok: false,
      error:
        'timers.rtoInitialMs: must be a duration from 0.001 ms (1 µs) to 3600000 ms (1 h) (got 1e-300)',
    });
    expect(parseScenario({ actions: opening, timers: { rtoMaxMs: 1e-300 } })).toEqual({
      ok: false,
      error:
        'timers.rtoMaxMs: must be a duration from 0.001 ms (1 µs) to 3600000 ms (1 h) (got 1e-300)',
    });
  });

  it('is stopped by the engine when run unchecked, with the reason', () => {
    const run = runOf(stalling);
    expect(run.end).toBe('stalled');
    expect(run.truncated).toBe(true);
    // The clock crept by 1e-300 ms per timeout: the guard counts causes within 1 µs.
    expect(run.endTime).toBeLessThan(MIN_DURATION_MS);
    expect(run.trace.length).toBeLessThan(10 * MAX_CAUSES_PER_INSTANT);
    expect(stalledReason(run.endTime)).toMatch(
      /^the simulated clock stopped advancing at [\d.e-]+ ms: 100,000 things happened within 0\.001 ms of each other, so the run was stopped there$/,
    );
  });

  it('stops at an instant that never passes, too (a time that is not a number)', () => {
    const run = runOf({ actions: opening, until: Number.NaN });
    expect(run.end).toBe('until');
    expect(run.trace).toEqual([]);
  });
});

describe('a scenario at the bounds', () => {
  /** Everything lost, the smallest RTO, the most retries Linux allows. */
  const atBounds = (rtoMaxMs: number, until: number): Scenario => ({
    profile: 'linux',
    sysctl: { tcp_syn_linear_timeouts: MAX_SYN_RETRIES },
    network: { lossRate: 1, delayMs: MIN_DURATION_MS },
    timers: {
      rtoInitialMs: MIN_DURATION_MS,
      rtoMinMs: MIN_DURATION_MS,
      rtoMaxMs,
      synRetries: MAX_SYN_RETRIES,
      synAckRetries: MAX_RETRIES,
      dataRetries: MAX_RETRIES,
    },
    actions: opening,
    until,
  });

  it('is valid, and ends at until when its retries would go on past it', () => {
    const day = 24 * 3600 * 1000;
    const scenario = atBounds(MAX_RTO_MS, day);
    expect(parseScenario(scenario)).toEqual({ ok: true, scenario });
    const run = runOf(scenario);
    expect(run.end).toBe('until');
    expect(run.truncated).toBe(false);
    expect(run.endTime).toBeLessThanOrEqual(day);
    expect(run.trace.every((e) => e.t <= day)).toBe(true);
    // Past the 127 linear timeouts, the SYNs back off to the 1-hour ceiling: hours of retries left.
    const syns = run.trace.filter((e) => e.type === 'send' && e.who === 'client');
    expect(syns.length).toBeGreaterThan(1 + MAX_SYN_RETRIES);
    expect(syns.length).toBeLessThan(1 + 2 * MAX_SYN_RETRIES);
  });

  it('ends by itself, within until, when its retries run out first', () => {
    const scenario = atBounds(MIN_DURATION_MS, 1000);
    expect(parseScenario(scenario).ok).toBe(true);
    const run = runOf(scenario);
    expect(run.end).toBe('done');
    expect(run.trace.every((e) => e.t <= 1000)).toBe(true);
    // One SYN, then tcp_syn_linear_timeouts retries and tcp_syn_retries more (tcp_write_timeout()).
    const syns = run.trace.filter((e) => e.type === 'send' && e.who === 'client');
    expect(syns).toHaveLength(1 + 2 * MAX_SYN_RETRIES);
    const gaveUp = run.trace.filter((e) => e.type === 'app' && e.result === 'ETIMEDOUT');
    expect(gaveUp).toEqual([expect.objectContaining({ who: 'client', call: 'connect' })]);
  });
});

describe('until', () => {
  it('bounds the simulated clock of any run', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(20_000), (scenario, until) => {
        const events: TraceEvent[] = [];
        const summary = streamScenario({ ...scenario, until }, (e) => events.push(e), {
          maxEvents: PROPERTY_MAX_EVENTS,
        });
        expect(summary.endTime).toBeLessThanOrEqual(until);
        expect(events.every((e) => e.t <= until)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
