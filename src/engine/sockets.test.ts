// Sockets as they are (CONTRACT.md section 0): the listener as its own socket, port reuse as
// Linux and the RFC allow it, the handshake's options, actions that wait, and Linux's timers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from './engine';
import type { Action, AfterEvent, Scenario, SendEvent, Trace, TraceEvent } from './types';
import { at, fixedScenario } from '../testing/scenarios';
import { parseScenario } from './validate';

const after = (event: AfterEvent, who: Action['who'], kind: Action['do'], more = {}) =>
  ({ after: event, who, do: kind, ...more }) as Action;
const listen = at(0, 'server', 'listen');
const connect = at(10, 'client', 'connect');

function run(scenario: Scenario): Trace {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return runScenario(parsed.scenario);
}

const base = fixedScenario;

const sends = (trace: Trace, who?: 'client' | 'server'): SendEvent[] =>
  trace.events.filter((e): e is SendEvent => e.type === 'send' && (who ?? e.who) === e.who);
const calls = (trace: Trace) =>
  trace.events.flatMap((e) => (e.type === 'app' ? [`${e.t} ${e.who} ${e.call}:${e.result}`] : []));
const states = (trace: Trace, who: string) =>
  trace.events.flatMap((e) => (e.type === 'state' && e.who === who ? [`${e.t} ${e.to}`] : []));

describe('the listener is its own socket', () => {
  it('stays in LISTEN across connections; each connection is a new socket from LISTEN', () => {
    const trace = run(
      base(
        'rfc9293',
        [
          listen,
          connect,
          at(100, 'server', 'close'),
          at(200, 'client', 'close'),
          // The server's TIME_WAIT gives way to the new SYN; the listener makes the new socket.
          at(400, 'client', 'connect'),
          at(600, 'server', 'close', { socket: 'listener' }),
        ],
        { until: 1000 },
      ),
    );
    expect(states(trace, 'listener')).toEqual(['0 LISTEN', '600 CLOSED']);
    const opened = trace.events.filter(
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'SYN_RCVD',
    );
    expect(opened.map((e) => (e.type === 'state' ? `${e.t} ${e.from}` : ''))).toEqual([
      '11 LISTEN',
      '401 LISTEN',
    ]);
    expect(calls(trace).filter((c) => c.includes('accept'))).toEqual([
      '13 server accept:ok',
      '403 server accept:ok',
    ]);
    expect(trace.final).toEqual({
      client: 'ESTABLISHED',
      server: 'ESTABLISHED',
      listener: 'CLOSED',
    });
  });

  it('closing the listener drops a connection still in its handshake, not an accepted one', () => {
    const drop = {
      faults: [{ who: 'client' as const, flags: 'ACK', nth: 1, fate: 'drop' as const }],
    };
    const embryonic = run(
      base('linux', [listen, connect, at(50, 'server', 'close', { socket: 'listener' })], drop),
    );
    expect(states(embryonic, 'server')).toEqual(['11 SYN_RCVD', '50 CLOSED']);
    const accepted = run(
      base('linux', [listen, connect, at(50, 'server', 'close', { socket: 'listener' })]),
    );
    expect(accepted.final).toEqual({
      client: 'ESTABLISHED',
      server: 'ESTABLISHED',
      listener: 'CLOSED',
    });
  });

  it('property: the listener never leaves LISTEN unless its own close or abort closes it', () => {
    fc.assert(
      fc.property(randomScenario(), (scenario) => {
        const trace = run(scenario);
        trace.events.forEach((event, i) => {
          if (event.type !== 'state' || event.who !== 'listener' || event.to !== 'CLOSED') return;
          const call = trace.events[i - 1];
          expect(call).toMatchObject({ type: 'app', who: 'listener', t: event.t });
          expect(['close', 'abort']).toContain(call?.type === 'app' ? call.call : '');
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('abort', () => {
  it('after close() the app has no socket left to abort: TIME_WAIT runs on', () => {
    const trace = run(
      base('rfc9293', [
        listen,
        connect,
        at(100, 'client', 'close'),
        at(200, 'server', 'close'),
        at(300, 'client', 'abort'),
      ]),
    );
    expect(states(trace, 'client').slice(-1)).toEqual(['240201 CLOSED']);
    expect(sends(trace, 'client').some((s) => s.flags.includes('RST'))).toBe(false);
  });
});

describe('port reuse', () => {
  /** Both close (the client first), then the client connects again at 300 from the same port. */
  const again = (profile: 'linux' | 'rfc9293', reuse: boolean, more: Partial<Scenario> = {}) =>
    base(
      profile,
      [
        listen,
        connect,
        at(100, 'client', 'close'),
        at(200, 'server', 'close'),
        at(300, 'client', 'connect', { reuse }),
      ],
      more,
    );

  it('without SO_REUSEADDR, bind() fails while TIME_WAIT holds the port', () => {
    expect(calls(run(again('linux', false)))).toContain('300 client connect:EADDRINUSE');
  });

  it('Linux takes the 4-tuple over from TIME_WAIT when it used timestamps: ISN = old SND.NXT + 65537', () => {
    const trace = run(again('linux', true));
    const syns = sends(trace, 'client').filter((s) => s.flags.includes('SYN'));
    expect(syns.map((s) => s.seq)).toEqual([1000, 1002 + 65537]);
    expect(states(trace, 'client').slice(-3)).toEqual([
      '300 CLOSED',
      '300 SYN_SENT',
      '302 ESTABLISHED',
    ]);
  });

  it('Linux refuses it without timestamps (EADDRNOTAVAIL), and so does RFC 9293', () => {
    const noTimestamps = { server: { port: 8080, isn: 5000, options: { timestamps: false } } };
    expect(calls(run(again('linux', true, noTimestamps)))).toContain(
      '300 client connect:EADDRNOTAVAIL',
    );
    expect(calls(run(again('linux', true, { sysctl: { tcp_timestamps: 0 } })))).toContain(
      '300 client connect:EADDRNOTAVAIL',
    );
    expect(calls(run(again('rfc9293', true)))).toContain('300 client connect:EADDRNOTAVAIL');
  });

  it('the what-if takes it with an ISN from the clock and no PAWS', () => {
    const trace = run(again('rfc9293', true, { whatIf: { reuseTimeWait: true } }));
    const syns = sends(trace, 'client').filter((s) => s.flags.includes('SYN'));
    expect(syns.map((s) => s.seq)).toEqual([1000, 1000 + 250 * 290]);
  });

  it('property: PAWS never discards a segment of the current connection without reordering, and never loses its data', () => {
    fc.assert(
      fc.property(randomScenario({ linuxOnly: true }), fc.boolean(), (scenario, reorder) => {
        const faults = reorder
          ? scenario.faults
          : scenario.faults?.filter((f) => typeof f.fate === 'string');
        const trace = run({ ...scenario, faults });
        for (const { segment, current, lost } of pawsDiscards(trace)) {
          if (!current) continue;
          expect(reorder, `segment ${segment.id} of the current connection discarded`).toBe(true);
          expect(lost, `segment ${segment.id}'s data never reached the receiver`).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Each PAWS discard: the segment, whether it belongs to the connection its receiver has now (its
 * sender has sent no SYN since), and whether its data was never acknowledged afterwards.
 */
function pawsDiscards(trace: Trace) {
  const byId = new Map<number, SendEvent>();
  const lastSyn: Record<string, number> = {};
  const synAtSend = new Map<number, number>();
  const found: { segment: SendEvent; current: boolean; lost: boolean }[] = [];
  trace.events.forEach((event, i) => {
    if (event.type === 'send') {
      if (event.flags.includes('SYN')) lastSyn[event.who] = event.id;
      byId.set(event.id, event);
      synAtSend.set(event.id, lastSyn[event.who] ?? -1);
    }
    if (event.type !== 'deliver' || event.discarded !== 'paws') return;
    const segment = byId.get(event.id)!;
    const current = synAtSend.get(event.id) === lastSyn[segment.who];
    const end = (segment.seq + segment.len) >>> 0;
    const acked = trace.events
      .slice(i)
      .some(
        (e: TraceEvent) =>
          e.type === 'send' &&
          e.who !== segment.who &&
          e.flags.includes('ACK') &&
          ((e.ack - end) | 0) >= 0,
      );
    found.push({ segment, current, lost: segment.len > 0 && !acked });
  });
  return found;
}

describe('options in the handshake', () => {
  it('Linux offers MSS, SACK-permitted, timestamps and window scale; RFC 9293 the MSS', () => {
    const kinds = (trace: Trace) => (sends(trace)[0]?.options ?? []).map((o) => o.kind);
    expect(kinds(run(base('linux', [listen, connect])))).toEqual([
      'mss',
      'sackPermitted',
      'timestamps',
      'windowScale',
    ]);
    expect(kinds(run(base('rfc9293', [listen, connect])))).toEqual(['mss']);
  });

  it('timestamps ride on every segment once both sent them, and take 12 bytes of each', () => {
    const trace = run(base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 3000 })]));
    const after = sends(trace).slice(2);
    expect(after.every((s) => s.options?.[0]?.kind === 'timestamps')).toBe(true);
    expect(
      sends(trace, 'client')
        .filter((s) => s.len > 0)
        .map((s) => s.len),
    ).toEqual([1448, 1448, 104]);
  });

  it('a side that received no MSS sends at most 536 bytes; one side without timestamps turns them off', () => {
    const trace = run(
      base('linux', [listen, connect, at(50, 'client', 'send', { bytes: 1000 })], {
        server: { port: 8080, isn: 5000, options: { mss: false, timestamps: false } },
      }),
    );
    expect(
      sends(trace, 'client')
        .filter((s) => s.len > 0)
        .map((s) => s.len),
    ).toEqual([536, 464]);
    expect(
      sends(trace)
        .slice(2)
        .some((s) => s.options !== undefined),
    ).toBe(false);
    expect(sends(trace, 'server')[0]?.options?.map((o) => o.kind)).toEqual([
      'sackPermitted',
      'windowScale',
    ]);
  });

  it('the window field is scaled once both sides offered window scale', () => {
    const trace = run(base('linux', [listen, connect]));
    expect(sends(trace).map((s) => s.window)).toEqual([65535, 65535, 511]);
  });
});

describe('actions that wait', () => {
  const lossy = (seed: number) =>
    base(
      'linux',
      [
        listen,
        connect,
        after('connected', 'client', 'send', { bytes: 100 }),
        after('acked', 'client', 'close'),
        after('accepted', 'server', 'send', { bytes: 50 }),
        after('eof', 'server', 'close', { delayMs: 5 }),
      ],
      { seed, network: { delayMs: 1, lossRate: 0.3 }, until: 600_000 },
    );

  it('run when their event happens, after the side’s previous action', () => {
    const trace = run({ ...lossy(1), network: { delayMs: 1, lossRate: 0 } });
    expect(calls(trace)).toEqual([
      '0 listener listen:ok',
      '12 client connect:ok',
      '12 client send:ok',
      '13 server accept:ok',
      '13 server send:ok',
      '14 client close:ok',
      '20 server close:ok',
    ]);
  });

  it('never run when their event never happens', () => {
    const trace = run(base('linux', [connect, after('connected', 'client', 'send', { bytes: 5 })]));
    expect(calls(trace)).toEqual(['12 client connect:ECONNREFUSED']);
  });

  it('property: at any loss rate, no call acts on a connection that never opened', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const trace = run(lossy(seed));
        for (const line of calls(trace)) {
          expect(line).not.toMatch(/ (send|close):(?!ok)/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Linux's timers", () => {
  it('SYNs: four linear timeouts, then backoff, ETIMEDOUT after 131 s (tcp_syn_linear_timeouts, tcp_syn_retries)', () => {
    const trace = run(
      base('linux', [connect], { server: { port: 8080, isn: 5000, scripted: true } }),
    );
    const syns = sends(trace, 'client').map((s) => (s.t - 10) / 1000);
    expect(syns).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    expect(calls(trace)).toEqual(['131010 client connect:ETIMEDOUT']);
  });

  it('sysctl overrides the defaults', () => {
    const trace = run(
      base('linux', [connect], {
        server: { port: 8080, isn: 5000, scripted: true },
        sysctl: { tcp_syn_linear_timeouts: 0, tcp_syn_retries: 2 },
      }),
    );
    expect(sends(trace, 'client').map((s) => (s.t - 10) / 1000)).toEqual([0, 1, 3]);
    expect(calls(trace)).toEqual(['7010 client connect:ETIMEDOUT']);
  });

  it('a lone lost FIN is probed first (PTO = 2·SRTT + rto_min, capped by the RTO) and the RTO is not backed off by it', () => {
    const trace = run(
      base('linux', [listen, connect, at(100, 'client', 'close')], {
        faults: [
          { who: 'client', flags: 'FIN,ACK', nth: 1, fate: 'drop' },
          { who: 'client', flags: 'FIN,ACK', nth: 2, fate: 'drop' },
        ],
      }),
    );
    const fins = sends(trace, 'client').filter((s) => s.flags.includes('FIN'));
    expect(fins.map((s) => [s.t, s.reason])).toEqual([
      [100, 'fin'],
      [302, 'loss-probe'],
      [504, 'retransmit'],
    ]);
  });

  it('no loss probe while the SYN is unacknowledged: a FIN sent from SYN_RCVD waits for the handshake timer', () => {
    const trace = run(
      base('linux', [listen, connect, at(50, 'server', 'close')], {
        faults: [{ who: 'client', flags: 'ACK', nth: 1, fate: 'drop' }],
        until: 3000,
      }),
    );
    const serverProbes = trace.events.filter(
      (e) => e.type === 'timer' && e.timer === 'loss-probe' && e.who === 'server' && e.t < 1011,
    );
    expect(serverProbes).toEqual([]);
  });

  it('interactive mode: data sent soon after data received makes the ACK of the next data wait', () => {
    const trace = run(
      base('linux', [
        listen,
        connect,
        at(50, 'client', 'send', { bytes: 10 }),
        at(55, 'server', 'send', { bytes: 10 }),
        at(60, 'client', 'send', { bytes: 10 }),
      ]),
    );
    const acks = sends(trace, 'server').filter((s) => s.len === 0 && s.t > 60);
    expect(acks.map((s) => [s.t, s.reason])).toEqual([[101, 'delayed-ack']]);
  });
});

/** Random scenarios around one connection: random calls, faults, injected resets, loss. */
function randomScenario({ linuxOnly = false } = {}) {
  const who = fc.constantFrom('client' as const, 'server' as const);
  const kind = fc.constantFrom('send', 'shutdown', 'close', 'abort', 'connect') as fc.Arbitrary<
    Action['do']
  >;
  const timed = fc.record({ at: fc.integer({ min: 0, max: 3000 }), who, do: kind });
  const waiting = fc.record({
    after: fc.constantFrom<AfterEvent>('connected', 'accepted', 'acked', 'eof'),
    delayMs: fc.integer({ min: 0, max: 50 }),
    who,
    do: kind,
  });
  const action = fc
    .oneof(timed, waiting)
    .map(
      (a) =>
        (a.do === 'send'
          ? { ...a, bytes: 700 }
          : a.do === 'connect'
            ? { ...a, reuse: true }
            : a) as Action,
    );
  const listenerClose = fc.option(
    fc.integer({ min: 0, max: 3000 }).map((t) => at(t, 'server', 'close', { socket: 'listener' })),
  );
  const fault = fc.record({
    who,
    flags: fc.constantFrom('ACK', 'FIN,ACK', 'SYN', 'SYN,ACK'),
    nth: fc.integer({ min: 1, max: 3 }),
    fate: fc.constantFrom<'drop' | 'duplicate' | { delayMs: number }>('drop', 'duplicate', {
      delayMs: 400,
    }),
  });
  const reset = fc.record({
    at: fc.integer({ min: 0, max: 3000 }),
    to: who,
    flags: fc.constantFrom('RST', 'SYN', 'ACK'),
    seq: fc.integer({ min: 0, max: 3 }),
    ack: fc.integer({ min: 0, max: 3 }),
  });
  return fc
    .record({
      profile: linuxOnly
        ? fc.constant('linux' as const)
        : fc.constantFrom('linux' as const, 'rfc9293' as const),
      seed: fc.integer({ min: 0, max: 1000 }),
      lossRate: fc.constantFrom(0, 0, 0.2),
      actions: fc.array(action, { maxLength: 6 }),
      listenerClose,
      faults: fc.array(fault, { maxLength: 2 }),
      inject: fc.array(reset, { maxLength: 1 }),
    })
    .map((r): Scenario => ({
      profile: r.profile,
      seed: r.seed,
      network: { delayMs: 1, lossRate: r.lossRate },
      timers: { mslMs: 500, synRetries: 2, synAckRetries: 2, dataRetries: 3, finWait2Ms: 2000 },
      actions: [
        listen,
        connect,
        ...r.actions,
        ...(r.listenerClose === null ? [] : [r.listenerClose]),
      ],
      faults: r.faults,
      inject: r.inject,
      until: 60_000,
    }));
}
