// Where a student is in predict mode: the questions of the run shown, which are answered and how,
// how far forward stepping may go (never past an open question), and the lessons already done in
// an exercise set. Pure: the store keeps one of these and replaces it.
import type { Run } from '../types';
import { choiceQuestionsOf, type ChoiceQuestion } from './lessonQuestions';
import { questionsOf, type QuestionRun, type SegmentQuestion } from './questions';
import {
  addChoice,
  addMarks,
  emptyScore,
  mark,
  REVEALED,
  sumScores,
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

/** A lesson's own multiple-choice question, answered (`choice` null: "show me"). */
export interface AnsweredChoice {
  question: ChoiceQuestion;
  choice: string | null;
  right: boolean;
}

/** A lesson finished in an exercise set. */
export interface LessonResult {
  lessonId: string;
  attemptSeed: number;
  answers: readonly AnsweredQuestion[];
  choices: readonly AnsweredChoice[];
  score: Score;
}

export interface PredictProgress {
  /** The seed of this attempt's numbers (shown, so a teacher can replay it). */
  attemptSeed: number;
  /** The run the answers belong to: a new run (new numbers, a knob) starts the questions over. */
  run: Run | null;
  answers: readonly AnsweredQuestion[];
  /** The lesson's own questions answered in this run. */
  choices: readonly AnsweredChoice[];
  /** The lessons of an exercise set, in order; null when predicting one lesson. */
  set: readonly string[] | null;
  /** Lessons of the set finished so far. */
  done: readonly LessonResult[];
}

export function startProgress(attemptSeed: number, set: readonly string[] | null): PredictProgress {
  return { attemptSeed, run: null, answers: [], choices: [], set, done: [] };
}

const cache = new WeakMap<object, SegmentQuestion[]>();

/**
 * The segment questions of a derived run (computed once per run): one before each step that sends
 * a segment starting a phase, except where the lesson asks a question of its own (it would give the
 * segment's answer away; the lesson's question is asked instead).
 */
export function questionsFor(derived: QuestionRun, run: Run | null = null): SegmentQuestion[] {
  let found = cache.get(derived);
  if (!found) {
    const own = new Set(choiceQuestionsFor(run, derived).map((q) => q.step));
    found = questionsOf(derived).filter((q) => !own.has(q.step));
    cache.set(derived, found);
  }
  return found;
}

const choiceCache = new WeakMap<object, ChoiceQuestion[]>();

/** The lesson's own questions this run asks (computed once per run). */
export function choiceQuestionsFor(run: Run | null, derived: QuestionRun): ChoiceQuestion[] {
  let found = choiceCache.get(derived);
  if (!found) {
    found = choiceQuestionsOf(run?.scenario.questions, derived);
    choiceCache.set(derived, found);
  }
  return found;
}

/** The lesson questions answered in `run`. */
export function choicesFor(progress: PredictProgress, run: Run | null): readonly AnsweredChoice[] {
  return progress.run === run ? progress.choices : [];
}

/** The lesson question open at `step` (asked before the segment question of the same step). */
export function openChoice(
  questions: readonly ChoiceQuestion[],
  answers: readonly AnsweredChoice[],
  step: number,
): ChoiceQuestion | null {
  const next = questions.find((q) => q.step === step + 1);
  if (!next) return null;
  return answers.some((a) => a.question.id === next.id) ? null : next;
}

/** The progress with a lesson question answered. */
export function recordChoice(
  progress: PredictProgress,
  run: Run | null,
  question: ChoiceQuestion,
  choice: string | null,
): PredictProgress {
  const answers = answersFor(progress, run);
  const choices = choicesFor(progress, run).filter((a) => a.question.id !== question.id);
  const right = question.choices.some((c) => c.id === choice && c.right);
  return { ...progress, run, answers, choices: [...choices, { question, choice, right }] };
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
  choiceQuestions: readonly ChoiceQuestion[] = [],
  choices: readonly AnsweredChoice[] = [],
): number {
  const answered = new Set(answers.map((a) => a.question.step));
  const chosen = new Set(choices.map((a) => a.question.id));
  const steps = [
    ...questions.filter((q) => q.step > step && !answered.has(q.step)).map((q) => q.step),
    ...choiceQuestions.filter((q) => q.step > step && !chosen.has(q.id)).map((q) => q.step),
  ];
  return steps.length > 0 ? Math.min(...steps) - 1 : total;
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
    choices: choicesFor(progress, run),
    answers: [...answers, { question, prediction, numbering, marks }].sort(
      (a, b) => a.question.step - b.question.step,
    ),
  };
}

export function scoreOf(
  answers: readonly AnsweredQuestion[],
  choices: readonly AnsweredChoice[] = [],
): Score {
  const segments = answers.reduce((score, a) => addMarks(score, a.marks), emptyScore());
  return choices.reduce((score, a) => addChoice(score, a.right), segments);
}

/** Every question of the run answered. */
export function lessonComplete(
  questions: readonly SegmentQuestion[],
  answers: readonly AnsweredQuestion[],
  choiceQuestions: readonly ChoiceQuestion[] = [],
  choices: readonly AnsweredChoice[] = [],
): boolean {
  return (
    questions.every((q) => answers.some((a) => a.question.step === q.step)) &&
    choiceQuestions.every((q) => choices.some((a) => a.question.id === q.id))
  );
}

/** The score of the whole exercise: the lessons done and the one under way. */
export function totalScore(progress: PredictProgress, run: Run | null): Score {
  const current = scoreOf(answersFor(progress, run), choicesFor(progress, run));
  return progress.done.reduce((total, lesson) => sumScores(total, lesson.score), current);
}

/** The lesson after `lessonId` in the set, or null at its end (or outside a set). */
export function nextInSet(progress: PredictProgress, lessonId: string): string | null {
  if (!progress.set) return null;
  const at = progress.set.indexOf(lessonId);
  return at >= 0 && at + 1 < progress.set.length ? (progress.set[at + 1] ?? null) : null;
}
