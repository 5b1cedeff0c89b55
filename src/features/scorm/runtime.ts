// The SCORM run-time client of predict mode: when the lab runs as a course in an LMS, it tells the
// LMS the student's score, progress and every answer. React-free, so the page wires it to its
// own state; without an LMS there is no reporter and the page behaves as anywhere else.

import {
  cmiText,
  decimal,
  interactionId,
  ratio,
  responseText,
  scoreValues,
  timespan,
} from './cmiValues';
import { findLms, type Lms, type ScormVersion } from './lms';

export { findScormApi } from './lms';
export type { Scorm12Api, Scorm2004Api, ScormVersion } from './lms';

/** Share of the parts that must be right to pass (1.2 lesson_status, 2004 success_status). */
export const PASSING = 0.7;

export interface ScormAnswer {
  /** E.g. "client-closes-first-step3-flags" (letters, digits, '-', '_', '.'). */
  id: string;
  /** The question, in words. */
  description: string;
  /** The student's answer as text. */
  learner: string;
  /** The correct answer as text. */
  correct: string;
  result: boolean;
}

export interface ScoreReport {
  /** Parts answered right. */
  right: number;
  /** Parts asked so far. */
  asked: number;
  /** Parts the whole exercise will ask (>= asked). */
  total: number;
  /** Every question of every lesson answered. */
  complete: boolean;
  /** Every answer so far, in order. */
  answers: readonly ScormAnswer[];
}

export interface ScormReporter {
  readonly version: ScormVersion;
  /** Opens the session; false when the LMS refused it (the reporter then does nothing). */
  start(): boolean;
  /** Writes the score, progress and new answers, and commits. Starts the session if need be. */
  report(report: ScoreReport): void;
  /** Closes the session: once; later calls, and reports after it, do nothing. */
  finish(): void;
}

/** The data model elements whose names differ between the versions. */
const CMI = {
  '1.2': {
    status: 'cmi.core.lesson_status',
    score: 'cmi.core.score',
    sessionTime: 'cmi.core.session_time',
    response: 'student_response',
    wrong: 'wrong',
  },
  '2004': {
    status: 'cmi.completion_status',
    score: 'cmi.score',
    sessionTime: 'cmi.session_time',
    response: 'learner_response',
    wrong: 'incorrect',
  },
} as const;

/** Statuses a new session must not take back: a course done once stays done in the LMS. */
const DONE = new Set(['passed', 'failed', 'completed']);

function countOf(text: string): number {
  const count = Number.parseInt(text, 10);
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/**
 * The reporter for the LMS above `win` (see findScormApi), or null when there is none. `now`
 * (milliseconds) times the session for the LMS's session time.
 */
export function createScormReporter(
  win: Window,
  version: ScormVersion,
  now: () => number = Date.now,
): ScormReporter | null {
  const lms = findLms(win, version);
  return lms ? new Reporter(lms, version, now) : null;
}

class Reporter implements ScormReporter {
  private state: 'new' | 'open' | 'closed' = 'new';
  private startedAt = 0;
  /** Interactions the LMS held before this session: ours are added after them. */
  private firstInteraction = 0;
  private written = 0;
  private complete = false;

  constructor(
    private readonly lms: Lms,
    readonly version: ScormVersion,
    private readonly now: () => number,
  ) {}

  start(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    if (!this.lms.initialize()) {
      this.state = 'closed';
      return false;
    }
    this.state = 'open';
    this.startedAt = this.now();
    this.firstInteraction = countOf(this.lms.get('cmi.interactions._count'));
    const status = CMI[this.version].status;
    if (!DONE.has(this.lms.get(status))) this.lms.set(status, 'incomplete');
    this.lms.commit();
    return true;
  }

  report(report: ScoreReport): void {
    if (this.state === 'new') this.start();
    if (this.state !== 'open') return;
    const { version, lms } = this;
    const { right, asked, total } = report;
    const score = scoreValues(right, total, version);
    const element = CMI[version].score;
    // min and max before raw: an LMS may check raw against the range it already has.
    lms.set(`${element}.min`, score.min);
    lms.set(`${element}.max`, score.max);
    lms.set(`${element}.raw`, score.raw);
    if (version === '2004') {
      lms.set('cmi.score.scaled', decimal(ratio(right, total)));
      lms.set('cmi.progress_measure', decimal(ratio(asked, total)));
    }
    for (; this.written < report.answers.length; this.written += 1) {
      this.writeAnswer(this.written, report.answers[this.written]!);
    }
    this.complete = report.complete;
    if (report.complete) {
      const result = ratio(right, total) >= PASSING ? 'passed' : 'failed';
      if (version === '1.2') lms.set('cmi.core.lesson_status', result);
      else {
        lms.set('cmi.completion_status', 'completed');
        lms.set('cmi.success_status', result);
      }
    }
    lms.commit();
  }

  finish(): void {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    const { version, lms } = this;
    lms.set(CMI[version].sessionTime, timespan(this.now() - this.startedAt, version));
    // 1.2's exit says nothing more than "" should; 2004 keeps an unfinished attempt to resume.
    if (version === '1.2') lms.set('cmi.core.exit', '');
    else lms.set('cmi.exit', this.complete ? 'normal' : 'suspend');
    // No Commit of our own: Terminate (LMSFinish) commits what was set, and a page being closed may
    // not make the synchronous request an LMS's Commit can need (Chromium refuses it then).
    lms.terminate();
  }

  /** The answer at `place` as interaction n; the id and type first, as 2004 requires. */
  private writeAnswer(place: number, answer: ScormAnswer): void {
    const { version, lms } = this;
    const names = CMI[version];
    const prefix = `cmi.interactions.${this.firstInteraction + place}`;
    lms.set(`${prefix}.id`, interactionId(answer.id, place, version));
    lms.set(`${prefix}.type`, 'fill-in');
    if (version === '2004') lms.set(`${prefix}.description`, cmiText(answer.description, version));
    lms.set(`${prefix}.${names.response}`, responseText(answer.learner, version));
    lms.set(`${prefix}.correct_responses.0.pattern`, responseText(answer.correct, version));
    lms.set(`${prefix}.result`, answer.result ? 'correct' : names.wrong);
  }
}

/**
 * Finishes the session when the page goes away (the LMS otherwise may keep it open, or lose what
 * came after the last commit). `pagehide` is the one browsers fire reliably, also for pages kept
 * in the back/forward cache; `beforeunload` comes earlier where it fires. Returns the uninstaller.
 */
export function installUnloadFinish(
  win: Window,
  reporter: Pick<ScormReporter, 'finish'>,
): () => void {
  const finish = () => reporter.finish();
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return () => {
    win.removeEventListener('pagehide', finish);
    win.removeEventListener('beforeunload', finish);
  };
}

/** The version a launch page's `scorm=` names, or null for anything else (no LMS reporting). */
export function parseScormVersion(value: string | null | undefined): ScormVersion | null {
  return value === '1.2' || value === '2004' ? value : null;
}
