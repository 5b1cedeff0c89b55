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
  /** Per kind; `choice` counts the lesson's own multiple-choice questions. */
  byKind: Record<MarkKind | 'choice', { right: number; asked: number }>;
}

export function emptyScore(): Score {
  return {
    right: 0,
    asked: 0,
    byKind: {
      flags: { right: 0, asked: 0 },
      numbers: { right: 0, asked: 0 },
      states: { right: 0, asked: 0 },
      choice: { right: 0, asked: 0 },
    },
  };
}

/** The score with one more part of `kind` asked, right or not (a new object). */
function addPart(score: Score, kind: MarkKind | 'choice', right: boolean): Score {
  const was = score.byKind[kind];
  return {
    right: score.right + (right ? 1 : 0),
    asked: score.asked + 1,
    byKind: {
      ...score.byKind,
      [kind]: { right: was.right + (right ? 1 : 0), asked: was.asked + 1 },
    },
  };
}

/** The score after one more answered segment question (a new object). */
export function addMarks(score: Score, marks: Marks): Score {
  return MARK_KINDS.reduce((next, kind) => addPart(next, kind, marks[kind]), score);
}

/** The score after one more answered lesson question. */
export function addChoice(score: Score, right: boolean): Score {
  return addPart(score, 'choice', right);
}

/** Two scores together (the lessons of an exercise set). */
export function sumScores(a: Score, b: Score): Score {
  const byKind = { ...a.byKind };
  for (const kind of Object.keys(byKind) as (keyof Score['byKind'])[]) {
    byKind[kind] = {
      right: a.byKind[kind].right + b.byKind[kind].right,
      asked: a.byKind[kind].asked + b.byKind[kind].asked,
    };
  }
  return { right: a.right + b.right, asked: a.asked + b.asked, byKind };
}
