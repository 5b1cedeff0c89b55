// The messages between an embedded widget and the course page around it (CONTRACT.md section 4).
// What arrives is structured-cloned data from a page we do not control: its shape is only a claim,
// so parseInboundMessage checks it and turns anything malformed into null (ignored, silently).

import type { TcpState } from '../../engine/types';

/** `source` of every message the widget posts; `target` of every command it accepts. */
export const MESSAGE_SOURCE = 'handshake-lab';
export const MESSAGE_TARGET = 'handshake-lab';

/** Widget → course page. */
export const OutboundType = {
  /** The document's height changed (integer CSS px): resize the iframe to it. */
  Height: 'height',
  /** A step was shown (also the first one of each ready run): where the student is. */
  Step: 'step',
  /** Predict mode: the student answered a question (or asked to be shown). */
  Answer: 'answer',
  /** Predict mode: every question of the lesson (or the exercise set) answered. */
  Score: 'score',
} as const;

/** Course page → widget. */
export const InboundType = {
  /** One step forward (pauses playback first, as the button does). */
  Step: 'step',
  /** One step back (pauses too). */
  Back: 'back',
  Play: 'play',
  Pause: 'pause',
  /** Back to step 0, paused. */
  Reset: 'reset',
  /** Show a whole scenario (`scenario`: an object or its JSON text). */
  Load: 'load',
} as const;

export interface HeightMessage {
  source: typeof MESSAGE_SOURCE;
  type: typeof OutboundType.Height;
  height: number;
}

export interface StepMessage {
  source: typeof MESSAGE_SOURCE;
  type: typeof OutboundType.Step;
  step: number;
  total: number;
  client: TcpState;
  server: TcpState;
  /** The server's listening socket (CLOSED or LISTEN; CLOSED where the run does not tell it). */
  listener: TcpState;
}

/** One answer in predict mode: each kind right or not, the student's and the engine's values. */
export interface AnswerMessage {
  source: typeof MESSAGE_SOURCE;
  type: typeof OutboundType.Answer;
  /** A question about the next segment. */
  kind: 'segment';
  lesson: string;
  seed: number;
  /** The step whose segment was asked about. */
  step: number;
  phase: string;
  /** null: "show me". */
  answer: { flags: string; numbers: string; states: string } | null;
  expected: { flags: string; numbers: string; states: string };
  right: { flags: boolean; numbers: boolean; states: boolean };
}

/** One answer to a lesson's own multiple-choice question. */
export interface ChoiceAnswerMessage {
  source: typeof MESSAGE_SOURCE;
  type: typeof OutboundType.Answer;
  kind: 'choice';
  lesson: string;
  seed: number;
  step: number;
  /** The question's id in the lesson. */
  question: string;
  /** The choice's id, null for "show me". */
  answer: string | null;
  expected: string;
  right: boolean;
}

/** The end of a lesson (or of the exercise set) in predict mode. */
export interface ScoreMessage {
  source: typeof MESSAGE_SOURCE;
  type: typeof OutboundType.Score;
  /** Parts right and parts asked (three per question: flags, numbers, states). */
  correct: number;
  asked: number;
  lesson: string;
  seed: number;
  /** The lessons of the exercise set, or null for one lesson. */
  set: string[] | null;
}

export type OutboundMessage =
  HeightMessage | StepMessage | AnswerMessage | ChoiceAnswerMessage | ScoreMessage;

export interface SimpleCommand {
  type:
    | typeof InboundType.Step
    | typeof InboundType.Back
    | typeof InboundType.Play
    | typeof InboundType.Pause
    | typeof InboundType.Reset;
}

export interface LoadCommand {
  type: typeof InboundType.Load;
  /** As received: the store checks it (an object, or JSON text of one) and the worker validates it. */
  scenario: unknown;
}

export type InboundCommand = SimpleCommand | LoadCommand;

const SIMPLE_TYPES: ReadonlySet<string> = new Set([
  InboundType.Step,
  InboundType.Back,
  InboundType.Play,
  InboundType.Pause,
  InboundType.Reset,
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The command in a message's data, or null when it is not one of ours or is malformed. Fields
 * besides `target`, `type` and `scenario` are ignored, so a page may tag its messages. A `load`
 * needs a `scenario` field; whether it is a usable scenario is for the widget to say (a refused
 * one is shown as an error: see applyCommand).
 */
export function parseInboundMessage(data: unknown): InboundCommand | null {
  if (!isRecord(data)) return null;
  // Own properties only: a clone never has inherited ones, and a getter could run page code.
  const own = (key: string): unknown =>
    Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
  if (own('target') !== MESSAGE_TARGET) return null;
  const type = own('type');
  if (typeof type !== 'string') return null;
  if (SIMPLE_TYPES.has(type)) return { type: type as SimpleCommand['type'] };
  if (type !== InboundType.Load || !Object.prototype.hasOwnProperty.call(data, 'scenario')) {
    return null;
  }
  return { type: InboundType.Load, scenario: own('scenario') };
}

export function heightMessage(height: number): HeightMessage {
  return { source: MESSAGE_SOURCE, type: OutboundType.Height, height };
}

export function stepMessage(
  step: number,
  total: number,
  states: { client: TcpState; server: TcpState; listener?: TcpState },
): StepMessage {
  return {
    source: MESSAGE_SOURCE,
    type: OutboundType.Step,
    step,
    total,
    client: states.client,
    server: states.server,
    listener: states.listener ?? 'CLOSED',
  };
}
