// Every built-in lesson whole: its scenario, the answers it illustrates and the states it is about
// (./index.ts holds the ids and the default lesson's scenario, what the page needs first).

import abort from './abort.json';
import clientClosesFirst from './client-closes-first.json';
import closedPort from './closed-port.json';
import delayedAckClose from './delayed-ack-close.json';
import halfClose from './half-close.json';
import type { RuleId } from '../engine/rules';
import type { Side, SocketOwner, TcpState, TraceEvent } from '../engine/types';
import { LESSON_IDS, type AnswerId, type LessonId } from './index';
import lostFinalAck from './lost-final-ack.json';
import lostSynAck from './lost-syn-ack.json';
import lostSyn from './lost-syn.json';
import noTimeWait from './no-time-wait.json';
import reuseTimestamps from './reuse-timestamps.json';
import reuseWithTimeWait from './reuse-with-time-wait.json';
import reuseWithoutTimeWait from './reuse-without-time-wait.json';
import serverClosesFirst from './server-closes-first.json';
import simultaneousClose from './simultaneous-close.json';
import simultaneousOpen from './simultaneous-open.json';
import twoWayHandshake from './two-way-handshake.json';

export interface LessonFocus {
  /** The side whose states the lesson is about. */
  who: Side | 'both';
  /** The states to watch, in the order they matter. */
  states: readonly TcpState[];
}

/**
 * The moment a lesson asks the student to watch, as the engine marks it: the first trace event
 * decided by `rule` (or by any of several rules), narrowed by whose event it is, the state a state
 * event enters and the event's type. The page links to the step that shows it, found in the run
 * itself (src/lab/watch.ts), so a run the student's knobs changed is linked where the moment
 * really happens, or said not to happen at all.
 */
export interface WatchMoment {
  rule: RuleId | readonly RuleId[];
  who?: SocketOwner;
  /** Only a state event entering this state. */
  to?: TcpState;
  type?: TraceEvent['type'];
  /** Only after the first event decided by this rule (the same rule also happens before it). */
  after?: RuleId;
}

/** What a lesson is about. */
export interface LessonInfo {
  /** The `lesson=` URL option and the key of its title in the `lessons` namespace. */
  id: LessonId;
  /** The answer cards this lesson illustrates. */
  answers: readonly AnswerId[];
  focus: LessonFocus;
  /** The moment its "What to watch for" sentence (`lessons.<id>.watch`) is about. */
  watch: WatchMoment;
}

export interface Lesson extends LessonInfo {
  /** Raw scenario JSON: validate it (parseScenario) before running. */
  scenario: unknown;
}

const META: Record<LessonId, Omit<LessonInfo, 'id'>> = {
  'client-closes-first': {
    answers: ['why-three', 'why-four', 'why-2msl'],
    focus: { who: 'client', states: ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'] },
    watch: { rule: 'fin-received', who: 'client', to: 'TIME_WAIT' },
  },
  'server-closes-first': {
    answers: ['why-four', 'why-2msl'],
    focus: { who: 'server', states: ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'] },
    watch: { rule: 'fin-received', who: 'server', to: 'TIME_WAIT' },
  },
  'half-close': {
    answers: ['why-four'],
    focus: { who: 'both', states: ['FIN_WAIT_2', 'CLOSE_WAIT'] },
    watch: { rule: 'send-data', who: 'server' },
  },
  'delayed-ack-close': {
    answers: ['delayed-ack-close', 'why-four'],
    focus: { who: 'server', states: ['CLOSE_WAIT', 'LAST_ACK'] },
    watch: { rule: 'pingpong', who: 'server' },
  },
  'simultaneous-close': {
    answers: ['why-four', 'why-2msl'],
    focus: { who: 'both', states: ['FIN_WAIT_1', 'CLOSING', 'TIME_WAIT'] },
    watch: { rule: 'fin-received', to: 'CLOSING' },
  },
  'lost-syn': {
    answers: ['why-three'],
    focus: { who: 'client', states: ['SYN_SENT'] },
    watch: { rule: 'rto-expired', who: 'client', type: 'send' },
  },
  'lost-syn-ack': {
    answers: ['why-three'],
    focus: { who: 'both', states: ['SYN_SENT', 'SYN_RCVD'] },
    watch: { rule: 'rto-expired', type: 'send' },
  },
  'lost-final-ack': {
    answers: ['why-2msl', 'what-msl'],
    focus: { who: 'both', states: ['TIME_WAIT', 'LAST_ACK'] },
    watch: { rule: 'time-wait-restart', who: 'client' },
  },
  'no-time-wait': {
    answers: ['why-2msl', 'rst'],
    focus: { who: 'both', states: ['FIN_WAIT_2', 'LAST_ACK'] },
    watch: { rule: 'rst-closed', who: 'client' },
  },
  'reuse-with-time-wait': {
    answers: ['so-reuseaddr', 'why-2msl', 'what-msl'],
    focus: { who: 'client', states: ['TIME_WAIT'] },
    watch: { rule: 'bind-in-use', who: 'client' },
  },
  'reuse-timestamps': {
    answers: ['so-reuseaddr', 'why-2msl'],
    focus: { who: 'client', states: ['TIME_WAIT', 'ESTABLISHED'] },
    watch: { rule: 'paws', type: 'deliver' },
  },
  'reuse-without-time-wait': {
    answers: ['so-reuseaddr', 'why-2msl', 'what-msl'],
    focus: { who: 'server', states: ['ESTABLISHED'] },
    watch: { rule: 'ack-at-once', who: 'server', after: 'reuse-time-wait' },
  },
  'simultaneous-open': {
    answers: ['why-three'],
    focus: { who: 'both', states: ['SYN_SENT', 'SYN_RCVD'] },
    watch: { rule: 'simultaneous-open' },
  },
  'two-way-handshake': {
    answers: ['why-three', 'rst'],
    focus: { who: 'server', states: ['SYN_RCVD', 'ESTABLISHED'] },
    watch: { rule: 'two-way-handshake', who: 'server' },
  },
  'closed-port': {
    answers: ['rst'],
    focus: { who: 'client', states: ['SYN_SENT'] },
    watch: { rule: 'rst-closed', who: 'server' },
  },
  abort: {
    answers: ['rst'],
    focus: { who: 'both', states: ['ESTABLISHED', 'CLOSED'] },
    watch: { rule: 'abort-call', who: 'client', type: 'send' },
  },
};

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
  'reuse-timestamps': reuseTimestamps,
  'reuse-without-time-wait': reuseWithoutTimeWait,
  'simultaneous-open': simultaneousOpen,
  'two-way-handshake': twoWayHandshake,
  'closed-port': closedPort,
  abort,
};

/** Every lesson with its raw scenario, in the picker's order. */
export const LESSONS: readonly Lesson[] = LESSON_IDS.map((id) => ({
  id,
  ...META[id],
  scenario: RAW[id],
}));

/** The lesson with this id, or undefined for an unknown one. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
