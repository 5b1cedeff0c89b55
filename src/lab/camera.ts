// The diagram's camera, as pure arithmetic: what a step changed (its y-range on the drawing) and
// where the scrolling box must stand so that it is fully in view. The diagram calls these after
// every step change, whatever caused it (a key, the scrubber, a link's `step=`, autoplay, a course
// page's message), so what the step did is never off screen; a manual scroll lasts until the next
// step change.
import type { SegmentWindow } from './segmentWindow';
import type { StateChange } from './stateChanges';
import type { SegmentInfo, StepView } from './types';

/** A range of the drawing, in its own units (the SVG's y). */
export interface FocusRange {
  top: number;
  bottom: number;
  /** Where the arrow before the step's starts: shown too when there is room (its context). */
  context: number | null;
  /**
   * What must be seen when the whole range does not fit (a long flight on a small screen): the
   * "now" row with the step's badges and calls, and where each of the step's arrows ends now (a
   * delivered arrow's head, an in-flight arrow's tip). Within [top, bottom].
   */
  core: { top: number; bottom: number };
}

export interface CameraRun {
  /** Every segment of the run, in the order sent. */
  segments: readonly SegmentInfo[];
  /** The state changes shown (a step's own happen at its time). */
  stateChanges: readonly StateChange[];
}

/** Room kept for a label or badge drawn around a point (a pill, a call tag, an arrow's label). */
const MARK = 14;
/** A dropped or unanswered arrow is drawn this far below its start (see geometry's segmentLine). */
const STUB = 28;
/** A timer's due time is part of the step's story only when it is drawn close to where it was set. */
const NEAR_DUE = 160;

function touches(seg: SegmentInfo, step: number): boolean {
  return (
    seg.sentStep === step ||
    seg.deliveredStep === step ||
    seg.droppedStep === step ||
    seg.copies.some((copy) => copy.step === step)
  );
}

/**
 * The segments `stepFocus` needs of a run at `step`, without visiting the others: those the step
 * touches or leaves in flight (`window.active`) and the last one sent before it that it does not
 * touch (the context above the step).
 */
export function focusSegments(
  segments: readonly SegmentInfo[],
  window: SegmentWindow,
  step: number,
): SegmentInfo[] {
  const active = window.active(step);
  for (let i = window.sentBy(step - 1) - 1; i >= 0; i--) {
    const seg = segments[i];
    // (stepFocus takes the segments in any order.)
    if (seg && !touches(seg, step)) return active.includes(seg) ? active : [seg, ...active];
  }
  return active;
}

/**
 * The part of the drawing step `view.step` changed: arrows sent, delivered, dropped or copied at
 * it (each whole, from its start to where it ends), the state badges and application calls it
 * added, the timers it armed and the "now" line. `y` maps a time to the drawing's y. Null at step
 * 0 (nothing is drawn yet: the camera goes to the top).
 */
export function stepFocus(
  run: CameraRun,
  view: Pick<StepView, 'step' | 't' | 'timers' | 'appCalls'>,
  /** A time's y; with an offset, a burst's row below it (SegmentInfo.sendOffset, arriveOffset). */
  y: (t: number, offset?: number) => number,
  /**
   * Where an arrow still in flight is drawn to now (the view draws part of its path); without
   * it, its whole path to where it will arrive.
   */
  tipOf?: (seg: SegmentInfo) => number,
  /** How far up and down an arrow's label (and badges) reach, when the view knows its place. */
  labelOf?: (seg: SegmentInfo) => { top: number; bottom: number } | null,
): FocusRange | null {
  const step = view.step;
  if (step <= 0) return null;
  const now = y(view.t);
  let top = now - MARK;
  let bottom = now + MARK;
  const core = { top, bottom };
  const take = (a: number, b: number, inCore = false) => {
    top = Math.min(top, a - MARK);
    bottom = Math.max(bottom, b + MARK);
    if (inCore) {
      core.top = Math.min(core.top, a - MARK);
      core.bottom = Math.max(core.bottom, b + MARK);
    }
  };
  let context: number | null = null;
  for (const seg of run.segments) {
    if (seg.sentStep > step) break; // segments come in the order they were sent
    if (touches(seg, step)) {
      const start = y(seg.sentAt, seg.sendOffset);
      const arrival = seg.deliveredAt ?? seg.droppedAt;
      const arrived = arrival !== null && arrival <= view.t;
      let end =
        arrival === null
          ? start + STUB
          : !arrived && tipOf
            ? Math.max(start, tipOf(seg))
            : Math.max(start, y(arrival, seg.arriveOffset));
      for (const copy of seg.copies) if (copy.step === step) end = Math.max(end, y(copy.t));
      take(start, end);
      const label = labelOf?.(seg);
      if (label) take(label.top + MARK, label.bottom - MARK);
      // Its head (or tip) is what the step is about; a send at this step starts on the now row.
      take(seg.sentStep === step ? start : end, end, true);
    } else if (seg.sentStep < step) {
      context = Math.max(context ?? -Infinity, y(seg.sentAt, seg.sendOffset) - MARK);
    }
  }
  // A step's events happen at its time: its badges and calls sit on the "now" row (kept anyway,
  // should an engine ever spread a step's events over time).
  for (const change of run.stateChanges) {
    if (change.t === view.t) take(y(change.t), y(change.t), true);
  }
  for (const call of view.appCalls) if (call.step === step) take(y(call.t), y(call.t), true);
  for (const timer of view.timers) {
    if (timer.setAt !== view.t) continue;
    const set = y(timer.setAt);
    const due = y(timer.due);
    take(set, due - set <= NEAR_DUE ? due : set);
  }
  // Context above the step only: an older arrow drawn below it (a long flight) adds nothing.
  return { top, bottom, context: context !== null && context < top ? context : null, core };
}

/** The scrolling box, in CSS pixels of its content. */
export interface Viewport {
  scrollTop: number;
  /** The box's visible height. */
  height: number;
  /** The content's whole height (scrollHeight). */
  contentHeight: number;
  /** What a sticky header covers at the top of the visible part. */
  covered: number;
}

/**
 * Where to scroll so that `range` (content pixels) is fully visible below the covered part, with
 * `margin` around it and its context where it fits; the current position when it already is.
 * Taller than the box: its core (what the step is about) with as much of the rest above it as
 * fits, since arrows run down the page to where they end now; a core taller than the box shows
 * its bottom, the latest thing drawn. The answer is clamped to what the box can scroll.
 */
export function scrollTarget(range: FocusRange, box: Viewport, margin = 16): number {
  const room = Math.max(0, box.height - box.covered);
  const max = Math.max(0, box.contentHeight - box.height);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(0, v)));
  const top = range.top - margin;
  const bottom = range.bottom + margin;
  const visibleTop = box.scrollTop + box.covered;
  const visibleBottom = box.scrollTop + box.height;
  if (bottom - top > room) {
    const tight = Math.min(margin, 4);
    const coreTop = range.core.top - tight;
    const coreBottom = range.core.bottom + tight;
    const visible = coreTop >= visibleTop && coreBottom <= visibleBottom;
    if (visible && coreBottom - coreTop <= room) return clamp(box.scrollTop);
    return clamp(coreBottom - box.height);
  }
  if (top >= visibleTop && bottom <= visibleBottom) return clamp(box.scrollTop);
  // With its context when the two fit together: the arrow before explains this one.
  const withContext = range.context === null ? top : Math.min(top, range.context - margin);
  const from = bottom - withContext <= room ? withContext : top;
  if (bottom > visibleBottom) {
    // Going down: the range's bottom at the box's bottom, unless that hides its (context) top.
    return clamp(Math.min(bottom - box.height, from - box.covered));
  }
  return clamp(from - box.covered);
}

/**
 * The step drawn nearest to `target` (a y of the drawing): the overview strip's click. Steps at
 * one instant share a y; the last of them is taken (everything at that instant shown). Null
 * without steps.
 */
export function stepNearY(
  steps: readonly { t: number }[],
  y: (t: number) => number,
  target: number,
): number | null {
  if (steps.length === 0) return null;
  // The last step drawn at or above the target (y grows with t, and steps come in time order).
  let lo = -1;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (y(steps[mid]?.t ?? 0) <= target) lo = mid;
    else hi = mid - 1;
  }
  const above = lo;
  const below = lo + 1 < steps.length ? lo + 1 : -1;
  if (above < 0) return 1;
  if (below < 0) return steps.length;
  const dAbove = target - y(steps[above]?.t ?? 0);
  const dBelow = y(steps[below]?.t ?? 0) - target;
  if (dAbove <= dBelow) return above + 1;
  // The last step of the instant below.
  let last = below;
  while (last + 1 < steps.length && steps[last + 1]?.t === steps[below]?.t) last++;
  return last + 1;
}
