import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/types';
import { buildSteps, stepOfEvents } from './steps';

const at = (t: number): TraceEvent => ({
  t,
  type: 'app',
  who: 'client',
  call: 'send',
  result: 'ok',
});

describe('buildSteps', () => {
  it('numbers steps from 1 and ends each at the next start', () => {
    const events = [at(0), at(0), at(5), at(9), at(9)];
    expect(buildSteps({ events, causeStarts: [0, 2, 3] })).toEqual([
      { number: 1, t: 0, first: 0, end: 2 },
      { number: 2, t: 5, first: 2, end: 3 },
      { number: 3, t: 9, first: 3, end: 5 },
    ]);
  });

  it('gives no step for no events', () => {
    expect(buildSteps({ events: [], causeStarts: [] })).toEqual([]);
  });

  it('maps each event to its step', () => {
    const events = [at(0), at(0), at(5), at(9), at(9)];
    const steps = buildSteps({ events, causeStarts: [0, 2, 3] });
    expect([...stepOfEvents(events.length, steps)]).toEqual([1, 1, 2, 3, 3]);
  });
});
