// Hand-written version-2 traces (CONTRACT.md section 0), for the lab model's and the diagram's
// tests to rely on whatever the engine of the day prints: the server's listening socket as a
// socket of its own (`who: "listener"`), a new server socket per connection, accept(), `why` on
// every decision, and the newer events (EADDRNOTAVAIL, the tail loss probe, PAWS, discards).
// Each step is one cause, as the engine's `onCause` would cut it.

import { why, type RuleId } from '../engine/rules';
import type {
  AppCall,
  AppResult,
  DeliverEvent,
  Flag,
  FinalStates,
  Scenario,
  SendEvent,
  SendReason,
  Side,
  SocketOwner,
  TcpState,
  TimerEvent,
  TraceEvent,
} from '../engine/types';
import type { Run } from '../lab/types';

const app = (
  t: number,
  who: SocketOwner,
  call: AppCall,
  result: AppResult = 'ok',
  rule?: RuleId,
): TraceEvent => ({ t, type: 'app', who, call, result, ...(rule ? { why: why(rule) } : {}) });

const state = (
  t: number,
  who: SocketOwner,
  from: TcpState,
  to: TcpState,
  rule: RuleId,
): TraceEvent => ({ t, type: 'state', who, from, to, why: why(rule) });

const send = (
  t: number,
  id: number,
  who: Side,
  flags: Flag[],
  seq: number,
  ack: number,
  len: number,
  reason: SendReason,
  rule: RuleId,
  extra: Partial<SendEvent> = {},
): TraceEvent => ({
  t,
  type: 'send',
  id,
  who,
  flags,
  seq,
  ack,
  len,
  window: 65535,
  retransmission: false,
  reason,
  why: why(rule),
  ...extra,
});

const deliver = (t: number, id: number, extra: Partial<DeliverEvent> = {}): TraceEvent => ({
  t,
  type: 'deliver',
  id,
  ...extra,
});

const drop = (t: number, id: number): TraceEvent => ({
  t,
  type: 'drop',
  id,
  reason: 'fault',
  why: why('fault'),
});

const timer = (
  t: number,
  who: Side,
  name: TimerEvent['timer'],
  action: TimerEvent['action'],
  rule: RuleId,
  due?: number,
): TraceEvent => ({
  t,
  type: 'timer',
  who,
  timer: name,
  action,
  why: why(rule),
  ...(due === undefined ? {} : { due }),
});

/** A run from its steps (one array of events per cause). */
export function runOfSteps(
  scenario: Scenario,
  steps: readonly (readonly TraceEvent[])[],
  final: FinalStates,
): Run {
  const events: TraceEvent[] = [];
  const causeStarts: number[] = [];
  for (const step of steps) {
    causeStarts.push(events.length);
    events.push(...step);
  }
  return { scenario, events, causeStarts, final };
}

const ts = (tsval: number, tsecr: number) => ({
  options: [{ kind: 'timestamps' as const, tsval, tsecr }],
});

/**
 * Two connections through one listener: the client closes the first (TIME_WAIT), the server's
 * socket for it ends (CLOSED, while the listener stays in LISTEN), the client takes its port pair
 * over from TIME_WAIT (Linux, timestamps), the listener makes a second socket, and the server
 * finally closes its listening socket.
 */
export const twoConnections: Run = runOfSteps(
  {
    profile: 'linux',
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 100, who: 'client', do: 'connect' },
      { at: 200, who: 'client', do: 'close' },
      { at: 300, who: 'server', do: 'close' },
      { at: 400, who: 'client', do: 'connect', reuse: true },
      { at: 500, who: 'server', do: 'close', socket: 'listener' },
    ],
  },
  [
    // 1: listen()
    [app(0, 'listener', 'listen'), state(0, 'listener', 'CLOSED', 'LISTEN', 'listen')],
    // 2: connect()
    [
      state(100, 'client', 'CLOSED', 'SYN_SENT', 'active-open'),
      send(100, 1, 'client', ['SYN'], 1000, 0, 0, 'active-open', 'active-open'),
      timer(100, 'client', 'retransmit', 'set', 'rto', 1100),
    ],
    // 3: the SYN reaches the listener, which makes the connection's socket
    [
      deliver(101, 1),
      state(101, 'server', 'LISTEN', 'SYN_RCVD', 'syn-to-listener'),
      send(101, 2, 'server', ['SYN', 'ACK'], 5000, 1001, 0, 'passive-open', 'syn-to-listener'),
      timer(101, 'server', 'retransmit', 'set', 'rto', 1101),
    ],
    // 4: the SYN+ACK: connect() returns
    [
      deliver(102, 2),
      timer(102, 'client', 'retransmit', 'cancel', 'all-acked'),
      state(102, 'client', 'SYN_SENT', 'ESTABLISHED', 'syn-ack-received'),
      app(102, 'client', 'connect'),
      send(102, 3, 'client', ['ACK'], 1001, 5001, 0, 'handshake-ack', 'syn-ack-received'),
    ],
    // 5: the third segment: accept() returns
    [
      deliver(103, 3),
      timer(103, 'server', 'retransmit', 'cancel', 'all-acked'),
      state(103, 'server', 'SYN_RCVD', 'ESTABLISHED', 'handshake-ack'),
      app(103, 'server', 'accept', 'ok', 'accept'),
    ],
    // 6: the client closes first
    [
      app(200, 'client', 'close'),
      state(200, 'client', 'ESTABLISHED', 'FIN_WAIT_1', 'close-call'),
      send(200, 4, 'client', ['FIN', 'ACK'], 1001, 5001, 0, 'fin', 'close-call'),
      timer(200, 'client', 'retransmit', 'set', 'rto', 1200),
    ],
    // 7
    [
      deliver(201, 4),
      state(201, 'server', 'ESTABLISHED', 'CLOSE_WAIT', 'fin-received'),
      send(201, 5, 'server', ['ACK'], 5001, 1002, 0, 'ack', 'ack-at-once'),
    ],
    // 8
    [
      deliver(202, 5),
      timer(202, 'client', 'retransmit', 'cancel', 'all-acked'),
      state(202, 'client', 'FIN_WAIT_1', 'FIN_WAIT_2', 'fin-acked'),
    ],
    // 9: the server closes its connection (not its listener)
    [
      app(300, 'server', 'close'),
      state(300, 'server', 'CLOSE_WAIT', 'LAST_ACK', 'passive-close'),
      send(300, 6, 'server', ['FIN', 'ACK'], 5001, 1002, 0, 'fin', 'passive-close'),
      timer(300, 'server', 'retransmit', 'set', 'rto', 1300),
    ],
    // 10
    [
      deliver(301, 6),
      send(301, 7, 'client', ['ACK'], 1002, 5002, 0, 'ack', 'fin-received'),
      state(301, 'client', 'FIN_WAIT_2', 'TIME_WAIT', 'fin-received'),
      timer(301, 'client', 'time-wait', 'set', 'linux-time-wait', 60_301),
    ],
    // 11: the server's connection is gone; the listener listens on
    [
      deliver(302, 7),
      timer(302, 'server', 'retransmit', 'cancel', 'all-acked'),
      state(302, 'server', 'LAST_ACK', 'CLOSED', 'fin-acked'),
    ],
    // 12: the client takes its port pair over from TIME_WAIT
    [
      timer(400, 'client', 'time-wait', 'cancel', 'time-wait-takeover'),
      state(400, 'client', 'TIME_WAIT', 'CLOSED', 'time-wait-takeover'),
      state(400, 'client', 'CLOSED', 'SYN_SENT', 'active-open'),
      send(400, 8, 'client', ['SYN'], 66_539, 0, 0, 'active-open', 'active-open', ts(400, 0)),
      timer(400, 'client', 'retransmit', 'set', 'rto', 1400),
    ],
    // 13: a second socket from the listener
    [
      deliver(401, 8),
      state(401, 'server', 'LISTEN', 'SYN_RCVD', 'syn-to-listener'),
      send(401, 9, 'server', ['SYN', 'ACK'], 9000, 66_540, 0, 'passive-open', 'syn-to-listener'),
      timer(401, 'server', 'retransmit', 'set', 'rto', 1401),
    ],
    // 14
    [
      deliver(402, 9),
      timer(402, 'client', 'retransmit', 'cancel', 'all-acked'),
      state(402, 'client', 'SYN_SENT', 'ESTABLISHED', 'syn-ack-received'),
      app(402, 'client', 'connect'),
      send(402, 10, 'client', ['ACK'], 66_540, 9001, 0, 'handshake-ack', 'syn-ack-received'),
    ],
    // 15
    [
      deliver(403, 10),
      timer(403, 'server', 'retransmit', 'cancel', 'all-acked'),
      state(403, 'server', 'SYN_RCVD', 'ESTABLISHED', 'handshake-ack'),
      app(403, 'server', 'accept', 'ok', 'accept'),
    ],
    // 16: the server closes its listening socket; the accepted connection carries on
    [app(500, 'listener', 'close'), state(500, 'listener', 'LISTEN', 'CLOSED', 'listener-close')],
  ],
  { client: 'ESTABLISHED', server: 'ESTABLISHED', listener: 'CLOSED' },
);

/**
 * The newer events, one after the other: a connect refused with EADDRNOTAVAIL, a lost third
 * segment, data that completes the handshake, a tail loss probe, a copy discarded as out of the
 * window, a copy PAWS discards, RSTs that cross and find no connection, and the listener closed
 * while a connection is still in its handshake.
 */
export const newerEvents: Run = runOfSteps(
  {
    profile: 'linux',
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 5, who: 'client', do: 'connect' },
      { at: 10, who: 'client', do: 'connect' },
      { at: 20, who: 'client', do: 'send', bytes: 10 },
      { at: 55, who: 'client', do: 'abort' },
      { at: 55, who: 'server', do: 'abort' },
      { at: 60, who: 'client', do: 'connect' },
      { at: 70, who: 'server', do: 'close', socket: 'listener' },
    ],
  },
  [
    // 1
    [app(0, 'listener', 'listen'), state(0, 'listener', 'CLOSED', 'LISTEN', 'listen')],
    // 2: refused: the four-tuple is still taken
    [app(5, 'client', 'connect', 'EADDRNOTAVAIL', 'four-tuple-in-use')],
    // 3
    [
      state(10, 'client', 'CLOSED', 'SYN_SENT', 'active-open'),
      send(10, 1, 'client', ['SYN'], 1000, 0, 0, 'active-open', 'active-open', ts(10, 0)),
      timer(10, 'client', 'retransmit', 'set', 'rto', 1010),
    ],
    // 4
    [
      deliver(11, 1),
      state(11, 'server', 'LISTEN', 'SYN_RCVD', 'syn-to-listener'),
      send(11, 2, 'server', ['SYN', 'ACK'], 5000, 1001, 0, 'passive-open', 'syn-to-listener'),
      timer(11, 'server', 'retransmit', 'set', 'rto-linux', 1011),
    ],
    // 5
    [
      deliver(12, 2),
      timer(12, 'client', 'retransmit', 'cancel', 'all-acked'),
      state(12, 'client', 'SYN_SENT', 'ESTABLISHED', 'syn-ack-received'),
      app(12, 'client', 'connect'),
      send(12, 3, 'client', ['ACK'], 1001, 5001, 0, 'handshake-ack', 'syn-ack-received'),
    ],
    // 6: the third segment is lost
    [drop(13, 3)],
    // 7: data, and the probe's timer
    [
      app(20, 'client', 'send'),
      send(20, 4, 'client', ['ACK', 'PSH'], 1001, 5001, 10, 'data', 'send-data', ts(20, 11)),
      timer(20, 'client', 'loss-probe', 'set', 'loss-probe', 30),
    ],
    // 8: the data's ACK completes the handshake
    [
      deliver(21, 4),
      timer(21, 'server', 'retransmit', 'cancel', 'all-acked'),
      state(21, 'server', 'SYN_RCVD', 'ESTABLISHED', 'handshake-ack'),
      app(21, 'server', 'accept', 'ok', 'accept'),
      send(21, 5, 'server', ['ACK'], 5001, 1011, 0, 'ack', 'ack-at-once'),
    ],
    // 9: its ACK is lost, so the probe fires
    [drop(22, 5)],
    // 10
    [
      timer(30, 'client', 'loss-probe', 'fire', 'loss-probe-sent'),
      send(30, 6, 'client', ['ACK', 'PSH'], 1001, 5001, 10, 'loss-probe', 'loss-probe-sent', {
        retransmission: true,
      }),
      timer(30, 'client', 'retransmit', 'set', 'rto-linux', 230),
    ],
    // 11: the probe is old news to the server: below its window, answered with its numbers
    [
      deliver(31, 6, { discarded: 'out-of-window', why: why('out-of-window') }),
      send(31, 7, 'server', ['ACK'], 5001, 1011, 0, 'dup-ack', 'out-of-window'),
    ],
    // 12
    [deliver(32, 7), timer(32, 'client', 'retransmit', 'cancel', 'all-acked')],
    // 13: a late copy of the data with an older timestamp: PAWS
    [
      deliver(40, 4, { duplicate: true, discarded: 'paws', why: why('paws') }),
      send(40, 8, 'server', ['ACK'], 5001, 1011, 0, 'paws-ack', 'paws'),
    ],
    // 14
    [deliver(41, 8)],
    // 15: both abort at once
    [
      app(55, 'client', 'abort'),
      state(55, 'client', 'ESTABLISHED', 'CLOSED', 'abort-call'),
      send(55, 9, 'client', ['RST', 'ACK'], 1011, 5001, 0, 'abort', 'abort-call'),
    ],
    // 16
    [
      app(55, 'server', 'abort'),
      state(55, 'server', 'ESTABLISHED', 'CLOSED', 'abort-call'),
      send(55, 10, 'server', ['RST', 'ACK'], 5001, 1011, 0, 'abort', 'abort-call'),
    ],
    // 17, 18: each RST finds no connection, and nobody answers a RST
    [deliver(56, 9, { discarded: 'no-connection', why: why('no-connection') })],
    [deliver(56, 10, { discarded: 'no-connection', why: why('no-connection') })],
    // 19
    [
      state(60, 'client', 'CLOSED', 'SYN_SENT', 'active-open'),
      send(60, 11, 'client', ['SYN'], 3000, 0, 0, 'active-open', 'active-open'),
      timer(60, 'client', 'retransmit', 'set', 'rto', 1060),
    ],
    // 20
    [
      deliver(61, 11),
      state(61, 'server', 'LISTEN', 'SYN_RCVD', 'syn-to-listener'),
      send(61, 12, 'server', ['SYN', 'ACK'], 7000, 3001, 0, 'passive-open', 'syn-to-listener'),
      timer(61, 'server', 'retransmit', 'set', 'rto-linux', 1061),
    ],
    // 21
    [drop(62, 12)],
    // 22: the listener closes, taking the connection in its handshake with it
    [
      app(70, 'listener', 'close'),
      state(70, 'listener', 'LISTEN', 'CLOSED', 'listener-close'),
      timer(70, 'server', 'retransmit', 'cancel', 'listener-drops-embryonic'),
      state(70, 'server', 'SYN_RCVD', 'CLOSED', 'listener-drops-embryonic'),
    ],
  ],
  { client: 'SYN_SENT', server: 'CLOSED', listener: 'CLOSED' },
);

/** A connection the listener made, reset during its handshake: only its socket goes. */
export const resetInHandshake: Run = runOfSteps(
  {
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 10, who: 'client', do: 'connect' },
    ],
    inject: [{ at: 20, to: 'server', flags: 'RST', seq: 1 }],
  },
  [
    [app(0, 'listener', 'listen'), state(0, 'listener', 'CLOSED', 'LISTEN', 'listen')],
    [
      state(10, 'client', 'CLOSED', 'SYN_SENT', 'active-open'),
      send(10, 1, 'client', ['SYN'], 1000, 0, 0, 'active-open', 'active-open'),
    ],
    [
      deliver(11, 1),
      state(11, 'server', 'LISTEN', 'SYN_RCVD', 'syn-to-listener'),
      send(11, 2, 'server', ['SYN', 'ACK'], 5000, 1001, 0, 'passive-open', 'syn-to-listener'),
    ],
    // A RST from the client's port (sent and delivered in one step) while the SYN+ACK flies.
    [
      send(20, 3, 'client', ['RST'], 1001, 0, 0, 'rst-closed', 'rst-closed'),
      deliver(20, 3),
      state(20, 'server', 'SYN_RCVD', 'CLOSED', 'rst-embryonic'),
    ],
  ],
  { client: 'SYN_SENT', server: 'CLOSED', listener: 'LISTEN' },
);
