import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/engine';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import lesson from '../scenarios/client-closes-first.json';
import { CauseRecorder, runWithCauses } from './run';
import { buildSteps } from './steps';
import { PROPERTY_MAX_EVENTS, scenarioArb } from '../testing/scenarioArbitrary';

describe('CauseRecorder', () => {
  it('keeps one start per cause that emitted events', () => {
    const r = new CauseRecorder();
    r.cause(0); // emits 2
    r.cause(2); // emits nothing
    r.cause(2); // emits 1
    r.cause(3); // emits nothing, and is the last
    expect(r.finish(3)).toEqual([0, 2]);
  });

  it('starts a step at 0 for events emitted before any cause', () => {
    const r = new CauseRecorder();
    r.cause(2);
    expect(r.finish(4)).toEqual([0, 2]);
  });

  it('gives no starts for a run without events', () => {
    const r = new CauseRecorder();
    r.cause(0);
    expect(r.finish(0)).toEqual([]);
  });
});

describe('runWithCauses', () => {
  it('keeps the engine trace and starts one step per cause', () => {
    const run = runWithCauses(lesson as Scenario);
    const trace = runScenario(lesson as Scenario);
    expect(run.events).toEqual(trace.events);
    expect(run.final).toEqual(trace.final);
    expect(run.truncated).toBe(false);
    // listen; connect; SYN arrives; SYN+ACK arrives; ACK arrives; ...
    const steps = buildSteps(run);
    expect(steps[0]).toEqual({ number: 1, t: 0, first: 0, end: 2 });
    expect(steps[1]).toMatchObject({ number: 2, t: 150 });
    expect(steps.at(-1)?.end).toBe(run.events.length);
  });

  it('reports a cut run', () => {
    const run = runWithCauses(lesson as Scenario, { maxEvents: 5 });
    expect(run.truncated).toBe(true);
    expect(run.events).toHaveLength(5);
    expect(run.causeStarts.every((s) => s < 5)).toBe(true);
  });

  it('starts are ascending from 0, every step has events, and all share a time', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const parsed = parseScenario(raw);
        if (!parsed.ok) return;
        const run = runWithCauses(parsed.scenario, { maxEvents: PROPERTY_MAX_EVENTS });
        const { causeStarts, events } = run;
        if (events.length > 0) expect(causeStarts[0]).toBe(0);
        causeStarts.forEach((s, i) => {
          expect(s).toBeLessThan(events.length);
          if (i > 0) expect(s).toBeGreaterThan(causeStarts[i - 1] ?? -1);
        });
        for (const step of buildSteps(run)) {
          expect(step.end).toBeGreaterThan(step.first);
          for (let i = step.first; i < step.end; i++) expect(events[i]?.t).toBe(step.t);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
