// The built-in lessons, in the order the lesson picker lists them. Each is a scenario in the
// contract's JSON format (CONTRACT.md section 1), kept raw: the worker validates a lesson like any
// other input, so a broken lesson shows its error instead of a wrong trace. The page shows each
// lesson's title and summary from the `lessons` i18n namespace, keyed by `id`; the JSON's own
// `title` and `description` are the English originals for the headless runner.
//
// This module holds every lesson's id, answers and focus, and the default lesson's scenario; ./all.ts
// holds every scenario. Whoever loads ./all.ts later hands its lessons to `addLessonScenarios`.

import type { Side, TcpState } from '../engine/types';
import clientClosesFirst from './client-closes-first.json';

/** The learner questions with an answer card, in the order they are listed (the `answers` words' keys). */
export const ANSWER_IDS = [
  'why-three',
  'why-four',
  'why-2msl',
  'what-msl',
  'so-reuseaddr',
  'delayed-ack-close',
] as const;
export type AnswerId = (typeof ANSWER_IDS)[number];

export interface LessonFocus {
  /** The side whose states the lesson is about. */
  who: Side | 'both';
  /** The states to watch, in the order they matter. */
  states: readonly TcpState[];
}

/** A lesson without its scenario: what the picker and the answer cards need. */
export interface LessonInfo {
  /** The `lesson=` URL option and the key of its title in the `lessons` namespace. */
  id: LessonId;
  /** The answer cards this lesson illustrates. */
  answers: readonly AnswerId[];
  focus: LessonFocus;
}

export interface Lesson extends LessonInfo {
  /** Raw scenario JSON: validate it (parseScenario) before running. */
  scenario: unknown;
}

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
  'reuse-without-time-wait',
  'simultaneous-open',
  'two-way-handshake',
  'closed-port',
  'abort',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

const META: Record<LessonId, Omit<LessonInfo, 'id'>> = {
  'client-closes-first': {
    answers: ['why-three', 'why-four', 'why-2msl'],
    focus: { who: 'client', states: ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'] },
  },
  'server-closes-first': {
    answers: ['why-four', 'why-2msl'],
    focus: { who: 'server', states: ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'] },
  },
  'half-close': {
    answers: ['why-four'],
    focus: { who: 'both', states: ['FIN_WAIT_2', 'CLOSE_WAIT'] },
  },
  'delayed-ack-close': {
    answers: ['delayed-ack-close', 'why-four'],
    focus: { who: 'server', states: ['CLOSE_WAIT', 'LAST_ACK'] },
  },
  'simultaneous-close': {
    answers: ['why-four', 'why-2msl'],
    focus: { who: 'both', states: ['FIN_WAIT_1', 'CLOSING', 'TIME_WAIT'] },
  },
  'lost-syn': {
    answers: ['why-three'],
    focus: { who: 'client', states: ['SYN_SENT'] },
  },
  'lost-syn-ack': {
    answers: ['why-three'],
    focus: { who: 'both', states: ['SYN_SENT', 'SYN_RCVD'] },
  },
  'lost-final-ack': {
    answers: ['why-2msl', 'what-msl'],
    focus: { who: 'both', states: ['TIME_WAIT', 'LAST_ACK'] },
  },
  'no-time-wait': {
    answers: ['why-2msl'],
    focus: { who: 'both', states: ['FIN_WAIT_2', 'LAST_ACK'] },
  },
  'reuse-with-time-wait': {
    answers: ['so-reuseaddr', 'why-2msl', 'what-msl'],
    focus: { who: 'client', states: ['TIME_WAIT'] },
  },
  'reuse-without-time-wait': {
    answers: ['so-reuseaddr', 'why-2msl', 'what-msl'],
    focus: { who: 'server', states: ['ESTABLISHED'] },
  },
  'simultaneous-open': {
    answers: ['why-three'],
    focus: { who: 'both', states: ['SYN_SENT', 'SYN_RCVD'] },
  },
  'two-way-handshake': {
    answers: ['why-three'],
    focus: { who: 'server', states: ['SYN_RCVD', 'ESTABLISHED'] },
  },
  'closed-port': {
    answers: [],
    focus: { who: 'client', states: ['SYN_SENT'] },
  },
  abort: {
    answers: [],
    focus: { who: 'both', states: ['ESTABLISHED', 'CLOSED'] },
  },
};

/** Every lesson, without its scenario, in the picker's order. */
export const LESSON_INFO: readonly LessonInfo[] = LESSON_IDS.map((id) => ({ id, ...META[id] }));

export const DEFAULT_LESSON_ID: LessonId = 'client-closes-first';

export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

/** The lesson with this id, without its scenario, or undefined for an unknown one. */
export function lessonInfo(id: string): LessonInfo | undefined {
  return LESSON_INFO.find((lesson) => lesson.id === id);
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
  'so-reuseaddr': 'reuse-without-time-wait',
  'delayed-ack-close': 'delayed-ack-close',
};
