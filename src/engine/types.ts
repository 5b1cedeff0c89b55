// Plain data shared by the engine, the worker, the runner and the page. The shapes follow
// CONTRACT.md sections 1 (scenario) and 2 (trace); fields marked "extension" are ours.
import type { FLAGS } from './wire/flags';

export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RCVD',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

export const SIDES = ['client', 'server'] as const;
export type Side = (typeof SIDES)[number];

/** The other endpoint. */
export const peerOf = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** A flag a trace's segment carries (the table: ./wire/flags.ts). */
export type Flag = (typeof FLAGS)[number];

export const PROFILES = ['rfc9293', 'linux'] as const;
export type ProfileName = (typeof PROFILES)[number];

export const ACTION_KINDS = ['listen', 'connect', 'send', 'shutdown', 'close', 'abort'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const APP_RESULTS = [
  'ok',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EADDRINUSE',
  'EPIPE',
] as const;
export type AppResult = (typeof APP_RESULTS)[number];

export interface EndpointConfig {
  port?: number;
  isn?: number;
  /** Extension: the app closes its socket as soon as it reads the peer's FIN (a typical server). */
  closeOnEof?: boolean;
  /** Extension: no TCP stack; segments sent to it are absorbed, as packetdrill's harness does. */
  scripted?: boolean;
}

export interface NetworkConfig {
  delayMs?: number;
  lossRate?: number;
}

export interface TimerConfig {
  mslMs?: number;
  rtoInitialMs?: number;
  rtoMinMs?: number;
  delayedAckMs?: number;
  /** Extensions. */
  rtoMaxMs?: number;
  finWait2Ms?: number;
  synRetries?: number;
  synAckRetries?: number;
  dataRetries?: number;
}

export interface WhatIf {
  noTimeWait?: boolean;
  twoWayHandshake?: boolean;
}

export interface Action {
  at: number;
  who: Side;
  do: ActionKind;
  bytes?: number;
  reuse?: boolean;
}

export type FaultFate = 'drop' | 'duplicate' | { delayMs: number };

export interface Fault {
  who: Side;
  flags: string;
  nth: number;
  after?: number;
  fate: FaultFate;
}

export interface Injection {
  at: number;
  to: Side;
  flags: string;
  seq: number;
  ack?: number;
  len?: number;
  /** Extension: the advertised window (default 65535). */
  window?: number;
}

export interface Scenario {
  title?: string;
  /** Extension: a longer description for lessons. */
  description?: string;
  profile?: ProfileName;
  seed?: number;
  client?: EndpointConfig;
  server?: EndpointConfig;
  network?: NetworkConfig;
  timers?: TimerConfig;
  whatIf?: WhatIf;
  actions: Action[];
  faults?: Fault[];
  inject?: Injection[];
  until?: number;
}

// ---- Trace ----

/** Why an endpoint sent a segment (extension: lets the page explain each arrow). */
export type SendReason =
  | 'active-open'
  | 'passive-open'
  | 'simultaneous-open'
  | 'handshake-ack'
  | 'data'
  | 'ack'
  | 'delayed-ack'
  | 'fin'
  | 'retransmit'
  | 'dup-ack'
  | 'challenge-ack'
  | 'rst-closed'
  | 'rst-listen'
  | 'rst-bad-ack'
  | 'rst-orphan-data'
  | 'rst-syn-in-window'
  | 'abort'
  | 'injected';

export interface AppEvent {
  t: number;
  type: 'app';
  who: Side;
  call: ActionKind;
  result: AppResult;
}

export interface StateEvent {
  t: number;
  type: 'state';
  who: Side;
  from: TcpState;
  to: TcpState;
}

export interface SendEvent {
  t: number;
  type: 'send';
  id: number;
  who: Side;
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
  window: number;
  retransmission: boolean;
  injected?: true;
  /** Extension. */
  reason: SendReason;
}

export interface DeliverEvent {
  t: number;
  type: 'deliver';
  id: number;
  /** Extension: the second copy of a duplicated segment. */
  duplicate?: true;
  /** Extension: delivered late by a delay fault. */
  delayedMs?: number;
}

export interface DropEvent {
  t: number;
  type: 'drop';
  id: number;
  reason: 'fault' | 'loss';
}

export type TimerName = 'retransmit' | 'time-wait' | 'fin-wait-2' | 'delayed-ack';

export interface TimerEvent {
  t: number;
  type: 'timer';
  who: Side;
  timer: TimerName;
  action: 'set' | 'cancel' | 'fire';
  due?: number;
}

export type TraceEvent = AppEvent | StateEvent | SendEvent | DeliverEvent | DropEvent | TimerEvent;

export type FinalStates = Record<Side, TcpState>;

export interface Trace {
  events: TraceEvent[];
  final: FinalStates;
}
