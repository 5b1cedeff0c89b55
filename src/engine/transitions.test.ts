// One case per row of RFC 9293's transition table (src/testing/rfc9293), for each profile: a scenario
// brings one endpoint into the row's from_state (a scripted peer plays the other side through
// `inject`), the row's event happens at a known time, and the test checks what that endpoint sends
// then and the state it ends in. The table is read at run time: a row without an entry here, an
// entry without a row, or a case that contradicts the row's send/to_state columns without saying
// why (a profile variant) fails the suite.
//
// Rows whose linux_note says Linux does something else get the Linux behaviour as their linux
// case; the others expect the same of both profiles. Segments are written as packetdrill writes
// them ("F. 1:1(0) ack 2", numbers relative to the ISNs), prefixed by the time after the event
// ("+0 ", "+40 "). The CSV's state names (SYN-RECEIVED) are mapped to the trace's (SYN_RCVD).
import { describe, expect, it } from 'vitest';
import { csvState, RFC_ROWS, type RfcRow } from '../testing/rfcTransitions';
import {
  pd,
  results,
  run,
  type Ran,
  type Seg,
  sentBy,
  rfcState,
  stateBefore,
  timerFires,
  timerLog,
  wire,
} from '../testing/traceHelpers';
import type { Action, ActionKind, Injection, ProfileName, Scenario, Side, TcpState } from './types';

/** Whose the `i`th app call of the run is. */
const appWho = (ran: Ran, i: number): string =>
  ran.trace.events.filter((e) => e.type === 'app')[i]?.who ?? '';

// ---- the table ----

type Row = RfcRow;

const keyOf = (r: Pick<Row, 'from_state' | 'event' | 'condition'>): string =>
  `${r.from_state} | ${r.event} | ${r.condition}`;

// ---- cases ----

/** A segment the tested side must send: "+dt packetdrill-form", or fields to match (dt = time after the event). */
type Expected = string | (Partial<Seg> & { dt?: number });

interface Case {
  /** What this case shows (a row may need several, e.g. ABORT in each state). */
  label: string;
  scenario: Scenario;
  /** The endpoint in from_state. */
  who: Side;
  /** When the event happens; timer events read it from the trace. */
  at: number | ((ran: Ran) => number);
  /** How long after `at` to watch what `who` sends (default 0: that instant only). */
  window?: number;
  /** `who`'s state just before the event; required for the ANY rows, else the row's from_state. */
  from?: TcpState;
  /** Everything `who` sends in [at, at + window], in order. */
  send: Expected[];
  /** `who`'s state at at + window; defaults to the row's to_state. */
  to?: TcpState;
  /** Why this profile's case departs from the row's send or to_state columns. */
  variant?: string;
  /** `who`'s app results over the whole run. */
  results?: string[];
  also?: (ran: Ran, at: number) => void;
}

type Entry = { cases: (profile: ProfileName) => Case[] } | { na: string };

const T = 100; // the event's time in most cases; every setup is done by 50 ms
const MSL: Record<ProfileName, number> = { rfc9293: 120_000, linux: 30_000 };

const act = (at: number, who: Side, kind: ActionKind, bytes?: number): Action =>
  bytes === undefined ? { at, who, do: kind } : { at, who, do: kind, bytes };

const inj = (
  at: number,
  to: Side,
  flags: string,
  seq: number,
  ack?: number,
  len?: number,
): Injection => ({
  at,
  to,
  flags,
  seq,
  ...(ack === undefined ? {} : { ack }),
  ...(len === undefined ? {} : { len }),
});

interface Setup {
  actions: Action[];
  inject: Injection[];
}

// The client under test: it connects at 0; the scripted server answers. Its numbers: SND.NXT is
// 1 after the handshake, 2 after its FIN; the server's FIN is at 1.
const connect = act(0, 'client', 'connect');
const synAck = inj(10, 'client', 'SYN,ACK', 0, 1);
const close20 = act(20, 'client', 'close');
const shutdown20 = act(20, 'client', 'shutdown');
const ackOurFin = inj(30, 'client', 'ACK', 1, 2);
const CLIENT: Record<string, Setup> = {
  SYN_SENT: { actions: [connect], inject: [] },
  SYN_RCVD: { actions: [connect], inject: [inj(10, 'client', 'SYN', 0)] }, // simultaneous open
  ESTABLISHED: { actions: [connect], inject: [synAck] },
  FIN_WAIT_1: { actions: [connect, close20], inject: [synAck] },
  // shutdown() leaves the app holding the socket, so an abort (SO_LINGER 0) still reaches it;
  // after close() it has none left to abort.
  FIN_WAIT_1_SHUTDOWN: { actions: [connect, shutdown20], inject: [synAck] },
  CLOSING_SHUTDOWN: {
    actions: [connect, shutdown20],
    inject: [synAck, inj(30, 'client', 'FIN,ACK', 1, 1)],
  },
  TIME_WAIT_SHUTDOWN: {
    actions: [connect, shutdown20],
    inject: [synAck, ackOurFin, inj(40, 'client', 'FIN,ACK', 1, 2)],
  },
  LAST_ACK_SHUTDOWN: {
    actions: [connect, act(30, 'client', 'shutdown')],
    inject: [synAck, inj(20, 'client', 'FIN,ACK', 1, 1)],
  },
  FIN_WAIT_2: { actions: [connect, close20], inject: [synAck, ackOurFin] },
  FIN_WAIT_2_SHUTDOWN: { actions: [connect, shutdown20], inject: [synAck, ackOurFin] },
  CLOSING: { actions: [connect, close20], inject: [synAck, inj(30, 'client', 'FIN,ACK', 1, 1)] },
  TIME_WAIT: {
    actions: [connect, close20],
    inject: [synAck, ackOurFin, inj(40, 'client', 'FIN,ACK', 1, 2)],
  },
  CLOSE_WAIT: { actions: [connect], inject: [synAck, inj(20, 'client', 'FIN,ACK', 1, 1)] },
  LAST_ACK: {
    actions: [connect, act(30, 'client', 'close')],
    inject: [synAck, inj(20, 'client', 'FIN,ACK', 1, 1)],
  },
};

// The server under test: it listens at 0; the scripted client's SYN comes at 10, its ACK at 20.
const listen = act(0, 'server', 'listen');
const syn10 = inj(10, 'server', 'SYN', 0);
const SERVER: Record<string, Setup> = {
  CLOSED: { actions: [], inject: [] },
  LISTEN: { actions: [listen], inject: [] },
  SYN_RCVD: { actions: [listen], inject: [syn10] },
  ESTABLISHED: { actions: [listen], inject: [syn10, inj(20, 'server', 'ACK', 1, 1)] },
  // The listening server closes its connection first and lingers in TIME_WAIT.
  TIME_WAIT: {
    actions: [listen, act(30, 'server', 'close')],
    inject: [
      syn10,
      inj(20, 'server', 'ACK', 1, 1),
      inj(40, 'server', 'ACK', 1, 2),
      inj(50, 'server', 'FIN,ACK', 1, 2),
    ],
  },
};

function scenario(
  profile: ProfileName,
  tested: Side,
  setup: Setup | undefined,
  trigger: Partial<Setup> = {},
  more: Partial<Scenario> = {},
): Scenario {
  if (setup === undefined) throw new Error('no such setup');
  return {
    profile,
    seed: 1,
    client: { port: 40000, isn: 1000, ...(tested === 'server' ? { scripted: true } : {}) },
    server: { port: 8080, isn: 5000, ...(tested === 'client' ? { scripted: true } : {}) },
    network: { delayMs: 1, lossRate: 0 },
    actions: [...setup.actions, ...(trigger.actions ?? [])],
    inject: [...setup.inject, ...(trigger.inject ?? [])],
    ...more,
  };
}

const client = (
  p: ProfileName,
  state: string,
  trigger?: Partial<Setup>,
  more?: Partial<Scenario>,
) => scenario(p, 'client', CLIENT[state], trigger, more);
const server = (
  p: ProfileName,
  state: string,
  trigger?: Partial<Setup>,
  more?: Partial<Scenario>,
) => scenario(p, 'server', SERVER[state], trigger, more);

/** The first time `who`'s retransmission timer fires after `after`. */
const retransmitAfter =
  (who: Side, after: number) =>
  (ran: Ran): number => {
    const t = timerFires(ran.trace, who, 'retransmit').find((x) => x > after);
    if (t === undefined)
      throw new Error(`no retransmission timeout of the ${who} after ${after} ms`);
    return t;
  };

/**
 * The retransmission timer's first timeout after a 10 ms handshake: RFC 6298's floor of 1 s, and
 * Linux's SRTT + max(4·RTTVAR, rto_min) = 10 + 200 ms (tcp_set_rto()).
 */
const RTO_AFTER_HANDSHAKE: Record<ProfileName, number> = { rfc9293: 1000, linux: 210 };

const expectTimeWaitStarted = (who: Side, profile: ProfileName) => (ran: Ran, at: number) =>
  expect(timerLog(ran.trace, who, 'time-wait')).toContain(
    `${at} set time-wait→${at + 2 * MSL[profile]}`,
  );

const TABLE: Record<string, Entry> = {
  // ---- CLOSED ----
  'CLOSED | user passive OPEN | ': {
    cases: (p) => [
      {
        label: 'listen()',
        scenario: server(p, 'CLOSED', { actions: [act(T, 'server', 'listen')] }),
        who: 'server',
        at: T,
        send: [],
        results: ['listen:ok'],
      },
    ],
  },
  'CLOSED | user active OPEN | ': {
    cases: (p) => [
      {
        label: 'connect(): SYN with SEQ = ISS',
        scenario: scenario(
          p,
          'client',
          { actions: [], inject: [] },
          { actions: [act(T, 'client', 'connect')] },
        ),
        who: 'client',
        at: T,
        send: ['+0 S 0:0(0)'],
        also: (ran) => expect(sentBy(ran, 'client')[0]?.seqAbs).toBe(1000),
      },
    ],
  },
  'CLOSED | rcv RST | ': {
    cases: (p) => [
      {
        label: 'a RST to a port with no socket',
        scenario: server(p, 'CLOSED', { inject: [inj(T, 'server', 'RST', 0)] }),
        who: 'server',
        at: T,
        send: [],
      },
    ],
  },
  'CLOSED | rcv segment without RST | ACK bit off': {
    cases: (p) => [
      {
        label:
          'FIN with 5 bytes, no ACK: RST+ACK, SEQ = 0, ACK = SEG.SEQ + SEG.LEN (the FIN counts)',
        scenario: server(p, 'CLOSED', { inject: [inj(T, 'server', 'PSH,FIN', 0, undefined, 5)] }),
        who: 'server',
        at: T,
        send: [{ dt: 0, flags: 'R.', seqAbs: 0, ack: 6, len: 0 }],
      },
      {
        label: 'SYN: RST+ACK, SEQ = 0, ACK = SEG.SEQ + 1 ("connection refused")',
        scenario: server(p, 'CLOSED', { inject: [inj(T, 'server', 'SYN', 0)] }),
        who: 'server',
        at: T,
        send: [{ dt: 0, flags: 'R.', seqAbs: 0, ack: 1, len: 0 }],
      },
    ],
  },
  'CLOSED | rcv segment without RST | ACK bit on': {
    cases: (p) => [
      {
        label: 'RST with SEQ = SEG.ACK',
        scenario: server(p, 'CLOSED', { inject: [inj(T, 'server', 'ACK', 0, 77)] }),
        who: 'server',
        at: T,
        send: ['+0 R 77:77(0)'],
      },
    ],
  },

  // ---- LISTEN ----
  'LISTEN | rcv RST | ': {
    cases: (p) => [
      {
        label: 'ignored',
        scenario: server(p, 'LISTEN', { inject: [inj(T, 'server', 'RST', 0)] }),
        who: 'server',
        at: T,
        send: [],
      },
    ],
  },
  'LISTEN | rcv ACK-bearing segment (no RST) | ': {
    // Linux's SYN-cookie path only applies while cookies are being sent (a SYN flood); a plain
    // listener answers like the RFC.
    cases: (p) => [
      {
        label: 'RST with SEQ = SEG.ACK',
        scenario: server(p, 'LISTEN', { inject: [inj(T, 'server', 'ACK', 0, 77)] }),
        who: 'server',
        at: T,
        send: ['+0 R 77:77(0)'],
      },
    ],
  },
  'LISTEN | rcv SYN | ': {
    // Linux keeps the listener in LISTEN and the new connection in a request sock (ss shows it as
    // SYN-RECV); the trace shows the server's current connection (CONTRACT section 2), so both
    // profiles show SYN_RCVD.
    cases: (p) => [
      {
        label: 'SYN+ACK with SEQ = ISS, ACK = SEG.SEQ + 1',
        scenario: server(p, 'LISTEN', { inject: [inj(T, 'server', 'SYN', 0)] }),
        who: 'server',
        at: T,
        send: ['+0 S. 0:0(0) ack 1'],
      },
    ],
  },
  'LISTEN | rcv other (no SYN/ACK/RST) | ': {
    cases: (p) => [
      {
        label: 'a FIN without ACK is dropped',
        scenario: server(p, 'LISTEN', { inject: [inj(T, 'server', 'FIN', 0)] }),
        who: 'server',
        at: T,
        send: [],
      },
      {
        label: 'data without ACK is dropped',
        scenario: server(p, 'LISTEN', { inject: [inj(T, 'server', 'PSH', 0, undefined, 10)] }),
        who: 'server',
        at: T,
        send: [],
      },
    ],
  },
  'LISTEN | user SEND (active) | ': {
    na: 'the sockets API cannot send on a listening socket (the scenario\'s "send" models send(), not the RFC\'s SEND that turns LISTEN into an active open)',
  },
  'LISTEN | user CLOSE | ': {
    cases: (p) => [
      {
        label: 'close() on the listener',
        scenario: server(p, 'LISTEN', {
          actions: [{ ...act(T, 'server', 'close'), socket: 'listener' }],
        }),
        who: 'server',
        at: T,
        send: [],
        results: ['listen:ok', 'close:ok'],
      },
    ],
  },

  // ---- SYN-SENT ----
  'SYN-SENT | rcv segment with ACK | SEG.ACK =< ISS or SEG.ACK > SND.NXT; no RST': {
    cases: (p) => [
      {
        label: 'SEG.ACK = SND.NXT + 1',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'ACK', 0, 2)] }),
        who: 'client',
        at: T,
        send: ['+0 R 2:2(0)'],
      },
      {
        label: 'SEG.ACK = ISS (a SYN+ACK)',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'SYN,ACK', 0, 0)] }),
        who: 'client',
        at: T,
        send: ['+0 R 0:0(0)'],
      },
    ],
  },
  'SYN-SENT | rcv segment with ACK | unacceptable ACK and RST set': {
    cases: (p) => [
      {
        label: 'dropped',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'RST,ACK', 0, 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'SYN-SENT | rcv RST | ACK acceptable': {
    cases: (p) => [
      {
        label: 'connect() fails with ECONNREFUSED',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'RST,ACK', 0, 1)] }),
        who: 'client',
        at: T,
        send: [],
        results: ['connect:ECONNREFUSED'],
      },
    ],
  },
  'SYN-SENT | rcv RST | no ACK': {
    cases: (p) => [
      {
        label: 'dropped',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'RST', 0)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'SYN-SENT | rcv SYN;ACK | ACK acceptable': {
    cases: (p) => [
      {
        label: 'ACK, connect() returns',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'SYN,ACK', 0, 1)] }),
        who: 'client',
        at: T,
        send: ['+0 . 1:1(0) ack 1'],
        results: ['connect:ok'],
      },
    ],
  },
  'SYN-SENT | rcv SYN (no ACK) | simultaneous open': {
    cases: (p) => [
      {
        label: 'SYN+ACK with our ISS',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'SYN', 0)] }),
        who: 'client',
        at: T,
        send: ['+0 S. 0:0(0) ack 1'],
      },
    ],
  },
  'SYN-SENT | rcv neither SYN nor RST | ': {
    cases: (p) => [
      {
        label: 'an ACK that acknowledges our SYN but brings no SYN',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'ACK', 0, 1)] }),
        who: 'client',
        at: T,
        send: [],
      },
      {
        label: 'a FIN without ACK',
        scenario: client(p, 'SYN_SENT', { inject: [inj(T, 'client', 'FIN', 0)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'SYN-SENT | user CLOSE | ': {
    cases: (p) => [
      {
        label: 'no RST (packetdrill close-on-syn-sent)',
        scenario: client(p, 'SYN_SENT', { actions: [act(T, 'client', 'close')] }),
        who: 'client',
        at: T,
        window: 10_000,
        send: [],
        results: ['close:ok'],
      },
    ],
  },
  'SYN-SENT | retransmission timeout | ': {
    cases: (p) => [
      {
        label: 'the SYN again after the initial RTO of 1 s',
        scenario: client(p, 'SYN_SENT'),
        who: 'client',
        at: retransmitAfter('client', 0),
        send: [{ dt: 0, flags: 'S', seq: 0, len: 0, retransmission: true }],
        also: (_ran, at) => expect(at).toBe(1000),
      },
    ],
  },

  // ---- SYN-RECEIVED ----
  'SYN-RECEIVED | rcv ACK | seg ok; SND.UNA < SEG.ACK =< SND.NXT': {
    cases: (p) => [
      {
        label: 'the handshake completes',
        scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'ACK', 1, 1)] }),
        who: 'server',
        at: T,
        send: [],
      },
    ],
  },
  'SYN-RECEIVED | rcv ACK | seg ok; unacceptable ACK': {
    cases: (p) => [
      {
        label: 'RST with SEQ = SEG.ACK',
        scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'ACK', 1, 7)] }),
        who: 'server',
        at: T,
        send: ['+0 R 7:7(0)'],
      },
    ],
  },
  'SYN-RECEIVED | rcv RST | valid (in window / = RCV.NXT with RFC 5961); reached from LISTEN': {
    // Linux drops the request sock; the listener goes on (the same LISTEN in the trace).
    cases: (p) => [
      {
        label: 'back to LISTEN',
        scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'RST', 1)] }),
        who: 'server',
        at: T,
        window: 10_000,
        send: [],
      },
    ],
  },
  'SYN-RECEIVED | rcv RST | valid; reached from SYN-SENT (active open)': {
    cases: (p) => [
      {
        label: p === 'linux' ? 'connect() fails with ECONNRESET' : 'connect() is refused',
        scenario: client(p, 'SYN_RCVD', { inject: [inj(T, 'client', 'RST', 1)] }),
        who: 'client',
        at: T,
        send: [],
        // Linux's tcp_reset reports ECONNREFUSED only in SYN_SENT; in SYN_RCVD it is ECONNRESET.
        results: [p === 'linux' ? 'connect:ECONNRESET' : 'connect:ECONNREFUSED'],
      },
    ],
  },
  'SYN-RECEIVED | rcv SYN | seg ok; reached from LISTEN': {
    cases: (p) => [
      p === 'linux'
        ? {
            label: 'a different SYN inside the window',
            scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'SYN', 100)] }),
            who: 'server',
            at: T,
            send: [{ dt: 0, flags: 'R.', seqAbs: 0, ack: 101, len: 0 }],
            variant:
              'Linux (tcp_check_req, embryonic_reset) answers an in-window SYN to a request sock with RST+ACK, SEQ = 0, ACK = SEG.SEQ + 1, and drops the request sock',
          }
        : {
            label: 'a different SYN inside the window',
            scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'SYN', 100)] }),
            who: 'server',
            at: T,
            send: [],
          },
    ],
  },
  'SYN-RECEIVED | rcv FIN | seg ok; ACK acceptable': {
    cases: (p) => [
      {
        label: "FIN+ACK completes the handshake and closes the peer's side",
        scenario: server(p, 'SYN_RCVD', { inject: [inj(T, 'server', 'FIN,ACK', 1, 1)] }),
        who: 'server',
        at: T,
        // Linux delays a FIN's ACK, but with no data received yet its delayed-ACK timeout is
        // zero: the ACK goes at the next clock tick (1 ms).
        window: p === 'linux' ? 1 : 0,
        send: [p === 'linux' ? '+1 . 1:1(0) ack 2' : '+0 . 1:1(0) ack 2'],
      },
    ],
  },
  'SYN-RECEIVED | user CLOSE | no pending data': {
    // The app holds a SYN_RCVD socket only after a simultaneous open (a listener's connection is
    // not accepted before ESTABLISHED).
    cases: (p) => [
      {
        label: 'simultaneous open, then close()',
        scenario: client(p, 'SYN_RCVD', { actions: [act(T, 'client', 'close')] }),
        who: 'client',
        at: T,
        send: ['+0 F. 1:1(0) ack 1'],
      },
    ],
  },
  'SYN-RECEIVED | retransmission timeout | ': {
    // Linux: initial RTO 1 s, tcp_synack_retries = 5; the same first timeout as the RFC profile.
    cases: (p) => [
      {
        label: 'the SYN+ACK again 1 s after it was sent',
        scenario: server(p, 'SYN_RCVD'),
        who: 'server',
        at: retransmitAfter('server', 10),
        send: [{ dt: 0, flags: 'S.', seq: 0, ack: 1, len: 0, retransmission: true }],
        also: (_ran, at) => expect(at).toBe(10 + 1000),
      },
    ],
  },

  // ---- any synchronized state ----
  'ANY-SYNCHRONIZED | rcv segment | fails acceptability test; no RST': {
    cases: (p) => [
      {
        label: 'ESTABLISHED: data far beyond the window gets <SEQ=SND.NXT><ACK=RCV.NXT><ACK>',
        scenario: client(p, 'ESTABLISHED', { inject: [inj(T, 'client', 'ACK', 100_000, 1, 10)] }),
        who: 'client',
        at: T,
        from: 'ESTABLISHED',
        send: ['+0 . 1:1(0) ack 1'],
      },
      {
        label: 'FIN_WAIT_2: an old segment (already received) gets the same ACK',
        scenario: client(p, 'FIN_WAIT_2_SHUTDOWN', {
          inject: [inj(T, 'client', 'PSH,ACK', 1, 2, 5), inj(T + 1, 'client', 'PSH,ACK', 1, 2, 5)],
        }),
        who: 'client',
        at: T + 1,
        from: 'FIN_WAIT_2',
        send: ['+0 . 2:2(0) ack 6'],
      },
      ...(p === 'linux'
        ? [
            {
              label:
                'Linux rate-limits the ACKs for bare ACKs (tcp_invalid_ratelimit, 500 ms): the loop material',
              scenario: client(p, 'ESTABLISHED', {
                inject: [
                  inj(T, 'client', 'ACK', 100_000, 1, 0),
                  inj(T + 100, 'client', 'ACK', 100_000, 1, 0),
                  inj(T + 600, 'client', 'ACK', 100_000, 1, 0),
                ],
              }),
              who: 'client' as const,
              at: T,
              window: 600,
              from: 'ESTABLISHED' as const,
              send: ['+0 . 1:1(0) ack 1', '+600 . 1:1(0) ack 1'],
            },
            {
              label: 'but answers every data segment (tcp_oow_rate_limited: data is no ACK loop)',
              scenario: client(p, 'ESTABLISHED', {
                inject: [
                  inj(T, 'client', 'ACK', 100_000, 1, 10),
                  inj(T + 100, 'client', 'ACK', 100_000, 1, 10),
                ],
              }),
              who: 'client' as const,
              at: T,
              window: 100,
              from: 'ESTABLISHED' as const,
              send: ['+0 . 1:1(0) ack 1', '+100 . 1:1(0) ack 1'],
            },
          ]
        : []),
    ],
  },
  'ANY-SYNCHRONIZED | rcv SYN | RFC 5961 stack': {
    cases: (p) => [
      {
        label: 'ESTABLISHED: challenge ACK',
        scenario: client(p, 'ESTABLISHED', { inject: [inj(T, 'client', 'SYN', 100)] }),
        who: 'client',
        at: T,
        from: 'ESTABLISHED',
        send: ['+0 . 1:1(0) ack 1'],
      },
      {
        label: 'CLOSE_WAIT: challenge ACK',
        scenario: client(p, 'CLOSE_WAIT', { inject: [inj(T, 'client', 'SYN', 100)] }),
        who: 'client',
        at: T,
        from: 'CLOSE_WAIT',
        send: ['+0 . 1:1(0) ack 2'],
      },
    ],
  },
  'ANY-SYNCHRONIZED | rcv RST | RFC 5961: seq in window but != RCV.NXT': {
    cases: (p) => [
      {
        label: 'ESTABLISHED: challenge ACK',
        scenario: client(p, 'ESTABLISHED', { inject: [inj(T, 'client', 'RST', 100)] }),
        who: 'client',
        at: T,
        from: 'ESTABLISHED',
        send: ['+0 . 1:1(0) ack 1'],
      },
      {
        label: 'FIN_WAIT_1: challenge ACK',
        scenario: client(p, 'FIN_WAIT_1', { inject: [inj(T, 'client', 'RST', 100)] }),
        who: 'client',
        at: T,
        from: 'FIN_WAIT_1',
        send: ['+0 . 2:2(0) ack 1'],
      },
    ],
  },
  'ANY-SYNCHRONIZED | rcv RST | seq outside window': {
    cases: (p) => [
      {
        label: 'ESTABLISHED: right of the window',
        scenario: client(p, 'ESTABLISHED', { inject: [inj(T, 'client', 'RST', 100_000)] }),
        who: 'client',
        at: T,
        from: 'ESTABLISHED',
        send: [],
      },
      {
        label: 'CLOSING: just left of the window (FreeBSD rcv-rst-closing)',
        scenario: client(p, 'CLOSING', { inject: [inj(T, 'client', 'RST', 1)] }),
        who: 'client',
        at: T,
        from: 'CLOSING',
        send: [],
      },
    ],
  },

  // ---- ESTABLISHED ----
  'ESTABLISHED | user CLOSE | ': {
    // Linux sends RST instead only when received data is left unread or SO_LINGER is {1, 0} (the
    // ABORT row); the scenario's apps read everything, so Linux closes like the RFC here.
    cases: (p) => [
      {
        label: 'queued data, then the FIN',
        scenario: client(p, 'ESTABLISHED', {
          actions: [act(T, 'client', 'send', 5), act(T, 'client', 'close')],
        }),
        who: 'client',
        at: T,
        send: ['+0 P. 1:6(5) ack 1', '+0 F. 6:6(0) ack 1'],
      },
    ],
  },
  'ESTABLISHED | rcv FIN | seg ok': {
    cases: (p) => [
      {
        label: 'after data was received',
        scenario: client(p, 'ESTABLISHED', {
          inject: [inj(50, 'client', 'PSH,ACK', 1, 1, 5), inj(T, 'client', 'FIN,ACK', 6, 1)],
        }),
        who: 'client',
        at: T,
        window: p === 'linux' ? 40 : 0,
        // Linux delays the ACK of a FIN (pingpong mode: it hopes to send it on its own FIN) by
        // its delayed-ACK timeout, 40 ms once data has arrived.
        send: [p === 'linux' ? '+40 . 1:1(0) ack 7' : '+0 . 1:1(0) ack 7'],
        also: (ran) =>
          expect(wire(ran, 'client', { from: 50, to: 50 })).toEqual(['. 1:1(0) ack 6']),
      },
      {
        label: 'before any data',
        scenario: client(p, 'ESTABLISHED', { inject: [inj(T, 'client', 'FIN,ACK', 1, 1)] }),
        who: 'client',
        at: T,
        window: p === 'linux' ? 1 : 0,
        // Before any data Linux's delayed-ACK timeout is zero: the next clock tick (1 ms).
        send: [p === 'linux' ? '+1 . 1:1(0) ack 2' : '+0 . 1:1(0) ack 2'],
      },
    ],
  },
  'ESTABLISHED | rcv RST | valid': {
    cases: (p) => [
      {
        label: 'the app learns of it: ECONNRESET',
        scenario: client(p, 'ESTABLISHED', {
          inject: [inj(T, 'client', 'RST', 1)],
          actions: [act(T + 10, 'client', 'send', 5)],
        }),
        who: 'client',
        at: T,
        send: [],
        results: ['connect:ok', 'send:ECONNRESET'],
      },
    ],
  },

  // ---- FIN-WAIT-1 ----
  'FIN-WAIT-1 | rcv ACK | acks our FIN': {
    cases: (p) => [
      {
        label: 'ACK of the FIN',
        scenario: client(p, 'FIN_WAIT_1', { inject: [inj(T, 'client', 'ACK', 1, 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'FIN-WAIT-1 | rcv FIN | our FIN not yet ACKed': {
    // Linux sends the bare ACK too; FreeBSD would resend its FIN with it.
    cases: (p) => [
      {
        label: 'simultaneous close',
        scenario: client(p, 'FIN_WAIT_1', { inject: [inj(T, 'client', 'FIN,ACK', 1, 1)] }),
        who: 'client',
        at: T,
        send: ['+0 . 2:2(0) ack 2'],
      },
    ],
  },
  'FIN-WAIT-1 | rcv FIN | our FIN ACKed (possibly in same segment)': {
    cases: (p) => [
      {
        label: 'FIN+ACK acknowledging our FIN',
        scenario: client(p, 'FIN_WAIT_1', { inject: [inj(T, 'client', 'FIN,ACK', 1, 2)] }),
        who: 'client',
        at: T,
        send: ['+0 . 2:2(0) ack 2'],
        also: expectTimeWaitStarted('client', p),
      },
    ],
  },
  'FIN-WAIT-1 | rcv RST | valid': {
    cases: (p) => [
      {
        label: 'RST at RCV.NXT',
        scenario: client(p, 'FIN_WAIT_1', { inject: [inj(T, 'client', 'RST', 1)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'FIN-WAIT-1 | retransmission timeout | ': {
    cases: (p) => [
      {
        label: 'the FIN again',
        scenario: client(p, 'FIN_WAIT_1'),
        who: 'client',
        at: retransmitAfter('client', 20),
        send: [{ dt: 0, flags: 'F.', seq: 1, ack: 1, len: 0, retransmission: true }],
        also: (_ran, at) => expect(at).toBe(20 + RTO_AFTER_HANDSHAKE[p]),
      },
    ],
  },

  // ---- FIN-WAIT-2 ----
  'FIN-WAIT-2 | rcv data | seg ok': {
    cases: (p) => [
      {
        label: 'after shutdown(SHUT_WR): the data is taken and ACKed',
        scenario: client(p, 'FIN_WAIT_2_SHUTDOWN', {
          inject: [inj(T, 'client', 'PSH,ACK', 1, 2, 10)],
        }),
        who: 'client',
        at: T,
        // Linux too ACKs at once: the first data a connection receives starts quick-ACK mode.
        send: ['+0 . 2:2(0) ack 11'],
      },
      p === 'linux'
        ? {
            label: 'after close(): nobody can read it',
            scenario: client(p, 'FIN_WAIT_2', { inject: [inj(T, 'client', 'PSH,ACK', 1, 2, 10)] }),
            who: 'client',
            at: T,
            send: ['+0 R 2:2(0)'],
            to: 'CLOSED',
            variant:
              'Linux resets a closed socket that receives new data (tcp_rcv_state_process, RFC 1122 4.2.2.13): RST with SEQ = SEG.ACK, and the connection is gone',
          }
        : {
            label: 'after close(): the RFC still takes the data',
            scenario: client(p, 'FIN_WAIT_2', { inject: [inj(T, 'client', 'PSH,ACK', 1, 2, 10)] }),
            who: 'client',
            at: T,
            send: ['+0 . 2:2(0) ack 11'],
          },
    ],
  },
  'FIN-WAIT-2 | rcv FIN | seg ok': {
    cases: (p) => [
      {
        label: "the peer's FIN",
        scenario: client(p, 'FIN_WAIT_2', { inject: [inj(T, 'client', 'FIN,ACK', 1, 2)] }),
        who: 'client',
        at: T,
        send: ['+0 . 2:2(0) ack 2'],
        also: expectTimeWaitStarted('client', p),
      },
    ],
  },
  'FIN-WAIT-2 | rcv RST | valid': {
    cases: (p) => [
      {
        label: 'RST at RCV.NXT',
        scenario: client(p, 'FIN_WAIT_2', { inject: [inj(T, 'client', 'RST', 1)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'FIN-WAIT-2 | (no RFC timer) | orphaned socket only': {
    cases: (p) =>
      p === 'linux'
        ? [
            {
              label: 'tcp_fin_timeout (60 s) ends an orphaned FIN_WAIT_2; a later segment gets RST',
              scenario: client(p, 'FIN_WAIT_2', {
                inject: [inj(30 + 60_000 + 10, 'client', 'ACK', 1, 2)],
              }),
              who: 'client',
              at: 30 + 60_000,
              send: [],
              also: (ran) => {
                expect(timerLog(ran.trace, 'client', 'fin-wait-2')).toEqual([
                  '30 set fin-wait-2→60030',
                  '60030 fire fin-wait-2',
                ]);
                expect(wire(ran, 'client', { from: 60_031, timed: true })).toEqual([
                  '60040 R 2:2(0)',
                ]);
              },
            },
            {
              label: 'after shutdown(SHUT_WR) the app still holds the socket: no timeout',
              scenario: client(p, 'FIN_WAIT_2_SHUTDOWN'),
              who: 'client',
              at: 30 + 600_000,
              send: [],
              to: 'FIN_WAIT_2',
              variant: 'the row is for orphaned sockets only; a socket the app still holds waits',
            },
          ]
        : [
            {
              label: 'an orphaned FIN_WAIT_2 still waits 10 minutes later',
              scenario: client(p, 'FIN_WAIT_2'),
              who: 'client',
              at: 30 + 600_000,
              send: [],
              to: 'FIN_WAIT_2',
              variant:
                "RFC 9293 has no FIN-WAIT-2 timer: the rfc9293 profile waits for the peer's FIN forever",
              also: (ran) => expect(timerLog(ran.trace, 'client', 'fin-wait-2')).toEqual([]),
            },
          ],
  },

  // ---- CLOSE-WAIT ----
  'CLOSE-WAIT | user SEND | ': {
    cases: (p) => [
      {
        label: "data after the peer's FIN",
        scenario: client(p, 'CLOSE_WAIT', { actions: [act(T, 'client', 'send', 5)] }),
        who: 'client',
        at: T,
        send: ['+0 P. 1:6(5) ack 2'],
      },
    ],
  },
  'CLOSE-WAIT | user CLOSE | ': {
    cases: (p) => [
      {
        label: 'our FIN',
        scenario: client(p, 'CLOSE_WAIT', { actions: [act(T, 'client', 'close')] }),
        who: 'client',
        at: T,
        send: ['+0 F. 1:1(0) ack 2'],
      },
    ],
  },
  'CLOSE-WAIT | rcv FIN | seg ok': {
    cases: (p) => [
      {
        label: "the peer's FIN again: ACK of RCV.NXT",
        scenario: client(p, 'CLOSE_WAIT', { inject: [inj(T, 'client', 'FIN,ACK', 1, 1)] }),
        who: 'client',
        at: T,
        send: ['+0 . 1:1(0) ack 2'],
      },
    ],
  },
  'CLOSE-WAIT | rcv RST | valid': {
    cases: (p) => [
      {
        label:
          p === 'linux'
            ? 'RST at RCV.NXT; the next call fails with EPIPE'
            : 'RST at RCV.NXT; the next call fails with ECONNRESET',
        scenario: client(p, 'CLOSE_WAIT', {
          inject: [inj(T, 'client', 'RST', 2)],
          actions: [act(T + 10, 'client', 'send', 5)],
        }),
        who: 'client',
        at: T,
        send: [],
        // Linux's tcp_reset leaves EPIPE in CLOSE_WAIT (the peer had closed already).
        results: ['connect:ok', p === 'linux' ? 'send:EPIPE' : 'send:ECONNRESET'],
      },
    ],
  },

  // ---- CLOSING ----
  'CLOSING | rcv ACK | acks our FIN': {
    cases: (p) => [
      {
        label: 'the ACK of our FIN',
        scenario: client(p, 'CLOSING', { inject: [inj(T, 'client', 'ACK', 2, 2)] }),
        who: 'client',
        at: T,
        send: [],
        also: expectTimeWaitStarted('client', p),
      },
    ],
  },
  'CLOSING | rcv ACK | does not ack our FIN': {
    cases: (p) => [
      {
        label: 'an old ACK',
        scenario: client(p, 'CLOSING', { inject: [inj(T, 'client', 'ACK', 2, 1)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'CLOSING | rcv RST | valid': {
    cases: (p) => [
      {
        label: 'RST at RCV.NXT',
        scenario: client(p, 'CLOSING', { inject: [inj(T, 'client', 'RST', 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },

  // ---- LAST-ACK ----
  'LAST-ACK | rcv ACK | acks our FIN': {
    cases: (p) => [
      {
        label: 'the ACK of our FIN',
        scenario: client(p, 'LAST_ACK', { inject: [inj(T, 'client', 'ACK', 2, 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'LAST-ACK | rcv RST | valid': {
    cases: (p) => [
      {
        label: 'RST at RCV.NXT',
        scenario: client(p, 'LAST_ACK', { inject: [inj(T, 'client', 'RST', 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'LAST-ACK | retransmission timeout | ': {
    cases: (p) => [
      {
        label: 'the FIN again',
        scenario: client(p, 'LAST_ACK'),
        who: 'client',
        at: retransmitAfter('client', 30),
        send: [{ dt: 0, flags: 'F.', seq: 1, ack: 2, len: 0, retransmission: true }],
        also: (_ran, at) => expect(at).toBe(30 + RTO_AFTER_HANDSHAKE[p]),
      },
    ],
  },

  // ---- TIME-WAIT ----
  'TIME-WAIT | rcv FIN (retransmission of remote FIN) | ': {
    cases: (p) => [
      {
        label: 'ACK, and 2·MSL starts again (Linux: 60 s)',
        scenario: client(p, 'TIME_WAIT', { inject: [inj(T, 'client', 'FIN,ACK', 1, 2)] }),
        who: 'client',
        at: T,
        send: ['+0 . 2:2(0) ack 2'],
        also: expectTimeWaitStarted('client', p),
      },
    ],
  },
  'TIME-WAIT | 2MSL timeout (MSL = 2 min) | ': {
    // Linux: a fixed 60 s (TCP_TIMEWAIT_LEN), the linux profile's 2·MSL.
    cases: (p) => [
      {
        label: p === 'linux' ? '60 s after TIME_WAIT began' : '4 minutes after TIME_WAIT began',
        scenario: client(p, 'TIME_WAIT'),
        who: 'client',
        at: (ran) => timerFires(ran.trace, 'client', 'time-wait')[0] ?? NaN,
        send: [],
        also: (_ran, at) => expect(at).toBe(40 + (p === 'linux' ? 60_000 : 240_000)),
      },
    ],
  },
  'TIME-WAIT | rcv RST | valid': {
    // Linux's default tcp_rfc1337 = 0 lets the RST end TIME_WAIT, as RFC 9293 says.
    cases: (p) => [
      {
        label: 'RST at RCV.NXT',
        scenario: client(p, 'TIME_WAIT', { inject: [inj(T, 'client', 'RST', 2)] }),
        who: 'client',
        at: T,
        send: [],
      },
    ],
  },
  'TIME-WAIT | rcv SYN | new SYN; ISN chosen > old SND.NXT; MAY': {
    cases: (p) => [
      {
        label: 'a listening endpoint takes a SYN above RCV.NXT as a new incarnation',
        scenario: server(p, 'TIME_WAIT', { inject: [inj(T, 'server', 'SYN', 100_000)] }),
        who: 'server',
        at: T,
        // Numbered from the new incarnation's ISN (our numbering follows each SYN we send).
        send: ['+0 S. 0:0(0) ack 100001'],
        also: (ran) => {
          const syns = sentBy(ran, 'server').filter((s) => s.flags === 'S.');
          const oldSndNxt = 5000 + 2;
          const newIss = syns[1]?.seqAbs ?? NaN;
          // RFC 6191: the new ISN must lie beyond the old connection's SND.NXT. Linux picks old
          // SND.NXT + 65537 (tcp_timewait_state_process()); the RFC profile takes the ISN clock,
          // which here gives 5000 + 250 × 90 ms.
          expect(newIss - oldSndNxt).toBeGreaterThan(0);
          expect(newIss).toBe(p === 'linux' ? oldSndNxt + 65537 : 5000 + 250 * (T - 10));
        },
      },
    ],
  },

  // ---- any state ----
  'ANY | user ABORT | ': {
    cases: (p) => {
      const linux = p === 'linux';
      // RST <SEQ=SND.NXT>; Linux's abort (SO_LINGER {1, 0} + close()) sets ACK with RCV.NXT.
      const rst = (seq: number, ack: number): string =>
        linux ? `+0 R. ${seq}:${seq}(0) ack ${ack}` : `+0 R ${seq}:${seq}(0)`;
      const abortAt = (who: Side): Partial<Setup> => ({ actions: [act(T, who, 'abort')] });
      const c = (label: string, state: string, from: TcpState, send: Expected[]): Case => ({
        label,
        scenario: client(p, state, abortAt('client')),
        who: 'client',
        at: T,
        from,
        send,
        to: 'CLOSED',
      });
      return [
        c('SYN_RCVD (simultaneous open)', 'SYN_RCVD', 'SYN_RCVD', [rst(1, 1)]),
        c('ESTABLISHED', 'ESTABLISHED', 'ESTABLISHED', [rst(1, 1)]),
        c('FIN_WAIT_1', 'FIN_WAIT_1_SHUTDOWN', 'FIN_WAIT_1', [rst(2, 1)]),
        c('FIN_WAIT_2', 'FIN_WAIT_2_SHUTDOWN', 'FIN_WAIT_2', [rst(2, 1)]),
        c('CLOSE_WAIT', 'CLOSE_WAIT', 'CLOSE_WAIT', [rst(1, 2)]),
        c('SYN_SENT: nothing to reset', 'SYN_SENT', 'SYN_SENT', []),
        c('CLOSING: nothing', 'CLOSING_SHUTDOWN', 'CLOSING', []),
        c('LAST_ACK: nothing', 'LAST_ACK_SHUTDOWN', 'LAST_ACK', []),
        c('TIME_WAIT: nothing', 'TIME_WAIT_SHUTDOWN', 'TIME_WAIT', []),
        {
          label: 'LISTEN: nothing',
          scenario: server(p, 'LISTEN', {
            actions: [{ ...act(T, 'server', 'abort'), socket: 'listener' }],
          }),
          who: 'server',
          at: T,
          from: 'LISTEN',
          send: [],
          to: 'CLOSED',
        },
      ];
    },
  },
  'ANY | user timeout | ': {
    // The engine's user timeout is R2 of RFC 9293 3.8.3 (Linux: tcp_retries2, here dataRetries):
    // when retransmissions run out, the connection is dropped without a RST and the app's next
    // call fails with ETIMEDOUT.
    cases: (p) => [
      {
        label: 'ESTABLISHED with unacknowledged data, two retries',
        scenario: client(
          p,
          'ESTABLISHED',
          { actions: [act(T, 'client', 'send', 10), act(1_000_000, 'client', 'send', 10)] },
          { timers: { dataRetries: 2 } },
        ),
        who: 'client',
        at: (ran) => timerFires(ran.trace, 'client', 'retransmit').at(-1) ?? NaN,
        from: 'ESTABLISHED',
        send: [],
        results: ['connect:ok', 'send:ok', 'send:ETIMEDOUT'],
        also: (ran) =>
          expect(sentBy(ran, 'client').filter((s) => s.retransmission)).toHaveLength(2),
      },
    ],
  },
};

// ---- running the cases ----

function check(row: Row, c: Case): void {
  const ran = run(c.scenario);
  const at = typeof c.at === 'number' ? c.at : c.at(ran);
  const end = at + (c.window ?? 0);
  const from = csvState(row.from_state) ?? c.from;
  if (from === undefined)
    throw new Error(`${c.label}: the row is for any state, so the case must name it`);
  if (c.from !== undefined && csvState(row.from_state) !== null) expect(c.from, 'from').toBe(from);
  expect(
    rfcState(ran.trace, c.who, at, stateBefore),
    `${c.who}'s state before the event at ${at} ms`,
  ).toBe(from);

  const sent = sentBy(ran, c.who, { from: at, to: end });
  const shown = sent.map((s) => `+${s.t - at} ${pd(s)}`);
  expect(sent.length, `segments sent: ${JSON.stringify(shown)}`).toBe(c.send.length);
  c.send.forEach((want, i) => {
    const got = sent[i];
    if (got === undefined) return; // the length check above failed already
    if (typeof want === 'string') expect(shown[i], `segment ${i + 1}`).toBe(want);
    else expect({ ...got, dt: got.t - at }, `segment ${i + 1}: ${shown[i]}`).toMatchObject(want);
  });

  const csvTo = csvState(row.to_state) ?? from;
  const to = c.to ?? csvTo;
  expect(rfcState(ran.trace, c.who, end), `${c.who}'s state at ${end} ms`).toBe(to);
  if (c.results !== undefined) {
    // The RFC's single TCB: the server's calls include its listener's.
    const calls =
      c.who === 'server'
        ? results(ran.trace).filter((_, i) => appWho(ran, i) !== 'client')
        : results(ran.trace, c.who);
    expect(calls).toEqual(c.results);
  }
  c.also?.(ran, at);

  // The case must agree with the row unless it says why not.
  if (c.variant === undefined) {
    expect(to, `to_state column "${row.to_state}"`).toBe(csvTo);
    if (row.send.startsWith('-')) expect(c.send, `send column "${row.send}"`).toEqual([]);
  }
}

const rows = RFC_ROWS;
const PROFILES: readonly ProfileName[] = ['rfc9293', 'linux'];

describe('RFC 9293 transition table', () => {
  it('every row has an entry, and every entry a row', () => {
    const keys = rows.map(keyOf);
    expect(keys.length).toBeGreaterThan(50);
    expect(new Set(keys).size, 'rows are told apart by from_state, event and condition').toBe(
      keys.length,
    );
    expect(
      keys.filter((k) => !(k in TABLE)),
      'rows without a case',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((k) => !keys.includes(k)),
      'cases without a row',
    ).toEqual([]);
  });

  it('leaves few rows not applicable, each with a reason', () => {
    const na = rows.flatMap((r) => {
      const entry = TABLE[keyOf(r)];
      return entry !== undefined && 'na' in entry
        ? [`line ${r.line} ${keyOf(r)}: ${entry.na}`]
        : [];
    });
    console.info(`transition rows not applicable (${na.length}):\n  ${na.join('\n  ')}`);
    expect(na.length).toBeLessThanOrEqual(3);
  });

  for (const row of rows) {
    const entry = TABLE[keyOf(row)];
    for (const profile of PROFILES) {
      const title = `line ${row.line} [${profile}] ${row.from_state} / ${row.event}${row.condition === '' ? '' : ` / ${row.condition}`} → ${row.to_state}`;
      if (entry === undefined) {
        it(title, () => expect.fail('no case for this row'));
      } else if ('na' in entry) {
        it(`${title}: not applicable (${entry.na})`, () =>
          expect(entry.na.length).toBeGreaterThan(10));
      } else {
        it(title, () => {
          const cases = entry.cases(profile);
          expect(cases.length).toBeGreaterThan(0);
          if (!row.send.startsWith('-')) {
            expect(
              cases.some((c) => c.send.length > 0),
              `the send column "${row.send}" wants a segment`,
            ).toBe(true);
          }
          for (const c of cases) {
            try {
              check(row, c);
            } catch (error) {
              if (error instanceof Error) error.message = `[${c.label}] ${error.message}`;
              throw error;
            }
          }
        });
      }
    }
  }
});
