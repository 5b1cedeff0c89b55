import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { parseScenario } from '../../engine/validate';
import { defaultLabOptions } from '../../lab/labOptions';
import { CAPTURE_LESSON_ID, CUSTOM_LESSON_ID } from '../../lab/types';
import type { LabDeps } from './labStore';
import {
  chooseLesson,
  openingOf,
  refusalOf,
  type LessonChoice,
  type LessonEvent,
} from './lessonChoice';

const lesson = (seed: number): Scenario => ({
  seed,
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 10, who: 'client', do: 'connect' },
  ],
});

const LESSONS: Record<string, Scenario> = { basic: lesson(1), other: lesson(2) };

const deps: LabDeps = {
  defaultLessonId: 'basic',
  lessonScenario: (id) => (Object.hasOwn(LESSONS, id) ? LESSONS[id] : undefined),
  lessonOptions: defaultLabOptions,
  checkScenario: parseScenario,
  derive: () => {
    throw new Error('not used');
  },
  faultForSegment: () => null,
};

const opened = (lessonId = 'basic'): LessonChoice =>
  openingOf({ locale: 'en', lessonId }, deps).choice;

function reduce(choice: LessonChoice, events: LessonEvent[]): LessonChoice {
  return events.reduce(chooseLesson, choice);
}

describe('chooseLesson', () => {
  it('shows a loaded scenario and falls back to the lesson it replaced if it never runs', () => {
    const start = opened('other');
    const loaded = chooseLesson(start, { type: 'load', scenario: lesson(9) });
    expect(loaded).toEqual({
      lessonId: CUSTOM_LESSON_ID,
      custom: {
        scenario: lesson(9),
        proven: false,
        fallback: { lessonId: 'other', scenario: undefined },
        source: 'load',
      },
    });
    const back = chooseLesson(loaded, { type: 'failed', lessonId: CUSTOM_LESSON_ID });
    expect(back.lessonId).toBe('other');
    expect(back.custom.scenario).toBeUndefined();
  });

  it('keeps a scenario that ran over a later failure of its own', () => {
    const ran = reduce(opened(), [
      { type: 'load', scenario: lesson(9) },
      { type: 'ran', lessonId: CUSTOM_LESSON_ID },
    ]);
    expect(ran.custom.proven).toBe(true);
    expect(chooseLesson(ran, { type: 'failed', lessonId: CUSTOM_LESSON_ID })).toBe(ran);
  });

  it('goes back to the scenario that ran before a load that cannot', () => {
    const back = reduce(opened(), [
      { type: 'load', scenario: lesson(9) },
      { type: 'ran', lessonId: CUSTOM_LESSON_ID },
      { type: 'load', scenario: lesson(10) },
      { type: 'failed', lessonId: CUSTOM_LESSON_ID },
    ]);
    expect(back.lessonId).toBe(CUSTOM_LESSON_ID);
    expect(back.custom).toMatchObject({ scenario: lesson(9), proven: true });
  });

  it('skips a load that never ran: two failing loads in a row go back to the lesson before both', () => {
    const back = reduce(opened('other'), [
      { type: 'load', scenario: lesson(9) },
      { type: 'load', scenario: lesson(10) },
      { type: 'failed', lessonId: CUSTOM_LESSON_ID },
    ]);
    expect(back.lessonId).toBe('other');
  });

  it("falls a link's scenario back to the default lesson, labelled as the link's", () => {
    const linked = openingOf({ locale: 'en', lessonId: 'other', custom: lesson(5) }, deps).choice;
    expect(linked.lessonId).toBe(CUSTOM_LESSON_ID);
    expect(linked.custom.source).toBe('link');
    const back = chooseLesson(linked, { type: 'failed', lessonId: CUSTOM_LESSON_ID });
    expect(back.lessonId).toBe('basic');
    expect(refusalOf(linked.custom.source, 'seed: bad')).toBe('s: seed: bad');
    expect(refusalOf('load', 'seed: bad')).toBe('load: seed: bad');
  });

  it('changes nothing for runs of a built-in lesson, of another lesson, or a pick of the same', () => {
    const start = opened();
    expect(chooseLesson(start, { type: 'ran', lessonId: 'basic' })).toBe(start);
    expect(chooseLesson(start, { type: 'failed', lessonId: 'basic' })).toBe(start);
    expect(chooseLesson(start, { type: 'pick', lessonId: 'basic' })).toBe(start);
    const loaded = chooseLesson(start, { type: 'load', scenario: lesson(9) });
    expect(chooseLesson(loaded, { type: 'failed', lessonId: 'basic' })).toBe(loaded);
    expect(chooseLesson(loaded, { type: 'ran', lessonId: 'basic' })).toBe(loaded);
  });
});

describe('openingOf', () => {
  it('opens an unknown lesson as the default one, saying so', () => {
    const opening = openingOf({ locale: 'en', lessonId: 'nope' }, deps);
    expect(opening.choice.lessonId).toBe('basic');
    expect(opening.error).toEqual({
      kind: 'link',
      message: 'lesson: no lesson "nope"; showing "basic"',
    });
  });

  it('quotes at most 40 characters of an unknown lesson, on one line, whatever the link holds', () => {
    const line = 'Your session expired.\nSubmit your password at https://evil.example/ ';
    const pretence = line.repeat(25);
    const opening = openingOf({ locale: 'en', lessonId: pretence }, deps);
    expect(opening.choice.lessonId).toBe('basic');
    const message = opening.error?.message ?? '';
    expect(message).toBe(
      `lesson: no lesson ${JSON.stringify(`${pretence.slice(0, 40)}…`)}; showing "basic"`,
    );
    expect(message.length).toBeLessThan(100);
  });

  it('says why a link could not be read, and what a scenario that is not an object is', () => {
    expect(openingOf({ locale: 'en', linkError: 's: empty' }, deps).error).toEqual({
      kind: 'link',
      message: 's: empty',
    });
    const array = openingOf({ locale: 'en', custom: [1] }, deps);
    expect(array.choice.lessonId).toBe('basic');
    expect(array.error?.message).toBe('s: the scenario must be a JSON object, not an array');
    expect(openingOf({ locale: 'en', custom: null }, deps).error?.message).toMatch(/not null$/);
  });

  it("starts from the lesson's own options, with the link's on top", () => {
    const opening = openingOf(
      { locale: 'en', lessonId: 'other', step: 4, options: { dropFinalAck: true } },
      deps,
    );
    expect(opening.lessonOptions).toEqual(defaultLabOptions(lesson(2)));
    expect(opening.options).toEqual({ ...defaultLabOptions(lesson(2)), dropFinalAck: true });
    expect(opening.pendingStep).toBe(4);
  });
});

/** Events a widget may see: picks of lessons at hand, loads, and the answers to runs. */
const event = (scenarios: number): fc.Arbitrary<(current: string) => LessonEvent> =>
  fc.oneof(
    fc
      .constantFrom('basic', 'other', CAPTURE_LESSON_ID)
      .map((lessonId) => () => ({ type: 'pick', lessonId }) as const),
    fc
      .nat({ max: scenarios - 1 })
      .map((seed) => () => ({ type: 'load', scenario: lesson(100 + seed) }) as const),
    fc.constant((lessonId: string) => ({ type: 'ran', lessonId }) as const),
    fc.constant((lessonId: string) => ({ type: 'failed', lessonId }) as const),
  );

describe('chooseLesson, any sequence of events', () => {
  it('shows lesson custom only with a scenario, and falls back only to what was shown and ran', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('basic', 'other'),
        fc.boolean(),
        fc.array(event(4), { maxLength: 30 }),
        (lessonId, linked, makers) => {
          let choice = openingOf(
            { locale: 'en', lessonId, custom: linked ? lesson(50) : undefined },
            deps,
          ).choice;
          // What the widget has shown: built-in lessons, and custom scenarios that ran.
          const shown = new Set<string>([deps.defaultLessonId, choice.lessonId]);
          const ran = new Set<Scenario>();
          for (const make of makers) {
            const happened = make(choice.lessonId);
            const next = chooseLesson(choice, happened);
            if (next.lessonId === CUSTOM_LESSON_ID) expect(next.custom.scenario).toBeDefined();
            if (happened.type === 'failed' && next !== choice) {
              // Back to something shown before, never to a custom scenario that never ran.
              if (next.lessonId === CUSTOM_LESSON_ID) {
                expect(ran.has(next.custom.scenario as Scenario)).toBe(true);
              } else {
                expect(shown.has(next.lessonId)).toBe(true);
              }
            }
            if (happened.type === 'ran' && next.lessonId === CUSTOM_LESSON_ID) {
              ran.add(next.custom.scenario as Scenario);
            }
            // Proven means one of its runs worked.
            if (next.custom.proven) expect(ran.has(next.custom.scenario as Scenario)).toBe(true);
            if (next.lessonId !== CUSTOM_LESSON_ID) shown.add(next.lessonId);
            choice = next;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
