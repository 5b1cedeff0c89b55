import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/engine';
import { connectionActions, engineLines, workloadScenario } from './workload';

describe('bench workload', () => {
  it('listens once, then connects, sends and closes in time order', () => {
    const actions = [...connectionActions({ connections: 2, periodMs: 20, bytes: 3 })];
    expect(actions).toEqual([
      { at: 0, who: 'server', do: 'listen' },
      { at: 1, who: 'client', do: 'connect', reuse: true },
      { at: 6, who: 'client', do: 'send', bytes: 3 },
      { at: 11, who: 'client', do: 'close' },
      { at: 21, who: 'client', do: 'connect', reuse: true },
      { at: 26, who: 'client', do: 'send', bytes: 3 },
      { at: 31, who: 'client', do: 'close' },
    ]);
    const times = actions.map((a) => a.at ?? NaN);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is lazy: nothing is built before it is pulled', () => {
    const feed = connectionActions({ connections: 1e12, periodMs: 20, bytes: 1 });
    expect(feed.next().value).toEqual({ at: 0, who: 'server', do: 'listen' });
  });

  it('refuses a close that would come after the next connect', () => {
    expect(() => [...connectionActions({ connections: 1, periodMs: 10, bytes: 1 })]).toThrow();
  });

  it('runs in the engine: every connection opens and closes, the port taken back from TIME_WAIT', () => {
    const trace = runScenario(workloadScenario(0, 1), {
      actions: connectionActions({ connections: 3, periodMs: 20, bytes: 100 }),
    });
    const connects = trace.events.filter((e) => e.type === 'app' && e.call === 'connect');
    expect(connects.map((e) => (e.type === 'app' ? e.result : ''))).toEqual(['ok', 'ok', 'ok']);
    expect(trace.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('ends with the two engine lines in their exact form', () => {
    expect(engineLines(1234567.6, 87.25)).toEqual([
      'engine-events-per-second: 1234568',
      'engine-peak-rss-mb: 87.3',
    ]);
  });
});
