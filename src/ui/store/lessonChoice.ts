// Which lesson a widget shows, and the scenario of lesson `custom` (a share link's `s=` or a course
// page's `load`): a pure reducer, so that what a custom scenario that cannot run falls back to is
// plain state of the store, and its rules are tested on their own (lessonChoice.test.ts).
//
// A custom scenario reaches the choice only once the validator passed it (deps.checkScenario):
// the settings are read from it (its profile, seed, timers), and one with a field of the wrong type
// would break them. One the validator refuses is never shown; until one that passed has run, a
// failed run (too long for the page, say) puts back the lesson shown before it (a built-in one, or
// the custom scenario before it if that one ran) and says why. What a widget opens on
// (`openingOf`) is worked out here too, as pure functions of its init.

import { quote } from '../../engine/quote';
import type { Scenario } from '../../engine/types';
import type { ParseResult } from '../../engine/validate';
import { CUSTOM_LESSON_ID, type LabOptions } from '../../lab/types';
import type { LabDeps, LabError, LabInit } from './labStore';

/** Where a custom scenario came from: a share link (`s=`) or a course page's `load` message. */
export type CustomSource = 'link' | 'load';

export interface CustomScenario {
  /** The scenario of lesson `custom`, one the validator passed; undefined when there is none. */
  scenario: Scenario | undefined;
  /** One of its runs worked: a later failure is reported over it, not undone. */
  proven: boolean;
  /**
   * What a failure before its first run puts back: a lesson, or lesson `custom` with the (proven)
   * custom scenario shown before this one.
   */
  fallback: { lessonId: string; scenario: Scenario | undefined };
  /** Labels its refusal (`s: …`, `load: …`). */
  source: CustomSource;
}

/** Which lesson is shown and the custom scenario: the lab store's state is one. */
export interface LessonChoice {
  lessonId: string;
  custom: CustomScenario;
}

export type LessonEvent =
  /** A lesson (or a capture) is picked. */
  | { type: 'pick'; lessonId: string }
  /** A course page's scenario, passed by the validator, is to be shown as lesson `custom`. */
  | { type: 'load'; scenario: Scenario }
  /** A run of lesson `lessonId` worked. */
  | { type: 'ran'; lessonId: string }
  /** A run of lesson `lessonId` failed. */
  | { type: 'failed'; lessonId: string };

/** The choice after `event`; `choice` itself when the event changes nothing. */
export function chooseLesson(choice: LessonChoice, event: LessonEvent): LessonChoice {
  const { lessonId, custom } = choice;
  const unproven = lessonId === CUSTOM_LESSON_ID && !custom.proven;
  switch (event.type) {
    case 'pick':
      return event.lessonId === lessonId ? choice : { lessonId: event.lessonId, custom };
    case 'load': {
      // Falls back to the lesson shown now, unless that is a custom scenario that never ran:
      // then the one before it still is what to go back to.
      const fallback =
        lessonId !== CUSTOM_LESSON_ID
          ? { lessonId, scenario: undefined }
          : custom.proven
            ? { lessonId, scenario: custom.scenario }
            : custom.fallback;
      return {
        lessonId: CUSTOM_LESSON_ID,
        custom: { scenario: event.scenario, proven: false, fallback, source: 'load' },
      };
    }
    case 'ran':
      return unproven && event.lessonId === lessonId
        ? { lessonId, custom: { ...custom, proven: true } }
        : choice;
    case 'failed': {
      if (!unproven || event.lessonId !== lessonId) return choice;
      const back = custom.fallback;
      const scenario = back.lessonId === CUSTOM_LESSON_ID ? back.scenario : undefined;
      return {
        lessonId: back.lessonId,
        custom: { ...custom, scenario, proven: scenario !== undefined },
      };
    }
  }
}

/** Why a custom scenario is not shown, said as where it came from: `s: …` or `load: …`. */
export function refusalOf(source: CustomSource, reason: string): string {
  return `${source === 'load' ? 'load' : 's'}: ${reason}`;
}

/** What a widget opens on, worked out from its init once. */
export interface Opening {
  choice: LessonChoice;
  options: LabOptions;
  lessonOptions: LabOptions;
  /** Why it does not show what it was asked to (a link that could not be opened), or null. */
  error: LabError | null;
  pendingStep: number | null;
  pendingAutoplay: boolean;
}

const FALLBACK_OPTIONS: LabOptions = {
  lossPercent: 0,
  seed: 1,
  dropFinalAck: false,
  reusePort: false,
  extraFaults: [],
};

/** `raw` if it is a JSON object (a scenario to check), else undefined. */
export function asScenarioObject(raw: unknown): object | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : undefined;
}

/** Why a scenario is refused when the validator could not be fetched. */
export const UNCHECKED = 'the scenario could not be checked; try reloading the page';

/**
 * `given`, once the validator passed it. Kept as given rather than as the validator's normalized
 * copy (the same scenario, its fields in another order), so that a share link made of it reads as
 * the one it came from.
 */
export function passedScenario(given: object, answer: ParseResult): Scenario | undefined {
  return answer.ok ? (given as Scenario) : undefined;
}

/**
 * The validator's answer for a scenario needed at once (a link's, when the widget opens). One that
 * would come later is refused: the page fetches the validator before it opens on a link, so this
 * is a validator that could not be fetched.
 */
function checkedNow(raw: object, deps: LabDeps): ParseResult {
  const answer = deps.checkScenario(raw);
  if (!(answer instanceof Promise)) return answer;
  answer.catch(() => {});
  return { ok: false, error: UNCHECKED };
}

/** What a JSON value that is not an object is, for "must be a JSON object, not …". */
export function jsonKindOf(raw: unknown): string {
  if (raw === null || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
}

/** The scenario of lesson `id` (as written, before the lab's options), if known. */
export function scenarioOf(choice: LessonChoice, id: string, deps: LabDeps): Scenario | undefined {
  return id === CUSTOM_LESSON_ID ? choice.custom.scenario : deps.lessonScenario(id);
}

/**
 * The options the choice's lesson starts with (read from a built-in lesson or a custom scenario
 * the validator passed); the lab's defaults for a lesson not known.
 */
export function optionsOf(choice: LessonChoice, deps: LabDeps): LabOptions {
  const lesson = scenarioOf(choice, choice.lessonId, deps);
  return lesson ? deps.lessonOptions(lesson) : FALLBACK_OPTIONS;
}

export function openingOf(init: LabInit, deps: LabDeps): Opening {
  const { defaultLessonId } = deps;
  const given = asScenarioObject(init.custom);
  const checked = given ? checkedNow(given, deps) : null;
  const linked = given && checked ? passedScenario(given, checked) : undefined;
  const wanted: LessonChoice = {
    // A linked scenario the validator refuses gives way to the default lesson, as one that cannot
    // run does: the link's `lesson=` is not what it asked for.
    lessonId: linked
      ? CUSTOM_LESSON_ID
      : given
        ? defaultLessonId
        : (init.lessonId ?? defaultLessonId),
    custom: {
      scenario: linked,
      proven: false,
      fallback: { lessonId: defaultLessonId, scenario: undefined },
      source: 'link',
    },
  };
  const known = scenarioOf(wanted, wanted.lessonId, deps) !== undefined;
  const choice = known ? wanted : { ...wanted, lessonId: defaultLessonId };
  const own = optionsOf(choice, deps);
  const linkError =
    init.linkError ??
    (init.custom !== undefined && !given
      ? `s: the scenario must be a JSON object, not ${jsonKindOf(init.custom)}`
      : checked && !checked.ok
        ? refusalOf('link', checked.error)
        : null);
  const message = known
    ? linkError
    : `lesson: no lesson ${quote(wanted.lessonId)}; showing ${quote(choice.lessonId)}`;
  return {
    choice,
    options: { ...own, ...init.options },
    lessonOptions: own,
    error: message === null ? null : { kind: 'link', message },
    pendingStep: init.step ?? null,
    pendingAutoplay: init.autoplay ?? false,
  };
}
