// Hand-made captures: the situations the kernel captures do not cover, and remote timings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRun } from '../lab/explain';
import type { SendEvent, Side, TraceEvent } from '../engine/types';
import { findConnections } from './connections';
import { captureRun, type CaptureRun } from './infer';
import { runProblems, sendsOf, stateSequence, statesOver } from '../testing/captureRunChecks';
import { captureOf, packets, tcp, type HostPort } from '../testing/captureFiles';
import type { CaptureFile } from './types';

const C: HostPort = { address: '192.0.2.10', port: 40000 };
const S: HostPort = { address: '198.51.100.20', port: 443 };

/**
 * The run of each connection of a hand-made capture; each must pass the page's checks, and every
 * step must be explained by an inferred rule but the `unexplained` ones: arrivals the capture
 * shows no reaction to, which the page says in so many words.
 */
function runsOf(file: CaptureFile, unexplained = 0): CaptureRun[] {
  return findConnections(file).map((connection) => {
    const result = captureRun(file, connection);
    expect(runProblems(result)).toEqual([]);
    const rules = explainRun(result.run.events, result.run.causeStarts).map((e) => e.rule);
    expect(rules.filter((rule) => rule === null)).toHaveLength(unexplained);
    return result;
  });
}

type Segments = Parameters<typeof captureOf>[0];

const isLines = (capture: Segments | readonly string[]): capture is readonly string[] =>
  capture.every((item) => typeof item === 'string');

/**
 * The run of a capture of one connection: its segments, or lines in packetdrill's notation as C
 * captured them (`>` C sends to S, `<` it receives from S; absolute numbers).
 */
function onlyRun(capture: Segments | readonly string[], unexplained = 0): CaptureRun {
  const segments = isLines(capture) ? packets(C, S, capture) : capture;
  const runs = runsOf(captureOf(segments), unexplained);
  expect(runs).toHaveLength(1);
  const [run] = runs;
  if (run === undefined) throw new Error('no run');
  return run;
}

function deliveryOf(events: readonly TraceEvent[], id: number): number {
  const event = events.find((e) => e.type === 'deliver' && e.id === id);
  if (event === undefined) throw new Error(`segment ${id} never arrives`);
  return event.t;
}

const reasons = (events: readonly TraceEvent[]): SendEvent['reason'][] =>
  sendsOf(events).map((s) => s.reason);

/**
 * A client-side capture of a connection to a server 20 ms away: the client closes first, the
 * server's ACK of the FIN and its own FIN come one round trip later. Numbers are relative to the
 * ISNs, times to `t0`.
 */
function remoteClientClose(t0 = 0, cIsn = 1000, sIsn = 5000) {
  const lines = [
    '0 > S 0:0(0)',
    '20 < S. 0:0(0) ack 1',
    '20.05 > . 1:1(0) ack 1',
    '30 > P. 1:101(100) ack 1',
    '50.2 < P. 1:2001(2000) ack 101',
    '50.25 > . 101:101(0) ack 2001',
    '60 > F. 101:101(0) ack 2001',
    '80.1 < F. 2001:2001(0) ack 102',
    '80.15 > . 102:102(0) ack 2002',
  ];
  return packets(C, S, lines, { t0, isn: { client: cIsn, server: sIsn } });
}

/** The handshake of a connection from C (ISN 1000) to S (ISN 5000), 20 ms away. */
const HANDSHAKE = [
  '0 > S 1000:1000(0)',
  '20 < S. 5000:5000(0) ack 1001',
  '20.05 > . 1001:1001(0) ack 5001',
];

/** The run of a capture that starts with HANDSHAKE, `lines` after it. */
const runFromHandshake = (lines: readonly string[], unexplained = 0): CaptureRun =>
  onlyRun([...HANDSHAKE, ...lines], unexplained);

/** Each side's states, in order, as one line ("CLOSED → SYN_SENT → …"). */
const statePath = (events: readonly TraceEvent[], who: Side): string =>
  stateSequence(events, who).join(' → ');

/** Which of the sends (their indexes) are retransmissions. */
const retransmitted = (events: readonly TraceEvent[]): number[] =>
  sendsOf(events).flatMap((s, i) => (s.retransmission ? [i] : []));

describe('captureRun: times', () => {
  it('sends at capture times and infers arrivals half a round trip later at most', () => {
    const result = onlyRun(remoteClientClose());
    const { events } = result.run;
    expect(result.inferredDelayMs).toBeCloseTo(10.025, 6);
    expect(result.delayMeasured).toBe(true);
    expect(sendsOf(events).map((s) => s.t)).toEqual([
      0, 20, 20.05, 30, 50.2, 50.25, 60, 80.1, 80.15,
    ]);
    // The SYN arrives when the server answers it (its reply is in the same step).
    expect(deliveryOf(events, 1)).toBe(20);
    // The last ACK: half a round trip.
    expect(deliveryOf(events, 9)).toBeCloseTo(90.175, 6);
    // A reply is never sent before what it acknowledges arrives.
    for (const send of sendsOf(events)) {
      for (const other of sendsOf(events)) {
        const covers = other.who !== send.who && other.flags.includes('ACK');
        const end =
          send.seq + send.len + (send.flags.includes('SYN') || send.flags.includes('FIN') ? 1 : 0);
        if (covers && other.id > send.id && other.ack >= end && send.len + end > send.seq) {
          expect(deliveryOf(events, send.id)).toBeLessThanOrEqual(other.t);
        }
      }
    }
    expect(result.run.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' });
    expect(result.notes).toEqual([]);
  });

  it('uses a given delay, and a default one when nothing measures it', () => {
    const given = captureRun(
      captureOf(remoteClientClose()),
      findConnections(captureOf(remoteClientClose()))[0]!,
      { delayMs: 3 },
    );
    expect(given.inferredDelayMs).toBe(3);
    expect(given.delayMeasured).toBe(false);
    // Nothing shows what the server made of the SYN.
    const lone = onlyRun(['0 > S 1:1(0)'], 1);
    expect(lone.delayMeasured).toBe(false);
    expect(deliveryOf(lone.run.events, 1)).toBe(lone.inferredDelayMs);
  });

  it('gives times from the connection’s first segment and keeps the capture clock', () => {
    const result = onlyRun(remoteClientClose(5000));
    expect(result.run.events[0]?.t).toBe(0);
    expect(result.originMs).toBe(1_700_000_000_000 + 5000);
    expect(result.fileSegments).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('captureRun: connections of one file', () => {
  it('draws each of several interleaved connections on its own', () => {
    const C2: HostPort = { address: '192.0.2.10', port: 40001 };
    const one = remoteClientClose(0, 1000, 5000);
    const two = remoteClientClose(1, 7000, 9000).map((s) =>
      s.src === C.address ? { ...s, srcPort: C2.port } : { ...s, dstPort: C2.port },
    );
    const runs = runsOf(captureOf([...one, ...two].sort((a, b) => a.timeMs - b.timeMs)));
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => sendsOf(r.run.events).map((s) => s.seq))).toEqual([
      one.map((s) => s.seq),
      two.map((s) => s.seq),
    ]);
    for (const r of runs) {
      expect(r.run.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' });
    }
    expect(runs[1]?.run.scenario.client).toEqual({ port: 40001, isn: 7000 });
  });

  it('starts a reused port’s new connection from scratch, its ISN from its own SYN', () => {
    const runs = runsOf(
      captureOf([...remoteClientClose(0, 1000, 5000), ...remoteClientClose(1000, 90_000, 3000)]),
    );
    expect(runs).toHaveLength(2);
    const second = runs[1]?.run;
    expect(second?.scenario.client?.isn).toBe(90_000);
    expect(statePath(second?.events ?? [], 'client')).toBe(
      'CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT',
    );
    expect(sendsOf(second?.events ?? [])).toHaveLength(9);
  });
});

describe('captureRun: openings', () => {
  it('simultaneous open: both SYN_SENT, then SYN_RCVD, then ESTABLISHED', () => {
    const { run, notes } = onlyRun([
      '0 > S 1000:1000(0)',
      '0.01 < S 5000:5000(0)',
      '10 > S. 1000:1000(0) ack 5001',
      '10.01 < S. 5000:5000(0) ack 1001',
    ]);
    const { events } = run;
    for (const who of ['client', 'server'] as const) {
      expect(stateSequence(events, who)).toEqual(['CLOSED', 'SYN_SENT', 'SYN_RCVD', 'ESTABLISHED']);
    }
    expect(reasons(events)).toEqual([
      'active-open',
      'active-open',
      'simultaneous-open',
      'simultaneous-open',
    ]);
    expect(sendsOf(events).every((s) => !s.retransmission)).toBe(true);
    expect(notes).toEqual([
      expect.objectContaining({
        code: 'capture-cut',
        params: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
      }),
    ]);
  });

  it('a retransmitted SYN: the timer that fired, the copy marked, a note', () => {
    const result = onlyRun([
      '0 > S 1000:1000(0)',
      '1000 > S 1000:1000(0)',
      '1020 < S. 5000:5000(0) ack 1001',
      '1020.1 > . 1001:1001(0) ack 5001',
    ]);
    const { events } = result.run;
    expect(sendsOf(events).map((s) => s.retransmission)).toEqual([false, true, false, false]);
    expect(reasons(events)).toEqual(['active-open', 'retransmit', 'passive-open', 'handshake-ack']);
    const timers = events.filter((e) => e.type === 'timer' && e.timer === 'retransmit');
    expect(timers.map((e) => e.type === 'timer' && [e.t, e.action, e.due])).toEqual([
      [0, 'set', 1000],
      [1000, 'fire', undefined],
      [1000, 'set', 3000],
      [1020.1, 'cancel', undefined],
    ]);
    expect(result.notes.map((n) => [n.code, n.params.at, n.params.firstAt])).toEqual([
      ['retransmission', 1000, 0],
      ['capture-cut', undefined, undefined],
    ]);
    expect(explainRun(events, result.run.causeStarts).map((e) => e.rule)).toContain('rto-expired');
  });

  it('a capture joined after the handshake starts both sides ESTABLISHED and says so', () => {
    // The assumed start is worded from the rules of the states it assumes, and the note.
    const unexplained = 0;
    const result = onlyRun(
      [
        '0 > P. 1001:1011(10) ack 5001',
        '0.5 < . 5001:5001(0) ack 1011',
        '10 < F. 5001:5001(0) ack 1011',
        '10.3 > F. 1011:1011(0) ack 5002',
        '10.6 < . 5002:5002(0) ack 1012',
      ],
      unexplained,
    );
    const { events } = result.run;
    expect(result.startedBeforeCapture).toBe(true);
    expect(events.slice(0, 2)).toMatchObject([
      { t: 0, type: 'state', who: 'server', from: 'CLOSED', to: 'ESTABLISHED' },
      { t: 0, type: 'state', who: 'client', from: 'CLOSED', to: 'ESTABLISHED' },
    ]);
    expect(result.run.causeStarts.slice(0, 2)).toEqual([0, 2]);
    // No SYN in the capture: nothing shows a listener.
    expect(result.run.final).toEqual({ client: 'CLOSED', server: 'TIME_WAIT', listener: 'CLOSED' });
    expect(result.notes.map((n) => n.code)).toEqual(['started-before-capture']);
    expect(result.run.scenario.client).toEqual({ port: 40000 });
  });

  it('a capture joined after the SYN: the client in SYN_SENT, the server listening', () => {
    // The server answering a SYN the capture does not have: explained by the note only.
    const result = onlyRun(['0 < S. 5000:5000(0) ack 1001', '0.2 > . 1001:1001(0) ack 5001']);
    expect(stateSequence(result.run.events, 'client')).toEqual([
      'CLOSED',
      'SYN_SENT',
      'ESTABLISHED',
    ]);
    // The listener makes the connection's socket: it starts in SYN_RCVD, coming from LISTEN.
    expect(stateSequence(result.run.events, 'server')).toEqual([
      'CLOSED',
      'SYN_RCVD',
      'ESTABLISHED',
    ]);
    expect(stateSequence(result.run.events, 'listener')).toEqual(['CLOSED', 'LISTEN']);
    expect(result.notes.map((n) => n.code)).toEqual([
      'started-before-capture',
      'not-captured',
      'capture-cut',
    ]);
  });

  it('SYNs nobody answers: the server’s states are unknown, and the capture ends mid-way', () => {
    // Nothing shows what the server made of any of the three SYNs.
    const result = onlyRun(['0 > S 1:1(0)', '1000 > S 1:1(0)', '3000 > S 1:1(0)'], 3);
    expect(result.run.final).toEqual({ client: 'SYN_SENT', server: 'CLOSED', listener: 'CLOSED' });
    expect(result.notes.map((n) => n.code)).toEqual(['no-answer', 'retransmission', 'capture-cut']);
  });
});

describe('captureRun: endings', () => {
  it('an abort: the RST closes its sender at once and the peer when it arrives', () => {
    const result = runFromHandshake(['100 > R. 1001:1001(0) ack 5001']);
    const { events } = result.run;
    expect(reasons(events).at(-1)).toBe('abort');
    expect(events.filter((e) => e.type === 'app').map((e) => e.type === 'app' && e.call)).toEqual([
      'listen',
      'connect',
      'accept',
      'abort',
    ]);
    const closedAt = events.find(
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'CLOSED',
    )?.t;
    expect(closedAt).toBeCloseTo(110.025, 6);
    expect(result.run.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
    expect(result.notes).toEqual([]);
  });

  it('a retransmitted FIN, its timer, and its ACK that stops it', () => {
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '300 > F. 1001:1001(0) ack 5001',
      '320 < . 5001:5001(0) ack 1002',
      '400 < F. 5001:5001(0) ack 1002',
      '400.1 > . 1002:1002(0) ack 5002',
    ]);
    const { events } = result.run;
    expect(sendsOf(events)).toHaveLength(8);
    expect(retransmitted(events)).toEqual([4]);
    expect(explainRun(events, result.run.causeStarts).map((e) => e.rule)).toContain('rto-expired');
    expect(statePath(events, 'client')).toBe(
      'CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT',
    );
    expect(statePath(events, 'server')).toBe(
      'CLOSED → SYN_RCVD → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED',
    );
    expect(result.notes.map((n) => n.code)).toEqual(['retransmission']);
  });

  it('FINs that cross on a remote path: both sides go through CLOSING', () => {
    // Captured at the client: the server's FIN left before the client's FIN reached it.
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '105 < F. 5001:5001(0) ack 1001',
      '105.05 > . 1002:1002(0) ack 5002',
      '120 < . 5002:5002(0) ack 1002',
    ]);
    for (const who of ['client', 'server'] as const) {
      expect(stateSequence(result.run.events, who).slice(-3)).toEqual([
        'FIN_WAIT_1',
        'CLOSING',
        'TIME_WAIT',
      ]);
    }
  });

  it('a FIN arrives after a segment of the receiver that does not acknowledge it', () => {
    // Loopback speed (a round trip of 0.02 ms), the capture cut before the last ACKs: the client's
    // FIN does not acknowledge the server's, so the server's had not arrived when it left.
    const result = onlyRun([
      '0 > S 1000:1000(0)',
      '0.01 < S. 5000:5000(0) ack 1001',
      '0.02 > . 1001:1001(0) ack 5001',
      '100 < F. 5001:5001(0) ack 1001',
      '100.05 > F. 1001:1001(0) ack 5001',
    ]);
    expect(result.inferredDelayMs).toBe(0.01);
    expect(deliveryOf(result.run.events, 4)).toBeGreaterThan(100.05);
    for (const who of ['client', 'server'] as const) {
      expect(stateSequence(result.run.events, who).slice(-2)).toEqual(['FIN_WAIT_1', 'CLOSING']);
    }
  });

  it('an ACK lost after the capture point: the peer still waits for it when it sends again', () => {
    // Captured at the client: its ACK of the server's FIN was lost on the way, so the server
    // retransmitted the FIN, still in LAST_ACK.
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '120 < . 5001:5001(0) ack 1002',
      '150 < F. 5001:5001(0) ack 1002',
      '150.05 > . 1002:1002(0) ack 5002',
      '370 < F. 5001:5001(0) ack 1002',
      '370.05 > . 1002:1002(0) ack 5002',
    ]);
    const { events } = result.run;
    const closed = events.find(
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'CLOSED',
    );
    expect(closed?.t).toBeGreaterThan(370);
    const fin = sendsOf(events).at(-2);
    expect(fin).toMatchObject({ who: 'server', retransmission: true, reason: 'retransmit' });
    expect(statesOver(events)[events.indexOf(fin as TraceEvent)]?.server).toBe('LAST_ACK');
  });

  it('data after close() is answered with RST (Linux): an orphan, not an abort', () => {
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '120 < . 5001:5001(0) ack 1002',
      '130 < P. 5001:5051(50) ack 1002',
      '150 > R 1002:1002(0)',
    ]);
    const { events } = result.run;
    expect(
      events.find((e) => e.type === 'app' && e.who === 'client' && e.call !== 'connect'),
    ).toMatchObject({ call: 'close' });
    expect(reasons(events).at(-1)).toBe('rst-orphan-data');
    expect(result.run.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('a half-close: shutdown(), then data the other way, then the second FIN', () => {
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '120 < . 5001:5001(0) ack 1002',
      '130 < P. 5001:5051(50) ack 1002',
      '150.1 > . 1002:1002(0) ack 5051',
      '200 < F. 5051:5051(0) ack 1002',
      '220.1 > . 1002:1002(0) ack 5052',
    ]);
    const { events } = result.run;
    expect(
      events.filter((e) => e.type === 'app').map((e) => e.type === 'app' && `${e.who} ${e.call}`),
    ).toEqual([
      'listener listen',
      'client connect',
      'server accept',
      'client shutdown',
      'server send',
      'server close',
    ]);
    expect(result.run.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('the capture ends before the connection does', () => {
    const result = runFromHandshake([
      '100 > F. 1001:1001(0) ack 5001',
      '120 < . 5001:5001(0) ack 1002',
    ]);
    expect(result.run.final).toEqual({
      client: 'FIN_WAIT_2',
      server: 'CLOSE_WAIT',
      listener: 'LISTEN',
    });
    expect(result.notes).toEqual([
      expect.objectContaining({
        code: 'capture-cut',
        params: { client: 'FIN_WAIT_2', server: 'CLOSE_WAIT' },
      }),
    ]);
  });
});

describe('captureRun: data and ACKs', () => {
  it('duplicate ACKs are plain sends, not retransmissions', () => {
    const result = runFromHandshake([
      '30 > P. 1001:1101(100) ack 5001',
      // The server's first 1000 bytes are lost before the capture point (the client's side).
      '50.1 < . 5001:5001(0) ack 1101',
      '50.2 < P. 6001:7001(1000) ack 1101',
      '50.21 > . 1101:1101(0) ack 5001',
      '50.3 < P. 7001:8001(1000) ack 1101',
      '50.31 > . 1101:1101(0) ack 5001',
      '50.4 < P. 8001:9001(1000) ack 1101',
      '50.41 > . 1101:1101(0) ack 5001',
      '70.5 < P. 5001:6001(1000) ack 1101',
      '70.51 > . 1101:1101(0) ack 9001',
    ]);
    const sends = sendsOf(result.run.events);
    expect(sends.filter((s) => s.who === 'client').map((s) => s.reason)).toEqual([
      'active-open',
      'handshake-ack',
      'data',
      'dup-ack',
      'dup-ack',
      'dup-ack',
      'ack',
    ]);
    expect(sends.filter((s) => s.retransmission).map((s) => s.seq)).toEqual([]);
    // The server's hole at 5001 is filled by a segment it never sent before in this capture.
    expect(sends.every((s) => s.who === 'client' || s.reason !== 'retransmit')).toBe(true);
    expect(result.run.events.some((e) => e.type === 'timer' && e.timer === 'retransmit')).toBe(
      false,
    );
  });

  it('a copy sent after three duplicate ACKs is a retransmission without a timer', () => {
    const result = runFromHandshake(
      [
        '30 > P. 1001:2001(1000) ack 5001',
        '30.1 > P. 2001:3001(1000) ack 5001',
        '30.2 > P. 3001:4001(1000) ack 5001',
        '30.3 > P. 4001:5001(1000) ack 5001',
        '50.2 < . 5001:5001(0) ack 1001',
        '50.3 < . 5001:5001(0) ack 1001',
        '50.4 < . 5001:5001(0) ack 1001',
        '50.45 > P. 1001:2001(1000) ack 5001',
        '70.5 < . 5001:5001(0) ack 5001',
      ],
      1,
    ); // the lost segment's arrival, which the server never acknowledged
    const sends = sendsOf(result.run.events);
    expect(sends).toHaveLength(12);
    expect(retransmitted(result.run.events)).toEqual([10]);
    expect(sends.filter((s) => s.who === 'server').map((s) => s.reason)).toEqual([
      'passive-open',
      'dup-ack',
      'dup-ack',
      'dup-ack',
      'ack',
    ]);
    expect(result.run.events.some((e) => e.type === 'timer' && e.timer === 'retransmit')).toBe(
      false,
    );
    expect(result.notes.map((n) => n.code)).toEqual(['retransmission', 'capture-cut']);
  });

  it('notes segments cut by the snap length', () => {
    const segments = remoteClientClose();
    const data = segments[4];
    if (data) segments[4] = { ...data, capturedLen: 96 };
    const result = onlyRun(segments);
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'snap-truncated', params: { count: 1 } }),
    ]);
    expect(sendsOf(result.run.events)[4]?.len).toBe(2000);
  });

  it('a delayed ACK: the timer that held it back, set when the data arrived', () => {
    const result = runFromHandshake([
      '30 > P. 1001:1101(100) ack 5001',
      '90 < . 5001:5001(0) ack 1101',
    ]);
    const { events } = result.run;
    expect(reasons(events).at(-1)).toBe('delayed-ack');
    const delayed = events.filter((e) => e.type === 'timer' && e.timer === 'delayed-ack');
    expect(delayed.map((e) => e.type === 'timer' && [e.t, e.action])).toEqual([
      [40.025, 'set'],
      [90, 'fire'],
    ]);
    expect(statesOver(events).at(-1)).toEqual({
      client: 'ESTABLISHED',
      server: 'ESTABLISHED',
      listener: 'LISTEN',
    });
  });
});

describe('captureRun: anything a file may hold', () => {
  it('notes the first retransmissions one by one and counts the rest', () => {
    const segments = packets(C, S, HANDSHAKE);
    for (let k = 0; k < 15; k++) {
      const seq = 1001 + 100 * k;
      segments.push(
        tcp(100 + 500 * k, C, S, 'PA', seq, 5001, 100),
        tcp(300 + 500 * k, C, S, 'PA', seq, 5001, 100),
        tcp(320 + 500 * k, S, C, 'A', 5001, seq + 100),
      );
    }
    // The unanswered copies' arrivals: nothing shows the server took them.
    const { notes } = onlyRun(segments, 15);
    expect(notes.filter((n) => n.code === 'retransmission')).toHaveLength(10);
    expect(notes.find((n) => n.code === 'more-retransmissions')?.params).toEqual({ count: 5 });
  });

  it('a side that answers a SYN it never got, after a RST of its own, still gives a drawable run', () => {
    // Found by the property below: only the server has a listener, so the client's SYN+ACK is its
    // own passive open.
    const segments = [tcp(0, C, S, 'SR', 1010, 4990, 0), tcp(0, C, S, 'SFA', 1010, 0, 0)];
    const file = captureOf(segments);
    for (const connection of findConnections(file)) {
      expect(runProblems(captureRun(file, connection))).toEqual([]);
    }
  });

  it('any mix of segments between a few endpoints gives runs the page can draw', () => {
    const hosts: HostPort[] = [C, S, { address: '192.0.2.10', port: 40001 }];
    const flagSets = ['S', 'SA', 'A', 'PA', 'FA', 'FPA', 'R', 'RA', 'F', 'SFA', 'SR'];
    const segment = fc.record({
      gapMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
      from: fc.integer({ min: 0, max: 2 }),
      to: fc.integer({ min: 0, max: 2 }),
      flags: fc.constantFrom(...flagSets),
      seq: fc.oneof(fc.integer({ min: 990, max: 1020 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      ack: fc.oneof(fc.integer({ min: 4990, max: 5020 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 40 }), (list) => {
        let t = 0;
        const segments = list.flatMap((s) => {
          t += s.gapMs;
          const from = hosts[s.from];
          const to = hosts[s.to];
          if (from === undefined || to === undefined || s.from === s.to) return [];
          return [tcp(t, from, to, s.flags, s.seq, s.ack, s.len)];
        });
        const file = captureOf(segments);
        const connections = findConnections(file);
        const all = connections.flatMap((c) => c.segments).sort((a, b) => a - b);
        expect(all).toEqual(segments.map((_, i) => i));
        for (const connection of connections) {
          const result = captureRun(file, connection);
          expect(runProblems(result)).toEqual([]);
          expect(sendsOf(result.run.events)).toHaveLength(connection.segments.length);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
