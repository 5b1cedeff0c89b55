// The built-in lessons, in the order the lesson picker lists them. Each is a scenario in the
// contract's JSON format (CONTRACT.md section 1), kept raw: the worker validates a lesson like any
// other input, so a broken lesson shows its error instead of a wrong trace. The page shows each
// lesson's title and summary from the `lessons` i18n namespace, keyed by `id`; the JSON's own
// `title` and `description` are the English originals for the headless runner.
//
// This module holds what the page needs before anything else: every lesson's id (the picker's
// order) and the default lesson's scenario. ./all.ts holds every lesson whole (its scenario, the
// answers it illustrates, the states it is about); whoever loads it later hands its lessons to
// `addLessonScenarios`.

import clientClosesFirst from './client-closes-first.json';

/** The learner questions with an answer card, in the order they are listed (the `answers` words' keys). */
export const ANSWER_IDS = [
  'why-three',
  'why-four',
  'why-2msl',
  'what-msl',
  'so-reuseaddr',
  'delayed-ack-close',
  'rst',
] as const;
export type AnswerId = (typeof ANSWER_IDS)[number];

export const LESSON_IDS = [
  'client-closes-first',
  'server-closes-first',
  'half-close',
  'delayed-ack-close',
  'simultaneous-close',
  'lost-syn',
  'lost-syn-ack',
  'lost-final-ack',
  'no-time-wait',
  'reuse-with-time-wait',
  'reuse-timestamps',
  'reuse-without-time-wait',
  'simultaneous-open',
  'two-way-handshake',
  'closed-port',
  'abort',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export const DEFAULT_LESSON_ID: LessonId = 'client-closes-first';

export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

// Scenarios at hand so far: the default lesson's is part of this module.
const scenarios = new Map<LessonId, unknown>([[DEFAULT_LESSON_ID, clientClosesFirst]]);

/** The lesson's raw scenario if it is loaded; undefined for an unknown id or one not loaded yet. */
export function loadedLessonScenario(id: string): unknown {
  return isLessonId(id) ? scenarios.get(id) : undefined;
}

/** Whether `id` is a lesson whose scenario is not at hand yet (see `addLessonScenarios`). */
export function lessonScenarioPending(id: string): boolean {
  return isLessonId(id) && !scenarios.has(id);
}

/** Makes lessons' scenarios (those of ./all.ts) at hand. */
export function addLessonScenarios(lessons: readonly { id: LessonId; scenario: unknown }[]): void {
  for (const lesson of lessons) scenarios.set(lesson.id, lesson.scenario);
}

/** The lesson each answer card links to ("show me"). */
export const LESSON_FOR_ANSWER: Readonly<Record<AnswerId, LessonId>> = {
  'why-three': 'two-way-handshake',
  'why-four': 'half-close',
  'why-2msl': 'lost-final-ack',
  'what-msl': 'reuse-without-time-wait',
  'so-reuseaddr': 'reuse-timestamps',
  'delayed-ack-close': 'delayed-ack-close',
  rst: 'closed-port',
};
