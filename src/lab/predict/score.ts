// Checking a student's prediction against the engine's segment, and the running score.
import type { Flag, Side, TcpState } from '../../engine/types';
import type { SegmentQuestion } from './questions';

export type Numbering = 'relative' | 'absolute';

/** What the student answered; a field left empty (null) counts as wrong. */
export interface Prediction {
  flags: readonly Flag[];
  seq: number | null;
  /** null: "no ACK number" (the segment has no ACK flag). */
  ack: number | null;
  states: Readonly<Record<Side, TcpState | null>>;
}

/** The three kinds of a question, each right or wrong. */
export interface Marks {
  flags: boolean;
  numbers: boolean;
  states: boolean;
}

export type MarkKind = keyof Marks;
export const MARK_KINDS: readonly MarkKind[] = ['flags', 'numbers', 'states'];

const sameFlags = (a: readonly Flag[], b: readonly Flag[]) =>
  a.length === b.length && a.every((flag) => b.includes(flag));

/** Marks a prediction in the numbering the page shows (the one the student answered in). */
export function mark(
  question: SegmentQuestion,
  prediction: Prediction,
  numbering: Numbering,
): Marks {
  const { expected } = question;
  const ack = expected.ack === null ? null : expected.ack[numbering];
  return {
    flags: sameFlags(prediction.flags, expected.flags),
    numbers: prediction.seq === expected.seq[numbering] && prediction.ack === ack,
    states:
      prediction.states.client === expected.states.client &&
      prediction.states.server === expected.states.server,
  };
}

/** "I don't know, show me": asked, not right. */
export const REVEALED: Marks = { flags: false, numbers: false, states: false };

export interface Score {
  /** Parts answered right, and parts asked (three per question). */
  right: number;
  asked: number;
  byKind: Record<MarkKind, { right: number; asked: number }>;
}

export function emptyScore(): Score {
  return {
    right: 0,
    asked: 0,
    byKind: {
      flags: { right: 0, asked: 0 },
      numbers: { right: 0, asked: 0 },
      states: { right: 0, asked: 0 },
    },
  };
}

/** The score after one more answered question (a new object). */
export function addMarks(score: Score, marks: Marks): Score {
  const next = emptyScore();
  for (const kind of MARK_KINDS) {
    const was = score.byKind[kind];
    next.byKind[kind] = { right: was.right + (marks[kind] ? 1 : 0), asked: was.asked + 1 };
    next.right += next.byKind[kind].right;
    next.asked += next.byKind[kind].asked;
  }
  return next;
}
