import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { lessonById } from '../scenarios/all';
import type { LessonId } from '../scenarios/index';
import { defaultLabOptions } from './labOptions';
import { runWithCauses } from './run';
import { firstDifferentStep } from './runDiff';
import { buildSteps } from './steps';
import type { LabOptions } from './types';
import { scenarioForLab } from './variants';

function parse(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** A lesson's run as the page runs it, with a knob changed. */
function labRun(id: LessonId, patch: Partial<LabOptions> = {}) {
  const scenario = parse(lessonById(id)?.scenario);
  const options = { ...defaultLabOptions(scenario), ...patch };
  const run = runWithCauses(
    parse(scenarioForLab(scenario, options, (s) => runWithCauses(parse(s)))),
  );
  return { run, steps: buildSteps(run) };
}

describe('firstDifferentStep', () => {
  it('is null for the same run', () => {
    const a = labRun('client-closes-first');
    const b = labRun('client-closes-first');
    expect(firstDifferentStep(a.run, b.run, b.steps)).toBeNull();
  });

  it('finds where dropping the final ACK first shows: the step that sends it', () => {
    const before = labRun('client-closes-first');
    const after = labRun('client-closes-first', { dropFinalAck: true });
    const step = firstDifferentStep(before.run, after.run, after.steps);
    expect(step).not.toBeNull();
    const s = after.steps[(step ?? 0) - 1];
    if (!s) throw new Error('no step');
    // Every step before it is the same in both runs; this one is not.
    const prev = before.steps[(step ?? 0) - 1];
    const events = (run: typeof before.run, st: typeof s | undefined) =>
      JSON.stringify(st ? run.events.slice(st.first, st.end) : []);
    expect(events(after.run, s)).not.toBe(events(before.run, prev));
    for (let k = 0; k < (step ?? 0) - 1; k++) {
      expect(events(after.run, after.steps[k])).toBe(events(before.run, before.steps[k]));
    }
    expect(step).toBeGreaterThan(1);
  });

  it('points at the first differing event, also when a run is a prefix of the other', () => {
    const e = (t: number) => ({ t, type: 'note' }) as never;
    const steps = [
      { number: 1, t: 0, first: 0, end: 2 },
      { number: 2, t: 5, first: 2, end: 3 },
    ];
    expect(
      firstDifferentStep({ events: [e(0), e(1), e(5)] }, { events: [e(0), e(1), e(6)] }, steps),
    ).toBe(2);
    expect(
      firstDifferentStep(
        { events: [e(0), e(1), e(5), e(7)] },
        { events: [e(0), e(1), e(5)] },
        steps,
      ),
    ).toBe(2);
    expect(
      firstDifferentStep({ events: [e(0), e(2), e(5)] }, { events: [e(0), e(1), e(5)] }, steps),
    ).toBe(1);
  });
});
