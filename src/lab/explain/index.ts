// What happened in each step, and why, in the engine's own words: each step (one cause: an app
// call, an arrival, a timer firing, a drop; the engine's `onCause`) is explained by the sentences
// of the rules its events name (./sentences.ts), never re-derived from what the trace looks like.
//
// Numbers are kept both relative to each side's ISN in use (as the diagram shows them by default)
// and as on the wire; the reader's numbering picks one. Sides are raw (`client` | `server`) and
// durations `{ ms }`; renderExplanation words them in the reader's language (`explain.side.*`, with
// capitalised variants `Who`/`Peer` for the start of a sentence).
import { RULES } from '../../engine/rules';
import type { TraceEvent } from '../../engine/types';
import { describeSegments } from '../segments';
import { buildSteps } from '../steps';
import type { Run, SegmentInfo, Step } from '../types';
import type { ExplainParam, Explanation, Params, Sentence } from './explanation';
import { stepSentences } from './sentences';
import type { Work } from '../slices';
import { RunSoFar, StepView } from './step';

export type { Explanation } from './explanation';

/** Every this many steps the run so far is kept, so that a jump replays at most this many. */
const CHECKPOINT_EVERY = 1024;

/**
 * The explanations of a run's steps, worked out as they are asked for. A step's sentences read
 * the run before it (states, timers, duplicate ACKs: a few numbers, cheap to carry forward), so a
 * jump to step k carries that forward from the nearest checkpoint and words only step k: a long
 * run's page pays for the steps shown, never for every step before them.
 */
function stepExplanations(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  segments: readonly SegmentInfo[],
): Pick<Explainer, 'at' | 'ahead'> {
  let byId: Map<number, SegmentInfo> | null = null;
  const explained = new Map<number, Explanation>();
  /** `checkpoints[i]`: the run before step i * CHECKPOINT_EVERY + 1. */
  const checkpoints: RunSoFar[] = [];
  /** The run before step `cursorStep`: stepping on costs one step. */
  let cursor: RunSoFar | null = null;
  let cursorStep = 0;
  const addStep = (run: RunSoFar, number: number) => {
    const step = steps[number - 1];
    if (step) run.add(events, step.first, step.end);
  };
  /** The next checkpoint, from the last (the first: the run before step 1). */
  const addCheckpoint = () => {
    byId ??= new Map(segments.map((seg) => [seg.id, seg]));
    const last = checkpoints.length - 1;
    const before = checkpoints[last];
    if (!before) {
      checkpoints.push(new RunSoFar(byId));
      return;
    }
    const next = before.copy();
    for (let n = last * CHECKPOINT_EVERY + 1; n <= (last + 1) * CHECKPOINT_EVERY; n++) {
      addStep(next, n);
    }
    checkpoints.push(next);
  };
  const runBefore = (step: number): RunSoFar => {
    if (cursor && cursorStep <= step && step - cursorStep < CHECKPOINT_EVERY) {
      while (cursorStep < step) addStep(cursor, cursorStep++);
      return cursor;
    }
    const index = Math.floor((step - 1) / CHECKPOINT_EVERY);
    while (checkpoints.length <= index) addCheckpoint();
    cursor = (checkpoints[index] as RunSoFar).copy();
    cursorStep = index * CHECKPOINT_EVERY + 1;
    while (cursorStep < step) addStep(cursor, cursorStep++);
    return cursor;
  };
  const at = (step: number): Explanation | null => {
    if (!Number.isInteger(step) || step < 1 || step > steps.length) return null;
    const known = explained.get(step);
    if (known) return known;
    const before = runBefore(step);
    byId ??= new Map(segments.map((seg) => [seg.id, seg]));
    const next = steps[step - 1] as Step;
    const view = new StepView(events.slice(next.first, next.end), byId, before);
    const explanation = withSources(stepSentences(view));
    explained.set(step, explanation);
    return explanation;
  };
  function* ahead(): Work<void> {
    while (checkpoints.length * CHECKPOINT_EVERY < steps.length) {
      addCheckpoint();
      yield;
    }
  }
  return { at, ahead };
}

/** Explanations of every step, in order, from the run's steps and segments. */
function explainSteps(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  segments: readonly SegmentInfo[],
): Explanation[] {
  const { at } = stepExplanations(events, steps, segments);
  return steps.map((step) => at(step.number) as Explanation);
}

/** The step's deciding rule (its first sentence's) and where it comes from. */
function withSources(sentences: Sentence[]): Explanation {
  const rule = sentences[0]?.rule ?? null;
  const ref: string | undefined = rule === null ? undefined : RULES[rule];
  return {
    sentences,
    rule,
    ...(ref?.startsWith('RFC ') ? { rfc: ref } : {}),
    ...(ref?.startsWith('linux ') ? { cite: ref } : {}),
  };
}

/**
 * Explanations of every step of a run. `causeStarts` are the indexes where each step begins (the
 * Run's `causeStarts`, engine `onCause`).
 */
export function explainRun(
  events: readonly TraceEvent[],
  causeStarts: readonly number[],
): Explanation[] {
  const run = { events, causeStarts };
  const steps = buildSteps(run);
  return explainSteps(events, steps, describeSegments(run, steps));
}

/** A run's explanations, step by step, and the function that words them. */
export interface Explainer {
  /** What step `step` (1-based) did and why; null at step 0. */
  at: (step: number) => Explanation | null;
  /** Words for an explanation, with the widget's translator and duration formatter. */
  render: typeof renderExplanation;
  /**
   * Works out ahead, pausing as it goes, what a jump into a long run needs (the run so far every
   * 1,024 steps): run while the page is idle, it leaves a jump one step's explanation to word.
   */
  ahead: () => Work<void>;
}

/**
 * The explainer of `run`. `model`: its steps and segments when the caller has them already (the
 * page derived them to draw the run), so they are not worked out twice.
 */
export function explainerFor(
  run: Pick<Run, 'events' | 'causeStarts'>,
  model?: { steps: readonly Step[]; segments: readonly SegmentInfo[] },
): Explainer {
  let steps = model?.steps;
  let segments = model?.segments;
  if (!steps || !segments) {
    steps = buildSteps(run);
    segments = describeSegments(run, steps);
  }
  return { ...stepExplanations(run.events, steps, segments), render: renderExplanation };
}

export type Numbering = 'relative' | 'absolute';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * Turns an explanation into text with the page's translator (`t('explain.…', params)`), its
 * duration formatter (i18n's formatDuration in the reader's locale) and the numbering the diagram
 * shows (relative to each ISN, or as on the wire).
 */
export function renderExplanation(
  explained: Explanation,
  t: Translate,
  formatDuration: (ms: number) => string,
  numbering: Numbering = 'relative',
): string {
  return (
    explained.sentences
      .map((sentence) => renderSentence(sentence, t, formatDuration, numbering))
      .filter((text) => text !== '')
      .join(' ')
      // Chinese sentences follow each other with no space after their full stop.
      .replace(/([。！？）])\s+/gu, '$1')
  );
}

/** One sentence's words: its rule's template, or the words for a step no rule speaks for. */
export function renderSentence(
  sentence: Sentence,
  t: Translate,
  formatDuration: (ms: number) => string,
  numbering: Numbering = 'relative',
): string {
  const plain = plainParams(sentence.params, t, formatDuration, numbering);
  // Facts are phrases worded with the same values as the sentence they sit in.
  for (const [name, value] of Object.entries(sentence.params)) {
    if (typeof value === 'object' && 'fact' in value) {
      const key = typeof value.fact === 'string' ? value.fact : value.fact[numbering];
      plain[name] = t(`explain.facts.${key}`, plain);
    }
  }
  const key = sentence.rule === null ? 'explain.nothing' : `explain.rules.${sentence.rule}`;
  return t(key, plain)
    .replace(/\s+/g, ' ')
    .replace(/([。！？）])\s+/gu, '$1')
    .trim();
}

function plainParams(
  params: Params,
  t: Translate,
  formatDuration: (ms: number) => string,
  numbering: Numbering,
): Record<string, string | number> {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const word = plainValue(value, formatDuration, numbering);
    if (word !== undefined) plain[name] = word;
  }
  for (const name of ['who', 'peer'] as const) {
    const side = plain[name];
    if (side === 'client' || side === 'server' || side === 'listener') {
      plain[name] = t(`explain.side.${side}`);
      plain[name === 'who' ? 'Who' : 'Peer'] = t(`explain.Side.${side}`);
    }
  }
  return plain;
}

function plainValue(
  value: ExplainParam,
  formatDuration: (ms: number) => string,
  numbering: Numbering,
): string | number | undefined {
  if (typeof value !== 'object') return value;
  if ('ms' in value) return formatDuration(value.ms);
  if ('rel' in value) return numbering === 'absolute' ? value.abs : value.rel;
  return undefined; // a fact: worded once the plain values are known
}
