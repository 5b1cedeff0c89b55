// What happened in each step, and why. One step is one cause (an app call, an arrival, a timer
// firing, a drop: the engine's `onCause`), explained by the file for its kind (./drop.ts,
// ./timer.ts, ./arrival.ts, ./app.ts) from the run's segment model (../segments.ts).
//
// Numbers are the segment model's, as the diagram shows them by default: relative to each side's
// ISN in use. Sides are passed as `who`/`peer` (raw `client` | `server` | `listener`, the server's
// listening socket) and durations as
// `{ ms }`; renderExplanation words them in the reader's language (`explain.side.*`, with
// capitalised variants `Who`/`Peer` for the start of a sentence).
import type { TraceEvent } from '../../engine/types';
import { describeSegments } from '../segments';
import { buildSteps } from '../steps';
import type { Run, SegmentInfo, Step } from '../types';
import { explainApp } from './app';
import { explainArrival } from './arrival';
import { explainDrop } from './drop';
import { explanation, type Explanation } from './explanation';
import { RunSoFar, StepView } from './step';
import { explainTimer } from './timer';

/** Explanations of every step, in order, from the run's steps and segments. */
function explainSteps(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  segments: readonly SegmentInfo[],
): Explanation[] {
  const byId = new Map(segments.map((seg) => [seg.id, seg]));
  const before = new RunSoFar();
  return steps.map((step) => {
    const slice = events.slice(step.first, step.end);
    const view = new StepView(slice, byId, before);
    const explained =
      explainDrop(view) ??
      explainTimer(view) ??
      explainArrival(view) ??
      explainApp(view) ??
      explanation('other.nothing', '3.10');
    before.add(slice);
    return withCitation(explained, slice);
  });
}

/** The `why.ref` of the step's deciding event: a discarded arrival, a state change, a call, a send. */
function citationOf(events: readonly TraceEvent[]): string | undefined {
  const order = [
    (e: TraceEvent) => e.type === 'deliver' && e.discarded !== undefined,
    (e: TraceEvent) => e.type === 'state',
    (e: TraceEvent) => e.type === 'app',
    (e: TraceEvent) => e.type === 'send' || e.type === 'timer',
  ];
  for (const matches of order) {
    for (const event of events) {
      if (!matches(event) || !('why' in event)) continue;
      const ref = event.why?.ref;
      // Only sources a reader can look up, an RFC or a kernel function (not "scenario faults");
      // a section of RFC 9293 the explanation names already, in its own words.
      if (ref !== undefined && /^(RFC \d|linux )/.test(ref)) {
        return ref.startsWith('RFC 9293') ? undefined : ref;
      }
    }
  }
  return undefined;
}

function withCitation(explained: Explanation, events: readonly TraceEvent[]): Explanation {
  const cite = citationOf(events);
  return cite === undefined || cite === explained.rfc ? explained : { ...explained, cite };
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
  const list = model
    ? explainSteps(run.events, model.steps, model.segments)
    : explainRun(run.events, run.causeStarts);
  return {
    at: (step) => (step >= 1 ? (list[step - 1] ?? null) : null),
    render: renderExplanation,
  };
}

/**
 * Turns an explanation into text with the page's translator (`t('explain.…', params)`) and its
 * duration formatter (i18n's formatDuration in the reader's locale).
 */
export function renderExplanation(
  explained: Explanation,
  t: (key: string, params?: Record<string, string | number>) => string,
  formatDuration: (ms: number) => string,
): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(explained.params)) {
    params[name] = typeof value === 'object' ? formatDuration(value.ms) : value;
  }
  for (const name of ['who', 'peer'] as const) {
    const side = params[name];
    if (side === 'client' || side === 'server' || side === 'listener') {
      params[name] = t(`explain.side.${side}`);
      params[name === 'who' ? 'Who' : 'Peer'] = t(`explain.Side.${side}`);
    }
  }
  return t(`explain.${explained.key}`, params);
}
