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
import { RunSoFar, StepView } from './step';

export type { Explanation } from './explanation';

/**
 * The explanations of a run's steps, worked out as far as they are asked for: a step's sentences
 * read the run before it, so step k costs the steps up to k once, and a long run's page pays for
 * the steps shown, not for all of them when its run arrives.
 */
function stepExplanations(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  segments: readonly SegmentInfo[],
): (step: number) => Explanation | null {
  let byId: Map<number, SegmentInfo> | null = null;
  let before: RunSoFar | null = null;
  const done: Explanation[] = [];
  return (step) => {
    if (step < 1 || step > steps.length) return null;
    byId ??= new Map(segments.map((seg) => [seg.id, seg]));
    before ??= new RunSoFar(byId);
    while (done.length < step) {
      const next = steps[done.length];
      if (!next) break;
      const slice = events.slice(next.first, next.end);
      const sentences = stepSentences(new StepView(slice, byId, before));
      before.add(slice);
      done.push(withSources(sentences));
    }
    return done[step - 1] ?? null;
  };
}

/** Explanations of every step, in order, from the run's steps and segments. */
function explainSteps(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  segments: readonly SegmentInfo[],
): Explanation[] {
  const at = stepExplanations(events, steps, segments);
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
  return { at: stepExplanations(run.events, steps, segments), render: renderExplanation };
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
