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

/**
 * Whose socket a state or app event is about: an endpoint's connection, or the server's
 * listening socket (CONTRACT.md section 0.1), which has a life of its own.
 */
export const SOCKETS = ['client', 'server', 'listener'] as const;
export type SocketOwner = (typeof SOCKETS)[number];

/** A flag a trace's segment carries (the table: ./wire/flags.ts). */
export type Flag = (typeof FLAGS)[number];

export const PROFILES = ['rfc9293', 'linux'] as const;
export type ProfileName = (typeof PROFILES)[number];

export const ACTION_KINDS = ['listen', 'connect', 'send', 'shutdown', 'close', 'abort'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The calls an app event names: the actions, and accept() that the server always waits in. */
export type AppCall = ActionKind | 'accept';

export const APP_RESULTS = [
  'ok',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'EPIPE',
] as const;
export type AppResult = (typeof APP_RESULTS)[number];

/** What an `after` action waits for, on its own side (CONTRACT.md section 0.4). */
export const AFTER_EVENTS = ['connected', 'accepted', 'acked', 'eof'] as const;
export type AfterEvent = (typeof AFTER_EVENTS)[number];

/**
 * The options a side puts in its SYN or SYN+ACK (CONTRACT.md section 0.3): each overrides the
 * profile's default. `mss: false` or `windowScale: false` leaves that option out.
 */
export interface OptionsConfig {
  mss?: number | false;
  sackPermitted?: boolean;
  timestamps?: boolean;
  windowScale?: number | false;
}

/** A TCP option as the trace carries it, in the order a segment carries them. */
export type TcpOption =
  | { kind: 'mss'; value: number }
  | { kind: 'sackPermitted' }
  | { kind: 'timestamps'; tsval: number; tsecr: number }
  | { kind: 'windowScale'; shift: number };

/** Kernel settings by their Linux names (CONTRACT.md section 0.7; `linux` profile only). */
export const SYSCTL_NAMES = [
  'tcp_syn_retries',
  'tcp_synack_retries',
  'tcp_syn_linear_timeouts',
  'tcp_retries2',
  'tcp_fin_timeout',
  'tcp_timestamps',
  'tcp_sack',
  'tcp_window_scaling',
  'tcp_rfc1337',
  'tcp_tw_reuse',
] as const;
export type SysctlName = (typeof SYSCTL_NAMES)[number];
export type Sysctl = Partial<Record<SysctlName, number>>;

export interface EndpointConfig {
  port?: number;
  isn?: number;
  /** Extension: the app closes its socket as soon as it reads the peer's FIN (a typical server). */
  closeOnEof?: boolean;
  /** Extension: no TCP stack; segments sent to it are absorbed, as packetdrill's harness does. */
  scripted?: boolean;
  options?: OptionsConfig;
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
  /** connect() takes a 4-tuple from TIME_WAIT with none of the protections real stacks demand. */
  reuseTimeWait?: boolean;
}

/** An app call: at a time (`at`) or once an event of its side happened (`after`, `delayMs`). */
export interface Action {
  at?: number;
  after?: AfterEvent;
  delayMs?: number;
  who: Side;
  do: ActionKind;
  bytes?: number;
  reuse?: boolean;
  /** `close` (or `abort`) of the server's listening socket rather than its connection. */
  socket?: 'listener';
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
  /** Extension: the TCP options it carries, as a trace shows them (default none). */
  options?: TcpOption[];
}

/**
 * Extension: a lesson's own multiple-choice question for predict mode, asked before the step that
 * sends the `nth` segment from `at.who` with exactly `at.flags`. Its words are the lesson's (i18n
 * `lessons.<id>.questions.<qid>`); which choices are right is computed from the run
 * (lab/predict/lessonQuestions.ts), never typed in.
 */
export interface LessonQuestion {
  id: string;
  /** `flags` as elsewhere in a scenario: a comma list such as "FIN,ACK". */
  at: { who: Side; flags: string; nth?: number };
  choices: { id: string; claim: Claim }[];
}

/** Something a choice says about the asked step, true or false in the run. */
export type Claim =
  | { sends: { who: Side; flags: string; retransmission?: boolean } }
  | { state: { who: Side; is: TcpState } }
  | { silent: Side }
  | { all: Claim[] };

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
  sysctl?: Sysctl;
  actions: Action[];
  faults?: Fault[];
  inject?: Injection[];
  until?: number;
  /** Extension: the lesson's questions for predict mode (the engine ignores them). */
  questions?: LessonQuestion[];
}

// ---- Trace ----

/**
 * Why the engine did something: a rule from the documented list (./rules.ts) and where it comes
 * from, an RFC section or, for `linux`-only behaviour, the kernel function it follows.
 */
export interface Why {
  rule: string;
  ref: string;
}

/**
 * Why an arrived segment was thrown away (CONTRACT.md section 0.6); `ignored` (an extension) is
 * any other segment a rule drops without effect, e.g. a RST that TIME_WAIT ignores.
 */
export type DiscardKind = 'paws' | 'out-of-window' | 'no-connection' | 'ignored';

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
  | 'loss-probe'
  | 'paws-ack'
  | 'injected';

export interface AppEvent {
  t: number;
  type: 'app';
  who: SocketOwner;
  call: AppCall;
  result: AppResult;
  /** Extension: the rule behind the call's result (always from the engine; a capture may not know). */
  why?: Why;
}

export interface StateEvent {
  t: number;
  type: 'state';
  who: SocketOwner;
  from: TcpState;
  to: TcpState;
  why: Why;
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
  /** Present when the segment carries TCP options. */
  options?: TcpOption[];
  /** Extension. */
  reason: SendReason;
  why: Why;
}

export interface DeliverEvent {
  t: number;
  type: 'deliver';
  id: number;
  /** Extension: the second copy of a duplicated segment. */
  duplicate?: true;
  /** Extension: delivered late by a delay fault. */
  delayedMs?: number;
  /** The receiver threw the segment away (with `why`). */
  discarded?: DiscardKind;
  why?: Why;
}

export interface DropEvent {
  t: number;
  type: 'drop';
  id: number;
  reason: 'fault' | 'loss';
  why: Why;
}

/** `loss-probe` is an extension: Linux's tail loss probe (RFC 8985 section 7). */
export type TimerName = 'retransmit' | 'loss-probe' | 'time-wait' | 'fin-wait-2' | 'delayed-ack';

export interface TimerEvent {
  t: number;
  type: 'timer';
  who: Side;
  timer: TimerName;
  action: 'set' | 'cancel' | 'fire';
  due?: number;
  why: Why;
}

export type TraceEvent = AppEvent | StateEvent | SendEvent | DeliverEvent | DropEvent | TimerEvent;

/** Each endpoint's connection, and the server's listening socket (CLOSED or LISTEN). */
export type FinalStates = Record<SocketOwner, TcpState>;

export interface Trace {
  events: TraceEvent[];
  final: FinalStates;
}
