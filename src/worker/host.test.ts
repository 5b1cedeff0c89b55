import { describe, expect, it } from 'vitest';
import { streamScenario } from '../engine/engine';
import type { TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { runWithCauses } from '../lab/run';
import type { LabOptions } from '../lab/types';
import { handleRequest, PAGE_MAX_EVENTS, type EngineApi } from './host';
import { isWorkerResponse, type WorkerResponse } from './protocol';

function stateEvent(t: number): TraceEvent {
  return { t, type: 'state', who: 'server', from: 'CLOSED', to: 'LISTEN' };
}

/** A stand-in engine that emits `count` events, or throws when told to. */
function fakeEngine(count: number, fail = false): EngineApi {
  return {
    parseScenario: (input) =>
      input === 'bad'
        ? { ok: false, error: 'actions: required' }
        : { ok: true, scenario: { actions: [] } },
    streamScenario: (_scenario, onEvent, options = {}) => {
      const limit = Math.min(count, options.maxEvents ?? Infinity);
      // Two events per cause, and a last cause that emits nothing (as a stale timer does).
      for (let t = 0; t < limit; t++) {
        if (t % 2 === 0) options.onCause?.();
        onEvent(stateEvent(t));
      }
      options.onCause?.();
      if (fail) throw new Error('boom');
      const final = { client: 'CLOSED', server: 'LISTEN' } as const;
      return { final, events: limit, truncated: limit < count, endTime: limit };
    },
  };
}

function run(data: unknown, engine: EngineApi, batchSize?: number): WorkerResponse[] {
  const posted: WorkerResponse[] = [];
  handleRequest(data, engine, (message) => posted.push(message), batchSize);
  return posted;
}

describe('handleRequest', () => {
  it('posts events in batches, then done with the final states and the count', () => {
    const posted = run({ type: 'run', requestId: 3, scenario: {} }, fakeEngine(5), 2);
    expect(posted.map((m) => m.type)).toEqual(['events', 'events', 'events', 'done']);
    expect(posted.every(isWorkerResponse)).toBe(true);
    const sizes = posted.map((m) => (m.type === 'events' ? m.events.length : -1));
    expect(sizes).toEqual([2, 2, 1, -1]);
    expect(posted.at(-1)).toEqual({
      type: 'done',
      requestId: 3,
      final: { client: 'CLOSED', server: 'LISTEN' },
      eventCount: 5,
      causeStarts: [0, 2, 4],
      scenario: { actions: [] },
    });
  });

  it('posts no empty batch', () => {
    const posted = run({ type: 'run', requestId: 1, scenario: {} }, fakeEngine(4), 2);
    expect(posted.map((m) => m.type)).toEqual(['events', 'events', 'done']);
    expect(
      run({ type: 'run', requestId: 1, scenario: {} }, fakeEngine(0)).map((m) => m.type),
    ).toEqual(['done']);
  });

  it("answers a bad scenario with the validator's reason", () => {
    expect(run({ type: 'run', requestId: 2, scenario: 'bad' }, fakeEngine(1))).toEqual([
      { type: 'error', requestId: 2, message: 'actions: required' },
    ]);
  });

  it('answers a malformed request instead of throwing', () => {
    expect(run({ type: 'walk', requestId: 9 }, fakeEngine(1))).toEqual([
      { type: 'error', requestId: 9, message: 'malformed request' },
    ]);
    expect(run('hello', fakeEngine(1))).toEqual([
      { type: 'error', requestId: null, message: 'malformed request' },
    ]);
  });

  it('refuses a run too long for the page instead of filling its memory', () => {
    const posted = run(
      { type: 'run', requestId: 5, scenario: {} },
      fakeEngine(PAGE_MAX_EVENTS + 1),
      PAGE_MAX_EVENTS,
    );
    expect(posted.map((m) => m.type)).toEqual(['events', 'error']);
    expect(posted.at(-1)).toMatchObject({ type: 'error', requestId: 5 });
    expect((posted.at(-1) as { message: string }).message).toMatch(/too many to show/);
  });

  it('reports an engine exception as an error, after the batches already sent', () => {
    const posted = run({ type: 'run', requestId: 4, scenario: {} }, fakeEngine(3, true), 2);
    expect(posted.map((m) => m.type)).toEqual(['events', 'error']);
    expect(posted.at(-1)).toEqual({ type: 'error', requestId: 4, message: 'engine failed: boom' });
  });
});

describe('handleRequest with a lab request', () => {
  const engine: EngineApi = { parseScenario, streamScenario };
  const lesson = {
    client: { isn: 1000 },
    server: { isn: 5000 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 150, who: 'client', do: 'connect' },
      { at: 450, who: 'client', do: 'close' },
      { at: 600, who: 'server', do: 'close' },
    ],
  };
  const options: LabOptions = {
    lossPercent: 0,
    seed: 3,
    dropFinalAck: true,
    reusePort: false,
    extraFaults: [],
  };

  it('builds the scenario (probe run included) and streams its run with cause starts', () => {
    const posted = run({ type: 'lab', requestId: 8, lesson, options }, engine);
    expect(posted.every(isWorkerResponse)).toBe(true);
    const done = posted.at(-1);
    if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.scenario.faults).toEqual([
      { who: 'client', flags: 'ACK', nth: 1, after: 601, fate: 'drop' },
    ]);
    expect(done.scenario.seed).toBe(3);
    const expected = runWithCauses(done.scenario);
    const events = posted.flatMap((m) => (m.type === 'events' ? m.events : []));
    expect(events).toEqual(expected.events);
    expect(done.causeStarts).toEqual(expected.causeStarts);
    expect(done.final).toEqual(expected.final);
  });

  it('answers bad options or a bad lesson with an error', () => {
    expect(run({ type: 'lab', requestId: 1, lesson, options: { seed: 1 } }, engine)).toEqual([
      { type: 'error', requestId: 1, message: 'options: malformed lab options' },
    ]);
    const bad = run({ type: 'lab', requestId: 2, lesson: { actions: 5 }, options }, engine);
    expect(bad).toMatchObject([{ type: 'error', requestId: 2 }]);
    // Options can build a scenario the validator refuses; its reason is passed on.
    const fault = { who: 'client', flags: 'BOGUS', nth: 1, fate: 'drop' };
    const built = run(
      { type: 'lab', requestId: 3, lesson, options: { ...options, extraFaults: [fault] } },
      engine,
    );
    expect(built).toMatchObject([{ type: 'error', requestId: 3 }]);
    expect((built[0] as { message: string }).message).toMatch(/faults\[\d\]\.flags: unknown flag/);
  });
});
