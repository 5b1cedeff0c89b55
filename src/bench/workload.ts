// Pure pieces of the benchmark: the lazy action feed of a long workload, and the lines the bench
// ends with. Kept apart from run.ts so they can be unit-tested without running the bench.
import type { Action, Scenario } from '../engine/types';

export interface ConnectionWorkload {
  /** How many connections the client opens, one after another. */
  connections: number;
  /** Time between two connects (ms). */
  periodMs: number;
  /** Bytes the client sends on each connection. */
  bytes: number;
  /** When the first connect happens (ms); the server listens at 0. */
  startMs?: number;
  /** When, after its connect, the client sends (ms). */
  sendAfterMs?: number;
  /** When, after its connect, the client closes (ms). */
  closeAfterMs?: number;
}

/**
 * The server listens once; then, every `periodMs`, the client connects (taking its port back from
 * TIME_WAIT: `reuse`), sends `bytes` and closes. Yields in time order, one action at a time, so a
 * run of any length holds no list of actions.
 */
export function* connectionActions(w: ConnectionWorkload): Generator<Action> {
  const start = w.startMs ?? 1;
  const sendAfter = w.sendAfterMs ?? 5;
  const closeAfter = w.closeAfterMs ?? 10;
  if (!(sendAfter <= closeAfter && closeAfter < w.periodMs)) {
    throw new Error('connectionActions: need sendAfterMs ≤ closeAfterMs < periodMs');
  }
  yield { at: 0, who: 'server', do: 'listen' };
  for (let i = 0; i < w.connections; i++) {
    const t = start + i * w.periodMs;
    yield { at: t, who: 'client', do: 'connect', reuse: true };
    yield { at: t + sendAfter, who: 'client', do: 'send', bytes: w.bytes };
    yield { at: t + closeAfter, who: 'client', do: 'close' };
  }
}

/** The scenario around such a workload: a server that closes when it reads the client's FIN. */
export function workloadScenario(lossRate: number, seed: number): Scenario {
  return {
    title: 'benchmark workload',
    profile: 'linux',
    seed,
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000, closeOnEof: true },
    network: { delayMs: 1, lossRate },
    actions: [], // fed lazily through RunOptions.actions
  };
}

/** The bench's last lines, in the exact form callers parse. */
export function engineLines(eventsPerSecond: number, peakRssMb: number): string[] {
  return [
    `engine-events-per-second: ${Math.round(eventsPerSecond)}`,
    `engine-peak-rss-mb: ${peakRssMb.toFixed(1)}`,
  ];
}
