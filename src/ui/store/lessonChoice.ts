// Which lesson a widget shows, and the scenario of lesson `custom` (a share link's `s=` or a course
// page's `load`): a pure reducer, so that what a custom scenario that cannot run falls back to is
// plain state of the store, and its rules are tested on their own (lessonChoice.test.ts).
//
// A custom scenario is checked by the worker like any input; the page only needs it to be an
// object. Until one of its runs works, a failed run puts back the lesson shown before it (a
// built-in one, or the custom scenario before it if that one ran) and says why. What a widget opens
// on (`openingOf`) is worked out here too, as pure functions of its init.

import type { Scenario } from '../../engine/types';
import { CUSTOM_LESSON_ID, type LabOptions } from '../../lab/types';
import type { LabDeps, LabError, LabInit } from './labStore';

/** Where a custom scenario came from: a share link (`s=`) or a course page's `load` message. */
export type CustomSource = 'link' | 'load';

export interface CustomScenario {
  /** The scenario of lesson `custom`, as given; undefined when there is none. */
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
  /** A course page's scenario is to be shown as lesson `custom`. */
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

export function asScenarioObject(raw: unknown): Scenario | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Scenario)
    : undefined;
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

/** The options the choice's lesson starts with; the lab's defaults for one too broken to read. */
export function optionsOf(choice: LessonChoice, deps: LabDeps): LabOptions {
  const lesson = scenarioOf(choice, choice.lessonId, deps);
  try {
    if (lesson) return deps.lessonOptions(lesson);
  } catch {
    // A malformed scenario: the worker's validation will say what is wrong with it.
  }
  return FALLBACK_OPTIONS;
}

export function openingOf(init: LabInit, deps: LabDeps): Opening {
  const { defaultLessonId } = deps;
  const linked = asScenarioObject(init.custom);
  const wanted: LessonChoice = {
    lessonId: linked ? CUSTOM_LESSON_ID : (init.lessonId ?? defaultLessonId),
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
    (init.custom !== undefined && !linked
      ? `s: the scenario must be a JSON object, not ${jsonKindOf(init.custom)}`
      : null);
  const message = known
    ? linkError
    : `lesson: no lesson "${wanted.lessonId}"; showing "${choice.lessonId}"`;
  return {
    choice,
    options: { ...own, ...init.options },
    lessonOptions: own,
    error: message === null ? null : { kind: 'link', message },
    pendingStep: init.step ?? null,
    pendingAutoplay: init.autoplay ?? false,
  };
}
