import { describe, expect, it } from 'vitest';
import { EVENT_CAP } from '../engine/limits';
import { parseScenario } from '../engine/validate';
import { runWithCauses } from '../lab/run';
import type { LabOptions } from '../lab/types';
import { InProcessWorker } from '../testing/inProcessWorker';
import { createEngineService, engineService, type EngineService } from './engineService';
import { connect, PART_LENGTH } from './rpc';
import { closingScenario } from '../testing/scenarios';

const lesson = closingScenario({ client: { isn: 1000 }, server: { isn: 5000 } });

const options: LabOptions = {
  lossPercent: 0,
  seed: 3,
  dropFinalAck: true,
  reusePort: false,
  extraFaults: [],
};

/** The validator's reason for `input`, which the service must answer with as it is. */
function reasonFor(input: unknown): string {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
}

describe('the engine service', () => {
  it('runs a validated scenario and answers with the whole run, nothing else', () => {
    const run = engineService.run(lesson);
    const parsed = parseScenario(lesson);
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = runWithCauses(parsed.scenario);
    expect(run).toEqual({
      scenario: parsed.scenario,
      events: expected.events,
      causeStarts: expected.causeStarts,
      final: expected.final,
    });
  });

  it("refuses a bad scenario with the validator's one line", () => {
    const bad = { actions: [{ at: -5, who: 'client', do: 'connect' }] };
    expect(() => engineService.run(bad)).toThrow(new Error(reasonFor(bad)));
    expect(() => engineService.run('not a scenario')).toThrow(
      new Error(reasonFor('not a scenario')),
    );
  });

  it('builds the lab scenario (probe run included) and answers with its run', () => {
    const run = engineService.lab(lesson, options);
    expect(run.scenario.faults).toEqual([
      { who: 'client', flags: 'ACK', nth: 1, after: 601, fate: 'drop' },
    ]);
    expect(run.scenario.seed).toBe(3);
    const expected = runWithCauses(run.scenario);
    expect(run.events).toEqual(expected.events);
    expect(run.causeStarts).toEqual(expected.causeStarts);
    expect(run.final).toEqual(expected.final);
  });

  it("answers a bad lesson, or options that build a bad scenario, with the validator's reason", () => {
    expect(() => engineService.lab({ actions: 5 }, options)).toThrow(
      new Error(reasonFor({ actions: 5 })),
    );
    const fault = { who: 'client', flags: 'BOGUS', nth: 1, fate: 'drop' } as const;
    const withFault = {
      ...options,
      extraFaults: [fault as unknown as LabOptions['extraFaults'][0]],
    };
    expect(() => engineService.lab(lesson, withFault)).toThrow(/faults\[\d\]\.flags: unknown flag/);
    expect(() => engineService.lab(lesson, withFault)).not.toThrow(/engine failed/);
  });

  it('refuses a run too long for the page instead of filling its memory', () => {
    const capped = createEngineService({ maxEvents: 5 });
    expect(() => capped.run(lesson)).toThrow(
      /^this scenario makes more than 5 events, too many to show; shorten it/,
    );
    // The probe run that dropping the final ACK needs is capped too.
    expect(() => capped.lab(lesson, options)).toThrow(/more than 5 events/);
    const endless = createEngineService({
      runScenario: (scenario) => ({
        ...runWithCauses(scenario),
        end: 'max-events',
        truncated: true,
      }),
    });
    expect(EVENT_CAP).toBe(1_000_000);
    expect(() => endless.run(lesson)).toThrow(/more than 1,000,000 events, too many to show/);
  });

  it('refuses a run whose clock stalled, saying where', () => {
    const stalled = createEngineService({
      runScenario: (scenario) => ({
        ...runWithCauses(scenario),
        end: 'stalled',
        truncated: true,
        endTime: 7,
      }),
    });
    expect(() => stalled.run(lesson)).toThrow(
      /^the simulated clock stopped advancing at 7 ms: 100,000 things happened within 0\.001 ms of each other/,
    );
    expect(() => stalled.run(lesson)).not.toThrow(/engine failed/);
  });

  it('reports an engine exception as an engine failure, so it is reported as a bug', () => {
    const broken = createEngineService({
      runScenario: () => {
        throw new TypeError('x is undefined');
      },
    });
    expect(() => broken.run(lesson)).toThrow(/^engine failed: x is undefined$/);
    expect(() => broken.lab(lesson, { ...options, dropFinalAck: false })).toThrow(
      /^engine failed: x is undefined$/,
    );
  });

  it('answers the same through the worker RPC, run and refusal', async () => {
    const engine = connect<EngineService>(new InProcessWorker(engineService), 'engine');
    try {
      await expect(engine.lab(lesson, options)).resolves.toEqual(
        engineService.lab(lesson, options),
      );
      await expect(engine.run({ actions: 5 })).rejects.toThrow(
        new Error(reasonFor({ actions: 5 })),
      );
    } finally {
      engine.dispose();
    }
  });

  it('sends a long run through the worker RPC in parts, the same run', async () => {
    const worker = new InProcessWorker(engineService);
    const engine = connect<EngineService>(worker, 'engine');
    try {
      const long = closingScenario({
        actions: [
          { at: 0, who: 'server', do: 'listen' },
          { at: 100, who: 'client', do: 'connect' },
          { at: 200, who: 'client', do: 'send', bytes: 1_000_000 },
          { at: 90_000, who: 'client', do: 'close' },
        ],
      });
      const direct = engineService.run(long);
      expect(direct.events.length).toBeGreaterThan(2 * PART_LENGTH);
      await expect(engine.run(long)).resolves.toEqual(direct);
      // The head, then the events' parts.
      expect(worker.received).toBe(1 + Math.ceil(direct.events.length / PART_LENGTH));
      // A lesson's run comes whole.
      await engine.lab(lesson, options);
      expect(worker.received).toBe(2 + Math.ceil(direct.events.length / PART_LENGTH));
    } finally {
      engine.dispose();
    }
  });
});
