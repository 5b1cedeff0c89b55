// Behaviour of the engine a student would see in a lesson: ISNs, port reuse, TIME_WAIT, the
// what-if switches, faults, retransmission timing, RST rules and the Linux profile's differences.
import { describe, expect, it } from 'vitest';
import { runScenario, streamScenario } from './engine';
import {
  peerOf,
  type Action,
  type Scenario,
  type SendEvent,
  type Side,
  type SocketOwner,
  type Trace,
  type TraceEvent,
} from './types';
import { results, sendEvents, statePath, timerLog } from '../testing/traceHelpers';

const base = {
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  network: { delayMs: 1, lossRate: 0 },
} satisfies Partial<Scenario>;

function run(scenario: Partial<Scenario> & { actions: Action[] }): Trace {
  return runScenario({ ...base, ...scenario });
}

const flags = (e: SendEvent): string => e.flags.filter((f) => f !== 'PSH').join(',');

const open: Action[] = [
  { at: 0, who: 'server', do: 'listen' },
  { at: 100, who: 'client', do: 'connect' },
];

/** Both sides close: `first` at `firstAt`, the other one at `otherAt`. */
function closes(first: Side, firstAt: number, otherAt: number): Action[] {
  return [
    { at: firstAt, who: first, do: 'close' },
    { at: otherAt, who: peerOf(first), do: 'close' },
  ];
}

/** The client closes first, at 200, after the handshake; the server at 300. */
const clientClosesFirst: Action[] = [...open, ...closes('client', 200, 300)];

/** `who`'s state changes from `t` on, as "t FROM→TO rule". */
const stateChanges = (trace: Trace, who: SocketOwner, t: number): string[] =>
  trace.events.flatMap((e) =>
    e.type === 'state' && e.who === who && e.t >= t
      ? [`${e.t} ${e.from}→${e.to} ${e.why.rule}`]
      : [],
  );

/** Every segment sent from `t` on, as "who:FLAGS". */
const segmentsFrom = (trace: Trace, t: number): string[] =>
  sendEvents(trace)
    .filter((e) => e.t >= t)
    .map((e) => `${e.who}:${flags(e)}`);

describe('initial sequence numbers', () => {
  it('uses the given ISN first, then the 4 µs ISN clock for later connections', () => {
    // Without TIME_WAIT the port is free again at once, so a plain connect opens the second one,
    // 1000 ms after the first connect: 250 ticks a millisecond. The server's second ISN follows
    // its own clock from its first SYN+ACK (at 101).
    const trace = run({
      whatIf: { noTimeWait: true },
      actions: [...clientClosesFirst, { at: 1100, who: 'client', do: 'connect' }],
    });
    const syns = sendEvents(trace, 'client').filter((e) => flags(e) === 'SYN');
    expect(syns.map((e) => e.seq)).toEqual([1000, 1000 + 250 * 1000]);
    const synAcks = sendEvents(trace, 'server').filter((e) => flags(e) === 'SYN,ACK');
    expect(synAcks.map((e) => [e.t, e.seq])).toEqual([
      [101, 5000],
      [1101, 5000 + 250 * 1000],
    ]);
    expect(results(trace, 'client')).toEqual(['connect:ok', 'close:ok', 'connect:ok']);
  });

  it('draws missing ISNs from the seed: same seed, same numbers', () => {
    const scenario: Scenario = { seed: 42, actions: open };
    const isns = (s: Scenario) =>
      sendEvents(runScenario(s))
        .filter((e) => e.flags.includes('SYN'))
        .map((e) => e.seq);
    expect(isns(scenario)).toEqual(isns({ ...scenario }));
    expect(isns(scenario)).not.toEqual(isns({ ...scenario, seed: 43 }));
  });
});

describe('TIME_WAIT and port reuse', () => {
  it('refuses a new connection from the same port while TIME_WAIT holds it', () => {
    const trace = run({
      actions: [...clientClosesFirst, { at: 1000, who: 'client', do: 'connect' }],
    });
    expect(results(trace, 'client')).toContain('connect:EADDRINUSE');
    expect(statePath(trace, 'client').slice(-2)).toEqual(['TIME_WAIT', 'CLOSED']);
  });

  const reuseAt1000: Action[] = [
    ...clientClosesFirst,
    { at: 1000, who: 'client', do: 'connect', reuse: true },
  ];

  it('Linux: SO_REUSEADDR takes the 4-tuple from a TIME_WAIT that used timestamps, at SND.NXT + 65537', () => {
    const trace = run({ profile: 'linux', actions: reuseAt1000 });
    expect(results(trace, 'client')).toEqual(['connect:ok', 'close:ok', 'connect:ok']);
    // TIME_WAIT ends at the connect() and the new connection starts from CLOSED, like any other.
    expect(stateChanges(trace, 'client', 1000)).toEqual([
      '1000 TIME_WAIT→CLOSED time-wait-takeover',
      '1000 CLOSED→SYN_SENT active-open',
      '1002 SYN_SENT→ESTABLISHED syn-ack-received',
    ]);
    // The old connection's SND.NXT was 1002 (ISN 1000, its SYN and its FIN): tcp_twsk_unique().
    const syns = sendEvents(trace, 'client').filter((e) => flags(e) === 'SYN');
    expect(syns.map((e) => e.seq)).toEqual([1000, 1002 + 65537]);
    // The server's listener takes it as a new connection.
    expect(stateChanges(trace, 'server', 1000)).toEqual([
      '1001 LISTEN→SYN_RCVD syn-to-listener',
      '1003 SYN_RCVD→ESTABLISHED handshake-ack',
    ]);
  });

  it.each([
    [
      'Linux, without timestamps',
      { profile: 'linux', client: { ...base.client, options: { timestamps: false } } },
      'time-wait-no-timestamps',
      60_000,
    ],
    [
      'Linux, timestamps off by sysctl',
      { profile: 'linux', sysctl: { tcp_timestamps: 0 } },
      'time-wait-no-timestamps',
      60_000,
    ],
    ['the RFC profile', { profile: 'rfc9293' }, 'four-tuple-in-use', 240_000],
  ] as const)(
    'refuses SO_REUSEADDR the 4-tuple TIME_WAIT holds (%s): EADDRNOTAVAIL, TIME_WAIT runs on',
    (_name, variant, rule, timeWaitMs) => {
      const trace = run({ ...variant, actions: reuseAt1000 });
      expect(results(trace, 'client')).toEqual(['connect:ok', 'close:ok', 'connect:EADDRNOTAVAIL']);
      const refusal = trace.events.find((e) => e.type === 'app' && e.result === 'EADDRNOTAVAIL');
      expect(refusal).toMatchObject({ t: 1000, who: 'client', call: 'connect', why: { rule } });
      expect(stateChanges(trace, 'client', 1000)).toEqual([
        `${301 + timeWaitMs} TIME_WAIT→CLOSED time-wait-expired`,
      ]);
    },
  );

  it("what if connect() could take TIME_WAIT's 4-tuple unprotected: a new ISN from the clock", () => {
    const trace = run({ whatIf: { reuseTimeWait: true }, actions: reuseAt1000 });
    expect(results(trace, 'client')).toEqual(['connect:ok', 'close:ok', 'connect:ok']);
    expect(stateChanges(trace, 'client', 1000).slice(0, 2)).toEqual([
      '1000 TIME_WAIT→CLOSED reuse-time-wait',
      '1000 CLOSED→SYN_SENT active-open',
    ]);
    const syns = sendEvents(trace, 'client').filter((e) => flags(e) === 'SYN');
    expect(syns.map((e) => e.seq)).toEqual([1000, 1000 + 250 * 900]);
  });

  it('lasts 2·MSL: 4 minutes in the RFC profile, 60 s on Linux', () => {
    for (const [profile, ms] of [
      ['rfc9293', 240_000],
      ['linux', 60_000],
    ] as const) {
      const trace = run({ profile, actions: clientClosesFirst });
      const enter = trace.events.find((e) => e.type === 'state' && e.to === 'TIME_WAIT');
      const leave = trace.events.find((e) => e.type === 'state' && e.from === 'TIME_WAIT');
      expect(leave!.t - enter!.t).toBe(ms);
    }
  });

  it('restarts 2·MSL when the peer retransmits its FIN', () => {
    const trace = run({
      actions: clientClosesFirst,
      faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
    });
    const twSets = trace.events.filter(
      (e) =>
        e.type === 'timer' && e.who === 'client' && e.timer === 'time-wait' && e.action === 'set',
    );
    expect(twSets).toHaveLength(2);
    expect(statePath(trace, 'server').slice(-2)).toEqual(['LAST_ACK', 'CLOSED']);
  });

  it.each([
    // RFC 9293 3.10.7.4 (RFC 6191): the new connection's ISN comes from the clock (5000 at 101).
    ['rfc9293', 'time-wait-reopen', 5000 + 250 * (2001 - 101)],
    // tcp_timewait_state_process(): the old SND.NXT (5002, after the server's FIN) + 65537.
    ['linux', 'time-wait-reopen-linux', 5002 + 65537],
  ] as const)(
    'is reopened by a new SYN with a higher sequence number when the endpoint listens (%s)',
    (profile, rule, isn) => {
      const trace = run({
        profile,
        actions: [
          ...open,
          ...closes('server', 200, 300),
          { at: 2000, who: 'client', do: 'connect' },
        ],
      });
      // The SYN ends TIME_WAIT; the listener then takes it as a new connection.
      expect(stateChanges(trace, 'server', 2000)).toEqual([
        `2001 TIME_WAIT→CLOSED ${rule}`,
        '2001 LISTEN→SYN_RCVD syn-to-listener',
        '2003 SYN_RCVD→ESTABLISHED handshake-ack',
      ]);
      const newSyn = sendEvents(trace, 'client').find((e) => e.t === 2000)!;
      expect(newSyn.seq).toBeGreaterThan(1002); // beyond the old connection's RCV.NXT
      const synAcks = sendEvents(trace, 'server').filter((e) => flags(e) === 'SYN,ACK');
      expect(synAcks.map((e) => e.seq)).toEqual([5000, isn]);
      expect(statePath(trace, 'listener')).toEqual(['LISTEN']);
    },
  );

  it.each([
    ['after accept() returned', 200, 202],
    // The app shuts the connection down while it is still SYN_RCVD: its FIN goes out at once and
    // the connection never passes ESTABLISHED, so accept() never reports it; it is the app's all
    // the same, and TIME_WAIT (RFC 9293 3.10.7.4) leaves only by 2·MSL, a RST or a new SYN.
    ['shut down before accept() returned', 102, 104],
  ])(
    'outlives the listener: closing it leaves a TIME_WAIT its 2·MSL (%s)',
    (_name, shutAt, twAt) => {
      const trace = run({
        client: { ...base.client, closeOnEof: true },
        actions: [
          { at: 0, who: 'server', do: 'listen' },
          { at: 100, who: 'client', do: 'connect' },
          { at: shutAt, who: 'server', do: 'shutdown' },
          { at: 500, who: 'server', do: 'close', socket: 'listener' },
        ],
      });
      expect(stateChanges(trace, 'listener', 500)).toEqual(['500 LISTEN→CLOSED listener-close']);
      expect(stateChanges(trace, 'server', twAt)).toEqual([
        `${twAt} FIN_WAIT_1→FIN_WAIT_2 fin-acked`,
        `${twAt} FIN_WAIT_2→TIME_WAIT fin-received`,
        `${twAt + 240_000} TIME_WAIT→CLOSED time-wait-expired`,
      ]);
    },
  );
});

describe('what if', () => {
  it('without TIME_WAIT, the retransmitted FIN meets a RST', () => {
    const trace = run({
      whatIf: { noTimeWait: true },
      actions: clientClosesFirst,
      faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
    });
    expect(statePath(trace, 'client')).not.toContain('TIME_WAIT');
    const clientRst = sendEvents(trace, 'client').find((e) => e.flags.includes('RST'));
    expect(clientRst?.reason).toBe('rst-closed');
    expect(statePath(trace, 'server').at(-1)).toBe('CLOSED');
  });

  it('with a two-way handshake the server is ESTABLISHED as soon as it sends SYN+ACK', () => {
    const trace = run({ whatIf: { twoWayHandshake: true }, actions: open });
    const synAck = sendEvents(trace, 'server').find((e) => flags(e) === 'SYN,ACK')!;
    const est = trace.events.find(
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'ESTABLISHED',
    )!;
    expect(est.t).toBe(synAck.t);
  });
});

describe('faults and loss', () => {
  it('duplicates a segment: two deliveries, the second marked', () => {
    const trace = run({
      actions: open,
      faults: [{ who: 'client', flags: 'SYN', nth: 1, fate: 'duplicate' }],
    });
    const delivered = trace.events.filter((e) => e.type === 'deliver' && e.id === 1);
    // The copy finds the connection in SYN_RCVD: RFC 9293 answers a SYN below the window with
    // an ACK and drops it.
    expect(delivered).toEqual([
      { t: 101, type: 'deliver', id: 1 },
      {
        t: 101,
        type: 'deliver',
        id: 1,
        duplicate: true,
        discarded: 'out-of-window',
        why: { rule: 'duplicate-syn', ref: 'RFC 9293 §3.10.7.4' },
      },
    ]);
  });

  it('delays a segment: delivered late and marked', () => {
    const trace = run({
      actions: open,
      faults: [{ who: 'client', flags: 'SYN', nth: 1, fate: { delayMs: 500 } }],
    });
    expect(trace.events.find((e) => e.type === 'deliver' && e.id === 1)).toEqual({
      t: 601,
      type: 'deliver',
      id: 1,
      delayedMs: 500,
    });
  });

  it('loses segments at the given rate, reproducibly from the seed', () => {
    const scenario = { ...base, network: { delayMs: 1, lossRate: 0.3 }, actions: open };
    const a = runScenario(scenario);
    const b = runScenario(scenario);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const lossy = runScenario({
      ...scenario,
      actions: [...open, { at: 200, who: 'client', do: 'send', bytes: 50_000 }],
    });
    expect(lossy.events.some((e) => e.type === 'drop' && e.reason === 'loss')).toBe(true);
  });
});

describe('retransmission', () => {
  const lonely: Scenario = {
    ...base,
    server: { ...base.server, scripted: true },
    actions: [{ at: 0, who: 'client', do: 'connect' }],
  };

  it('Linux: resends the SYN every second 4 times, then backs off, and gives up after 131 s', () => {
    // tcp_syn_linear_timeouts (4) timeouts without backoff, then tcp_syn_retries (6) more: "67
    // seconds till the last retransmission ... final timeout after 131 seconds" (Linux's docs).
    const trace = runScenario({ ...lonely, profile: 'linux' });
    expect(sendEvents(trace, 'client').map((e) => e.t)).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 7000, 11_000, 19_000, 35_000, 67_000,
    ]);
    expect(trace.events.at(-1)).toMatchObject({ t: 131_000, type: 'state', to: 'CLOSED' });
    expect(results(trace, 'client')).toEqual(['connect:ETIMEDOUT']);
  });

  it('Linux: sysctl sets the SYN retries and how many of them keep a 1 s timeout', () => {
    const trace = runScenario({
      ...lonely,
      profile: 'linux',
      sysctl: { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 1 },
    });
    expect(sendEvents(trace, 'client').map((e) => e.t)).toEqual([0, 1000, 2000, 4000]);
    expect(trace.events.at(-1)).toMatchObject({ t: 8000, type: 'state', to: 'CLOSED' });
  });

  it('keeps trying for more than 3 minutes in the RFC profile (R2 for a SYN)', () => {
    const trace = runScenario(lonely);
    const giveUp = trace.events.find((e) => e.type === 'app')!;
    expect(giveUp.t).toBeGreaterThan(180_000);
  });

  it('takes the RTO floor after a short RTT sample: SRTT + 200 ms on Linux, 1 s in the RFC profile', () => {
    // Linux: SRTT + max(4·RTTVAR, rto_min) (tcp_set_rto()); a first sample R gives SRTT = R and
    // 4·RTTVAR = 2R, under the 200 ms floor. RFC 6298: max(SRTT + 4·RTTVAR, 1 s). SACK is off so
    // that no tail loss probe comes first.
    for (const [profile, delayMs, rto] of [
      ['linux', 1, 2 + 200],
      ['linux', 5, 10 + 200],
      ['rfc9293', 1, 1000],
      ['rfc9293', 5, 1000],
    ] as const) {
      const trace = run({
        profile,
        network: { delayMs, lossRate: 0 },
        client: { ...base.client, options: { sackPermitted: false } },
        actions: [...open, { at: 300, who: 'client', do: 'send', bytes: 10 }],
        faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
      });
      const data = sendEvents(trace, 'client').filter((e) => e.len > 0);
      expect([profile, delayMs, data.map((e) => e.t)]).toEqual([
        profile,
        delayMs,
        [300, 300 + rto],
      ]);
      expect(data[1]).toMatchObject({ retransmission: true, reason: 'retransmit' });
    }
  });

  it('Linux with SACK: a lost tail is first resent as a loss probe, then by the RTO, not backed off', () => {
    const trace = run({
      profile: 'linux',
      actions: [...open, { at: 300, who: 'client', do: 'send', bytes: 10 }],
      faults: [
        { who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' },
        { who: 'client', flags: 'ACK', nth: 2, after: 300, fate: 'drop' },
      ],
    });
    const data = sendEvents(trace, 'client').filter((e) => e.len > 0);
    // The probe timeout is 2·SRTT + rto_min, but never later than the RTO would fire (202 ms).
    expect(data.map((e) => [e.t, e.reason])).toEqual([
      [300, 'data'],
      [502, 'loss-probe'],
      [704, 'retransmit'],
    ]);
    expect(timerLog(trace, 'client').filter((l) => Number(l.split(' ')[0]) >= 300)).toEqual([
      '300 set loss-probe→502',
      '502 fire loss-probe',
      '502 set retransmit→704', // the RTO from the probe, not doubled by it
      '704 fire retransmit',
      '704 set retransmit→1108', // the RTO's own backoff
      '706 cancel retransmit',
    ]);
  });

  it('uses a 3 s RTO once the handshake needed a retransmitted SYN (RFC 6298 5.7, Karn)', () => {
    const trace = run({
      actions: [...open, { at: 5000, who: 'client', do: 'send', bytes: 10 }],
      faults: [
        { who: 'client', flags: 'SYN', nth: 1, fate: 'drop' },
        { who: 'client', flags: 'ACK', nth: 1, after: 5000, fate: 'drop' },
      ],
    });
    const data = sendEvents(trace, 'client').filter((e) => e.len > 0);
    expect(data.map((e) => e.t)).toEqual([5000, 8000]);
  });

  it('resends a lost SYN+ACK when the SYN comes again', () => {
    const trace = run({
      actions: open,
      faults: [{ who: 'server', flags: 'SYN,ACK', nth: 1, fate: 'drop' }],
    });
    const synAcks = sendEvents(trace, 'server').filter((e) => flags(e) === 'SYN,ACK');
    expect(synAcks.length).toBeGreaterThanOrEqual(2);
    expect(synAcks.slice(1).every((e) => e.retransmission)).toBe(true);
    expect(statePath(trace, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED']);
  });
});

describe('RST', () => {
  it('answers a SYN to a port nobody listens on; connect is refused', () => {
    const trace = run({ actions: [{ at: 0, who: 'client', do: 'connect' }] });
    const rst = sendEvents(trace, 'server')[0]!;
    expect([flags(rst), rst.seq, rst.ack]).toEqual(['RST,ACK', 0, 1001]);
    expect(results(trace, 'client')).toEqual(['connect:ECONNREFUSED']);
  });

  it('abort sends RST (RST+ACK on Linux) and the peer reports ECONNRESET', () => {
    for (const [profile, want] of [
      ['rfc9293', 'RST'],
      ['linux', 'RST,ACK'],
    ] as const) {
      const trace = run({
        profile,
        actions: [
          ...open,
          { at: 200, who: 'client', do: 'abort' },
          { at: 300, who: 'server', do: 'send', bytes: 5 },
        ],
      });
      expect(flags(sendEvents(trace, 'client').at(-1)!)).toBe(want);
      expect(results(trace, 'listener')).toEqual(['listen:ok']);
      expect(results(trace, 'server')).toEqual(['accept:ok', 'send:ECONNRESET']);
      expect(statePath(trace, 'server').at(-1)).toBe('CLOSED');
    }
  });

  it('a RST inside the window but not at RCV.NXT gets a challenge ACK (RFC 5961)', () => {
    const trace = run({
      actions: open,
      inject: [
        { at: 200, to: 'server', flags: 'RST', seq: 100, ack: 0 },
        { at: 300, to: 'server', flags: 'RST', seq: 1, ack: 0 },
      ],
    });
    const reply = sendEvents(trace, 'server').find((e) => e.t === 200)!;
    expect(reply.reason).toBe('challenge-ack');
    expect(statePath(trace, 'server')).toEqual(['SYN_RCVD', 'ESTABLISHED', 'CLOSED']);
    // Injected segments arrive at their `at`: the RST at RCV.NXT closes the connection at once.
    expect(stateChanges(trace, 'server', 300)).toEqual(['300 ESTABLISHED→CLOSED rst-received']);
  });

  it('a RST to a passive SYN_RCVD closes that connection; the listener stays in LISTEN', () => {
    const trace = run({
      actions: [{ at: 0, who: 'server', do: 'listen' }],
      client: { ...base.client, scripted: true },
      inject: [
        { at: 10, to: 'server', flags: 'SYN', seq: 0 },
        { at: 20, to: 'server', flags: 'RST', seq: 1 },
      ],
    });
    // RFC 9293 3.10.7.4 sends a passive SYN-RECEIVED back to LISTEN: with the listener a socket
    // of its own, that is the embryonic connection gone and the listener still listening.
    expect(stateChanges(trace, 'server', 0)).toEqual([
      '10 LISTEN→SYN_RCVD syn-to-listener',
      '20 SYN_RCVD→CLOSED rst-embryonic',
    ]);
    expect(statePath(trace, 'listener')).toEqual(['LISTEN']);
    expect(trace.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });
});

describe('teardown', () => {
  it('Linux: a server that closes on EOF closes in three segments (delayed ACK rides on its FIN)', () => {
    const trace = run({
      profile: 'linux',
      server: { ...base.server, closeOnEof: true },
      actions: [...open, { at: 300, who: 'client', do: 'close' }],
    });
    expect(segmentsFrom(trace, 300)).toEqual(['client:FIN,ACK', 'server:FIN,ACK', 'client:ACK']);
  });

  it('the RFC profile ACKs the FIN at once: four segments', () => {
    const trace = run({ actions: [...open, ...closes('client', 300, 400)] });
    expect(segmentsFrom(trace, 300)).toEqual([
      'client:FIN,ACK',
      'server:ACK',
      'server:FIN,ACK',
      'client:ACK',
    ]);
  });

  it('half-close: the CLOSE_WAIT side keeps sending and the FIN_WAIT_2 side keeps ACKing', () => {
    const trace = run({
      actions: [
        ...open,
        { at: 200, who: 'client', do: 'shutdown' },
        { at: 300, who: 'server', do: 'send', bytes: 100 },
        { at: 400, who: 'server', do: 'close' },
      ],
    });
    const acks = sendEvents(trace, 'client').filter((e) => e.t > 300 && e.t < 400);
    expect(acks.map((e) => e.ack)).toEqual([5000 + 1 + 100]);
    expect(statePath(trace, 'client')).toEqual([
      'SYN_SENT',
      'ESTABLISHED',
      'FIN_WAIT_1',
      'FIN_WAIT_2',
      'TIME_WAIT',
      'CLOSED',
    ]);
  });

  it('Linux closes an orphaned FIN_WAIT_2 after 60 s; the RFC profile waits', () => {
    const actions: Action[] = [...open, { at: 200, who: 'client', do: 'close' }];
    expect(statePath(run({ profile: 'linux', actions }), 'client').at(-1)).toBe('CLOSED');
    expect(statePath(run({ actions }), 'client').at(-1)).toBe('FIN_WAIT_2');
  });
});

describe('running', () => {
  it('ends an ACK loop between desynchronized endpoints after 10 quiet minutes', () => {
    // A 500 ms round trip defeats the ACK rate limit: each side answers the other's ACK forever.
    const trace = run({
      network: { delayMs: 250, lossRate: 0 },
      actions: open,
      inject: [{ at: 1000, to: 'client', flags: 'ACK', seq: 1, ack: 1, len: 2 }],
    });
    const loopAcks = sendEvents(trace).filter((e) => e.reason === 'dup-ack');
    expect(loopAcks.length).toBeGreaterThan(1000);
    expect(loopAcks.at(-1)!.t).toBeLessThanOrEqual(1000 + 10 * 60 * 1000 + 500);
    expect(trace.final).toEqual({
      client: 'ESTABLISHED',
      server: 'ESTABLISHED',
      listener: 'LISTEN',
    });
  });

  it('streams the same events it would return, and honours until and maxEvents', () => {
    const scenario: Scenario = {
      ...base,
      actions: [...open, { at: 200, who: 'client', do: 'close' }],
    };
    const streamed: TraceEvent[] = [];
    const summary = streamScenario(scenario, (e) => streamed.push(e));
    expect(streamed).toEqual(runScenario(scenario).events);
    expect(summary.truncated).toBe(false);
    expect(streamScenario(scenario, () => undefined, { maxEvents: 5 })).toMatchObject({
      events: 5,
      truncated: true,
    });
    expect(runScenario({ ...scenario, until: 150 }).events.every((e) => e.t <= 150)).toBe(true);
  });

  it('marks where each cause begins: a SYN arrival brings the state change and the SYN+ACK', () => {
    const starts: number[] = [];
    const events: TraceEvent[] = [];
    streamScenario({ ...base, actions: open }, (e) => events.push(e), {
      onCause: () => starts.push(events.length),
    });
    const arrival = events.findIndex((e) => e.type === 'deliver' && e.id === 1);
    expect(starts).toContain(arrival);
    const next = starts.find((i) => i > arrival)!;
    expect(events.slice(arrival, next).map((e) => e.type)).toEqual([
      'deliver',
      'state',
      'send',
      'timer',
    ]);
  });

  it('takes actions lazily from an iterator with the same result', () => {
    const scenario: Scenario = {
      ...base,
      actions: [...open, { at: 200, who: 'client', do: 'close' }],
    };
    function* lazily(): Generator<Action> {
      yield* scenario.actions;
    }
    const lazy: TraceEvent[] = [];
    streamScenario({ ...scenario, actions: [] }, (e) => lazy.push(e), { actions: lazily() });
    expect(lazy).toEqual(runScenario(scenario).events);
  });
});
