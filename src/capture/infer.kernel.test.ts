// The shared kernel captures (real Linux loopback runs) against what the kernel reported.
import { describe, expect, it } from 'vitest';
import { explainRun } from '../lab/explain';
import type { Run } from '../lab/types';
import type { SocketOwner, TcpState } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { findConnections } from './connections';
import { captureRun } from './infer';
import { runProblems, sendsOf, statesOver } from '../testing/captureRunChecks';
import {
  readKernelCapture,
  KERNEL_CAPTURES,
  type KernelCaptureExpectation,
} from '../testing/kernelCaptures';

function runOf(name: string) {
  const { file, expected } = readKernelCapture(name);
  const [connection] = findConnections(file);
  if (connection === undefined) throw new Error(`${name}: no connection`);
  return { result: captureRun(file, connection), expected };
}

/** The states each step of the kernel's script left: the listener is a socket of its own. */
function expectedStates(expected: KernelCaptureExpectation): Record<SocketOwner, TcpState>[] {
  return expected.steps.map(({ states }) => ({
    client: states.client,
    server: states.server,
    listener: states.listener,
  }));
}

/** A sent segment in the terms of the kernel's list: flags sorted, no ACK number read as 0. */
function kernelTerms(s: KernelCaptureExpectation['segments'][number]) {
  const { from, seq, len, window, retransmission } = s;
  return { from, flags: [...s.flags].sort(), seq, ack: s.ack ?? 0, len, window, retransmission };
}

describe.each(KERNEL_CAPTURES)('captureRun on the kernel capture %s', (name) => {
  const { result, expected } = runOf(name);
  const { run } = result;

  it('sends every captured segment as the kernel sent it, in order', () => {
    const sends = sendsOf(run.events);
    expect(sends.map((s) => kernelTerms({ ...s, from: s.who }))).toEqual(
      expected.segments.map(kernelTerms),
    );
    // Each at its capture time, in ms from the first segment.
    sends.forEach((s, i) => {
      expect(s.t).toBeCloseTo((expected.segments[i]?.t ?? NaN) * 1000, 6);
    });
  });

  it('passes through the states the kernel reported, in order, and ends in the last', () => {
    const over = statesOver(run.events);
    let from = 0;
    for (const want of expectedStates(expected)) {
      const found = over.findIndex(
        (s, i) =>
          i >= from &&
          s.client === want.client &&
          s.server === want.server &&
          s.listener === want.listener,
      );
      expect(found, `${JSON.stringify(want)} after state #${from}`).toBeGreaterThanOrEqual(0);
      from = found;
    }
    expect(run.final).toEqual(expectedStates(expected).at(-1));
  });

  it('is a run the page can step through', () => {
    expect(runProblems(result)).toEqual([]);
    expect(run.causeStarts.length).toBeGreaterThan(0);
    const asRun: Run = run;
    expect(asRun.events.length).toBeGreaterThan(0);
  });

  it('explains every step', () => {
    const rules = explainRun(run.events, run.causeStarts).map((e) => e.rule);
    expect(rules).toHaveLength(run.causeStarts.length);
    expect(rules).not.toContain(null);
  });

  it('describes itself with a scenario the validator accepts', () => {
    const parsed = parseScenario(run.scenario);
    expect(parsed.ok).toBe(true);
    expect(run.scenario).toMatchObject({
      title: `Capture: 127.0.0.1:${expected.client_port} → 127.0.0.1:${expected.server_port}`,
      profile: 'linux',
      client: { port: expected.client_port, isn: expected.segments[0]?.seq },
    });
    expect(result.inferredTimes).toBe(true);
    expect(result.delayMeasured).toBe(true);
    // Loopback: a round trip of a few µs.
    expect(result.inferredDelayMs).toBeGreaterThan(0);
    expect(result.inferredDelayMs).toBeLessThan(0.1);
  });
});

describe('captureRun on the kernel captures, case by case', () => {
  it('shows TIME_WAIT after the last ACK with Linux 2·MSL, and its countdown', () => {
    for (const name of ['normal-client-close', 'half-close'] as const) {
      const { run } = runOf(name).result;
      const timeWait = run.events.find((e) => e.type === 'timer' && e.timer === 'time-wait');
      expect(timeWait).toMatchObject({ who: 'client', action: 'set' });
      if (timeWait?.type === 'timer') expect((timeWait.due ?? 0) - timeWait.t).toBe(60_000);
      expect(run.final.client).toBe('TIME_WAIT');
    }
  });

  it('normal-server-close: the server is the one left in TIME_WAIT', () => {
    expect(runOf('normal-server-close').result.run.final).toEqual({
      client: 'CLOSED',
      server: 'TIME_WAIT',
      listener: 'LISTEN',
    });
  });

  it('half-close: the client shut down its side and still takes data in FIN_WAIT_2', () => {
    const { run } = runOf('half-close').result;
    const calls = run.events.filter((e) => e.type === 'app' && e.who === 'client');
    expect(calls.map((e) => e.type === 'app' && e.call)).toEqual(['connect', 'shutdown']);
    const over = statesOver(run.events);
    const dataArrivals = run.events.flatMap((e, i) =>
      e.type === 'deliver' && sendsOf(run.events).find((s) => s.id === e.id)?.len ? [i] : [],
    );
    expect(dataArrivals).toHaveLength(2);
    for (const i of dataArrivals) expect(over[i + 1]?.client).toBe('FIN_WAIT_2');
  });

  it('lost-final-ack: the retransmitted FIN restarts TIME_WAIT and is noted', () => {
    const { result } = runOf('lost-final-ack');
    const sets = result.run.events.filter(
      (e) => e.type === 'timer' && e.timer === 'time-wait' && e.action === 'set',
    );
    expect(sets).toHaveLength(2);
    const fired = result.run.events.find(
      (e) => e.type === 'timer' && e.timer === 'retransmit' && e.action === 'fire',
    );
    expect(fired).toMatchObject({ who: 'server' });
    expect(fired?.t).toBeCloseTo(514.187, 6);
    expect(result.notes.map((n) => n.code)).toEqual(['retransmission']);
    expect(result.notes[0]?.params).toMatchObject({ who: 'server', flags: 'FIN+ACK' });
  });

  it('simultaneous-close: each FIN arrives after the other side sent its own', () => {
    const { run } = runOf('simultaneous-close').result;
    const over = statesOver(run.events);
    expect(over.some((s) => s.client === 'FIN_WAIT_1' && s.server === 'FIN_WAIT_1')).toBe(true);
    expect(over.some((s) => s.client === 'CLOSING' || s.server === 'CLOSING')).toBe(true);
  });

  it('rst-closed-port: connect() is refused and nobody listened', () => {
    const { run } = runOf('rst-closed-port').result;
    expect(run.events.filter((e) => e.type === 'app')).toEqual([
      expect.objectContaining({ who: 'client', call: 'connect', result: 'ECONNREFUSED' }),
    ]);
    expect(sendsOf(run.events).map((s) => s.reason)).toEqual(['active-open', 'rst-closed']);
    expect(run.events.some((e) => e.type === 'state' && e.who === 'server')).toBe(false);
  });
});
