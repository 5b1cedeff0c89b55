// Every built-in lesson with its scenario, at once (./index.ts holds only the default one).

import abort from './abort.json';
import clientClosesFirst from './client-closes-first.json';
import closedPort from './closed-port.json';
import delayedAckClose from './delayed-ack-close.json';
import halfClose from './half-close.json';
import { LESSON_INFO, type Lesson, type LessonId } from './index';
import lostFinalAck from './lost-final-ack.json';
import lostSynAck from './lost-syn-ack.json';
import lostSyn from './lost-syn.json';
import noTimeWait from './no-time-wait.json';
import reuseWithTimeWait from './reuse-with-time-wait.json';
import reuseWithoutTimeWait from './reuse-without-time-wait.json';
import serverClosesFirst from './server-closes-first.json';
import simultaneousClose from './simultaneous-close.json';
import simultaneousOpen from './simultaneous-open.json';
import twoWayHandshake from './two-way-handshake.json';

const RAW: Record<LessonId, unknown> = {
  'client-closes-first': clientClosesFirst,
  'server-closes-first': serverClosesFirst,
  'half-close': halfClose,
  'delayed-ack-close': delayedAckClose,
  'simultaneous-close': simultaneousClose,
  'lost-syn': lostSyn,
  'lost-syn-ack': lostSynAck,
  'lost-final-ack': lostFinalAck,
  'no-time-wait': noTimeWait,
  'reuse-with-time-wait': reuseWithTimeWait,
  'reuse-without-time-wait': reuseWithoutTimeWait,
  'simultaneous-open': simultaneousOpen,
  'two-way-handshake': twoWayHandshake,
  'closed-port': closedPort,
  abort,
};

/** Every lesson with its raw scenario, in the picker's order. */
export const LESSONS: readonly Lesson[] = LESSON_INFO.map((info) => ({
  ...info,
  scenario: RAW[info.id],
}));

/** The lesson with this id, or undefined for an unknown one. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
