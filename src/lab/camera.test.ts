import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import lesson from '../scenarios/reuse-without-time-wait.json';
import { focusSegments, scrollTarget, stepFocus, stepNearY, type FocusRange } from './camera';
import { deriveRun } from './derive';
import { runWithCauses } from './run';
import { segmentWindow } from './segmentWindow';
import { LESSONS } from '../scenarios/all';

const parsed = parseScenario(lesson);
if (!parsed.ok) throw new Error(parsed.error);
const scenario: Scenario = parsed.scenario;
const derived = deriveRun(runWithCauses(scenario));
const y = (t: number) => 28 + derived.axis.y(t);

describe('stepFocus', () => {
  it('is the same from the segments focusSegments picks, for every lesson at every step', () => {
    for (const { id, scenario: raw } of LESSONS) {
      const lessonParsed = parseScenario(raw);
      if (!lessonParsed.ok) throw new Error(lessonParsed.error);
      const run = deriveRun(runWithCauses(lessonParsed.scenario));
      const at = (t: number, offset = 0) => 28 + run.axis.y(t, offset);
      const window = segmentWindow(run.segments);
      for (let step = 0; step <= run.steps.length; step++) {
        const view = run.viewAt(step);
        const picked = {
          segments: focusSegments(run.segments, window, step),
          stateChanges: run.stateChanges,
        };
        expect(stepFocus(picked, view, at), `${id} at step ${step}`).toEqual(
          stepFocus(run, view, at),
        );
      }
    }
  });

  it('has nothing to show at step 0', () => {
    expect(stepFocus(derived, derived.viewAt(0), y)).toBeNull();
  });

  it('covers every arrow the step sent, delivered or dropped, whole, at every step', () => {
    for (let step = 1; step <= derived.steps.length; step++) {
      const view = derived.viewAt(step);
      const focus = stepFocus(derived, view, y);
      expect(focus).not.toBeNull();
      if (!focus) continue;
      expect(focus.top).toBeLessThanOrEqual(y(view.t));
      expect(focus.bottom).toBeGreaterThanOrEqual(y(view.t));
      for (const seg of derived.segments) {
        const touched =
          seg.sentStep === step || seg.deliveredStep === step || seg.droppedStep === step;
        if (!touched) continue;
        const arrival = seg.deliveredAt ?? seg.droppedAt ?? seg.sentAt;
        expect(focus.top).toBeLessThanOrEqual(y(seg.sentAt));
        expect(focus.bottom).toBeGreaterThanOrEqual(y(arrival));
      }
      if (focus.context !== null) expect(focus.context).toBeLessThan(focus.top);
    }
  });

  it('covers the state badges the step added', () => {
    for (let step = 1; step <= derived.steps.length; step++) {
      const info = derived.steps[step - 1];
      const focus = stepFocus(derived, derived.viewAt(step), y);
      if (!info || !focus) continue;
      for (const change of derived.stateChanges) {
        if (change.index < info.first || change.index >= info.end) continue;
        expect(focus.top).toBeLessThan(y(change.t));
        expect(focus.bottom).toBeGreaterThan(y(change.t));
      }
    }
  });

  it('names the arrow before the step as its context', () => {
    // The step that sends the handshake's ACK delivers the SYN+ACK; the SYN before them is context.
    const [syn, , ack] = derived.segments;
    if (!syn || !ack) throw new Error('no handshake');
    const focus = stepFocus(derived, derived.viewAt(ack.sentStep), y);
    expect(focus?.context).not.toBeNull();
    expect(focus?.context ?? Infinity).toBeLessThanOrEqual(y(syn.sentAt));
  });
});

describe('scrollTarget', () => {
  const box = { scrollTop: 0, height: 500, contentHeight: 3000, covered: 80 };
  const range = (
    top: number,
    bottom: number,
    context: number | null = null,
    core = { top: bottom - 30, bottom },
  ): FocusRange => ({ top, bottom, context, core });

  it('stays where it is when the range is already in view below the header', () => {
    expect(scrollTarget(range(200, 300), { ...box, scrollTop: 50 })).toBe(50);
  });

  it('scrolls down just far enough, keeping the context when it fits', () => {
    const target = scrollTarget(range(900, 1000, 800), box);
    expect(target).toBe(1016 - 500);
    expect(target + box.covered).toBeLessThanOrEqual(800 - 16);
  });

  it('scrolls up so the range (and its context) sits under the sticky header', () => {
    expect(scrollTarget(range(400, 450, 350), { ...box, scrollTop: 1000 })).toBe(350 - 16 - 80);
    // The context does not fit with it: the range alone.
    expect(scrollTarget(range(400, 450, 0), { ...box, scrollTop: 1000 })).toBe(400 - 16 - 80);
  });

  it('never hides the range under the header', () => {
    // In view by the box, but under the header: scrolls up.
    expect(scrollTarget(range(60, 100), { ...box, scrollTop: 0 })).toBe(0);
    expect(scrollTarget(range(130, 160), { ...box, scrollTop: 100 })).toBe(130 - 16 - 80);
  });

  it('shows the core of a range taller than the box, with what fits above it', () => {
    // A long arrow delivered now: its head (the core) at the bottom of the box.
    expect(scrollTarget(range(1000, 2000), box)).toBe(2000 + 4 - 500);
    // Already in view: no move.
    expect(scrollTarget(range(1000, 2000), { ...box, scrollTop: 1600 })).toBe(1600);
    // A core taller than the box: its bottom, the latest thing drawn.
    expect(scrollTarget(range(1000, 2000, null, { top: 1100, bottom: 1900 }), box)).toBe(
      1904 - 500,
    );
  });

  it('is clamped to what the box can scroll', () => {
    expect(scrollTarget(range(2900, 2990), box)).toBe(2500);
    expect(scrollTarget(range(10, 20), { ...box, scrollTop: 300 })).toBe(0);
  });
});

describe('stepNearY', () => {
  const steps = [{ t: 0 }, { t: 10 }, { t: 10 }, { t: 30 }];
  const y = (t: number) => t * 2;
  it('takes the nearest step, the last of an instant', () => {
    expect(stepNearY(steps, y, -5)).toBe(1);
    expect(stepNearY(steps, y, 8)).toBe(1);
    expect(stepNearY(steps, y, 15)).toBe(3);
    expect(stepNearY(steps, y, 20)).toBe(3);
    expect(stepNearY(steps, y, 45)).toBe(4);
    expect(stepNearY(steps, y, 500)).toBe(4);
    expect(stepNearY([], y, 5)).toBeNull();
  });

  it('finds every step of a real run at its own y', () => {
    derived.steps.forEach((step, i) => {
      const found = stepNearY(derived.steps, y, y(step.t)) ?? 0;
      expect(derived.steps[found - 1]?.t).toBe(step.t);
      expect(found).toBeGreaterThanOrEqual(i + 1);
    });
  });
});
