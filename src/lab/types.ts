// The page's view of a run: plain data derived once from the engine's trace, so that components
// only read and stepping is cheap. No React here; everything is testable in Node.
import type {
  AppCall,
  AppResult,
  Fault,
  FinalStates,
  Flag,
  ProfileName,
  Scenario,
  SendReason,
  Side,
  SocketOwner,
  TcpState,
  TimerName,
  TraceEvent,
} from '../engine/types';

/** A run as the page holds it: the scenario that ran (options applied) and its whole trace. */
export interface Run {
  scenario: Scenario;
  events: TraceEvent[];
  /** Index of the first event of each cause (engine `onCause`), ascending; one step per cause. */
  causeStarts: number[];
  final: FinalStates;
  /**
   * Which of the lab's knobs change this run (knobs.ts), where the lab worked it out: a lesson
   * run with the lab's options. Absent for a capture or a bare scenario (every knob then applies).
   */
  knobs?: KnobApplicability;
}

/**
 * One press of → shows one more cause: an app call, an arrival, a timer firing. Step k (1-based)
 * shows events [0, steps[k-1].end); step 0 shows nothing yet.
 */
export interface Step {
  /** 1-based, as the step counter shows it. */
  number: number;
  t: number;
  first: number;
  end: number;
}

export type SegmentFate = 'in-flight' | 'delivered' | 'dropped';

/** Everything the page draws or says about one segment, computed once per run. */
export interface SegmentInfo {
  id: number;
  from: Side;
  to: Side;
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
  window: number;
  /** Relative to the sender's ISN in use when sent (its last SYN). */
  relSeq: number;
  /** Relative to the receiver's ISN in use when sent; null without the ACK flag. */
  relAck: number | null;
  sentAt: number;
  sentStep: number;
  /** First delivery (time and step), or null. */
  deliveredAt: number | null;
  deliveredStep: number | null;
  droppedAt: number | null;
  droppedStep: number | null;
  dropReason: 'fault' | 'loss' | null;
  /** Deliveries of extra copies (a duplicate fault). */
  copies: { t: number; step: number }[];
  /** Delivered late by a delay fault. */
  delayedMs: number;
  retransmission: boolean;
  injected: boolean;
  reason: SendReason;
  /** Arrived after the receiver had started a newer connection (an old duplicate). */
  old: boolean;
  /**
   * Pixels below its instant's row where the arrow leaves and arrives: segments one side sends (or
   * receives) at one instant fan out (./bursts.ts). Absent means 0.
   */
  sendOffset?: number;
  arriveOffset?: number;
}

export interface RunningTimer {
  who: Side;
  timer: TimerName;
  setAt: number;
  due: number;
}

/** An application call as the diagram draws it on its lifeline. */
export interface AppCallMark {
  /** Index of the trace event. */
  index: number;
  t: number;
  /** The step that shows it (1-based). */
  step: number;
  who: SocketOwner;
  call: AppCall;
  result: AppResult;
}

/** What the page shows at one step. */
export interface StepView {
  step: number;
  /** Simulated time of the step (0 before the first). */
  t: number;
  /** Each endpoint's connection, and the server's listening socket. */
  states: Record<SocketOwner, TcpState>;
  /** Each socket's last state change and the engine rule that made it. */
  lastTransition: Record<
    SocketOwner,
    { from: TcpState; to: TcpState; t: number; rule: string } | null
  >;
  /**
   * The run tells the listening socket's story: an engine run does (it stays CLOSED when nobody
   * calls listen()); a capture only shows segments, so its listener is unknown and not drawn.
   */
  listenerKnown: boolean;
  timers: RunningTimer[];
  /** Fate of every segment sent so far, by id; segments not yet sent are absent. */
  fates: ReadonlyMap<number, SegmentFate>;
  /** The application calls shown so far, in trace order. */
  appCalls: readonly AppCallMark[];
}

/** The vertical time axis: long quiet stretches are compressed behind a visible break. */
export interface TimeAxis {
  /** Where time `t` is drawn; `offset` px further down within the room opened under a burst. */
  y: (t: number, offset?: number) => number;
  height: number;
  breaks: { from: number; to: number; y: number }[];
  /** `linear`: pixels per millisecond, one scale between breaks (the "to scale" axis). */
  pxPerMs?: number | null;
  /** The same run's axis to scale, for the diagram's "to scale" mode (./timeAxis.ts). */
  linear?: TimeAxis;
}

/** The knobs the page offers on top of a lesson. */
export interface LabOptions {
  profile?: ProfileName;
  mslMs?: number;
  /** 0–100. */
  lossPercent: number;
  seed: number;
  dropFinalAck: boolean;
  reusePort: boolean;
  /** Segments the student clicked to drop, as faults (found from an earlier run). */
  extraFaults: Fault[];
  /**
   * Predict mode's attempt seed: fresh ISNs and client port drawn from it (./predict/fresh.ts);
   * absent, the lesson's own numbers.
   */
  numbersSeed?: number;
}

/** The settings panel's knobs whose effect depends on the lesson (numbering never does). */
export const KNOBS = [
  'profile',
  'mslMs',
  'lossPercent',
  'seed',
  'dropFinalAck',
  'reusePort',
] as const;
export type Knob = (typeof KNOBS)[number];

/** Why a knob changes nothing in this run (the words are `ui.settings.notApplicable.<reason>`). */
export const KNOB_REASONS = [
  /** No side closes after the other's FIN (no four-way close, an abort, a refused connect...). */
  'no-final-ack',
  /** The lesson (or the loss rate) already loses that ACK. */
  'final-ack-lost',
  /** The client connects once, or its later connect never runs. */
  'no-reconnect',
  /** The client connects again, but finds the port as free with SO_REUSEADDR as without. */
  'reconnect-unaffected',
  /** No connection reaches TIME_WAIT, the only state whose length the MSL sets. */
  'no-time-wait',
  /** Nothing is random: the loss rate is 0 and every ISN is given. */
  'no-loss',
  /** No segment crosses the network to be lost. */
  'no-segments',
  /** The other behaviour gives exactly the same run. */
  'same-run',
] as const;
export type KnobReason = (typeof KNOB_REASONS)[number];

/** Per knob: null where it applies, else why not. */
export type KnobApplicability = Readonly<Record<Knob, KnobReason | null>>;

/** The lesson id of a scenario given whole (an `s=` link, a course page's `load`), not built in. */
export const CUSTOM_LESSON_ID = 'custom';
/** The lesson id of a connection read from a capture file. */
export const CAPTURE_LESSON_ID = 'capture';
