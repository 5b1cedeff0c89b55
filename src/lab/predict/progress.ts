// Where a student is in predict mode: the questions of the run shown, which are answered and how,
// how far forward stepping may go (never past an open question), and the lessons already done in
// an exercise set. Pure: the store keeps one of these and replaces it.
import type { Run } from '../types';
import { questionsOf, type QuestionRun, type SegmentQuestion } from './questions';
import {
  addMarks,
  emptyScore,
  mark,
  REVEALED,
  type Marks,
  type Numbering,
  type Prediction,
  type Score,
} from './score';

export type LabMode = 'watch' | 'predict';

export interface AnsweredQuestion {
  question: SegmentQuestion;
  /** null: "I don't know, show me". */
  prediction: Prediction | null;
  /** The numbering the student answered in (the one shown then). */
  numbering: Numbering;
  marks: Marks;
}

/** A lesson finished in an exercise set. */
export interface LessonResult {
  lessonId: string;
  attemptSeed: number;
  answers: readonly AnsweredQuestion[];
  score: Score;
}

export interface PredictProgress {
  /** The seed of this attempt's numbers (shown, so a teacher can replay it). */
  attemptSeed: number;
  /** The run the answers belong to: a new run (new numbers, a knob) starts the questions over. */
  run: Run | null;
  answers: readonly AnsweredQuestion[];
  /** The lessons of an exercise set, in order; null when predicting one lesson. */
  set: readonly string[] | null;
  /** Lessons of the set finished so far. */
  done: readonly LessonResult[];
}

export function startProgress(attemptSeed: number, set: readonly string[] | null): PredictProgress {
  return { attemptSeed, run: null, answers: [], set, done: [] };
}

const cache = new WeakMap<object, SegmentQuestion[]>();

/** The questions of a derived run (computed once per run). */
export function questionsFor(derived: QuestionRun): SegmentQuestion[] {
  let found = cache.get(derived);
  if (!found) {
    found = questionsOf(derived);
    cache.set(derived, found);
  }
  return found;
}

/** The answers that belong to `run` (none when the progress is about another run). */
export function answersFor(
  progress: PredictProgress,
  run: Run | null,
): readonly AnsweredQuestion[] {
  return progress.run === run ? progress.answers : [];
}

/** The question open at `step`: the one whose segment the next step sends, if not answered yet. */
export function openQuestion(
  questions: readonly SegmentQuestion[],
  answers: readonly AnsweredQuestion[],
  step: number,
): SegmentQuestion | null {
  const next = questions.find((q) => q.step === step + 1);
  if (!next) return null;
  return answers.some((a) => a.question.step === next.step) ? null : next;
}

/** How far forward stepping from `step` may go: to just before the first unanswered question. */
export function forwardLimit(
  questions: readonly SegmentQuestion[],
  answers: readonly AnsweredQuestion[],
  step: number,
  total: number,
): number {
  const answered = new Set(answers.map((a) => a.question.step));
  const blocking = questions.find((q) => q.step > step && !answered.has(q.step));
  return blocking ? blocking.step - 1 : total;
}

/** The progress with `question` answered (or revealed, with a null prediction). */
export function recordAnswer(
  progress: PredictProgress,
  run: Run | null,
  question: SegmentQuestion,
  prediction: Prediction | null,
  numbering: Numbering,
): PredictProgress {
  const answers = answersFor(progress, run).filter((a) => a.question.step !== question.step);
  const marks = prediction === null ? REVEALED : mark(question, prediction, numbering);
  return {
    ...progress,
    run,
    answers: [...answers, { question, prediction, numbering, marks }].sort(
      (a, b) => a.question.step - b.question.step,
    ),
  };
}

export function scoreOf(answers: readonly AnsweredQuestion[]): Score {
  return answers.reduce((score, a) => addMarks(score, a.marks), emptyScore());
}

/** Every question of the run answered. */
export function lessonComplete(
  questions: readonly SegmentQuestion[],
  answers: readonly AnsweredQuestion[],
): boolean {
  return questions.every((q) => answers.some((a) => a.question.step === q.step));
}

/** The score of the whole exercise: the lessons done and the one under way. */
export function totalScore(progress: PredictProgress, run: Run | null): Score {
  const current = scoreOf(answersFor(progress, run));
  return progress.done.reduce(
    (total, lesson) => ({
      right: total.right + lesson.score.right,
      asked: total.asked + lesson.score.asked,
      byKind: {
        flags: sum(total.byKind.flags, lesson.score.byKind.flags),
        numbers: sum(total.byKind.numbers, lesson.score.byKind.numbers),
        states: sum(total.byKind.states, lesson.score.byKind.states),
      },
    }),
    current,
  );
}

const sum = (a: { right: number; asked: number }, b: { right: number; asked: number }) => ({
  right: a.right + b.right,
  asked: a.asked + b.asked,
});

/** The lesson after `lessonId` in the set, or null at its end (or outside a set). */
export function nextInSet(progress: PredictProgress, lessonId: string): string | null {
  if (!progress.set) return null;
  const at = progress.set.indexOf(lessonId);
  return at >= 0 && at + 1 < progress.set.length ? (progress.set[at + 1] ?? null) : null;
}
