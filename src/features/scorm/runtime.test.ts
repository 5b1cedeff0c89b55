// @vitest-environment happy-dom
// The reporter against a real SCORM run-time (scorm-again, the LMS side many players embed):
// what it commits is what an LMS would store. Frames are plain objects standing in for windows,
// since discovery needs only `parent`, `opener` and property reads.

import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import {
  createScormReporter,
  installUnloadFinish,
  parseScormVersion,
  type ScormAnswer,
  type ScoreReport,
} from './runtime';
import { frames } from '../../testing/scormFrames';

/**
 * What the run-time held at each commit and at the finish, as it would send it to the LMS (its JSON, which unlike
 * GetValue also shows the elements a SCO may only write). `at('core.score.raw')` reads the last.
 */
function committed(api: Scorm12API | Scorm2004API) {
  const commits: unknown[] = [];
  const v12 = api instanceof Scorm12API;
  // A commit, and the finish, which commits what was set (the page does not Commit on leaving).
  for (const event of v12 ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate']) {
    api.on(event, () => commits.push(JSON.parse(JSON.stringify(api.cmi))));
  }
  return {
    get count() {
      return commits.length;
    },
    at(path: string): unknown {
      return path
        .split('.')
        .reduce(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          commits.at(-1),
        );
    },
  };
}

function answer(id: string, result: boolean, learner = 'SYN', correct = 'SYN'): ScormAnswer {
  return { id, description: `Question ${id}?`, learner, correct, result };
}

const FIRST: ScoreReport = {
  right: 1,
  asked: 2,
  total: 4,
  complete: false,
  answers: [
    answer('client-closes-first-step1.flags', true),
    answer('client-closes-first-step2-state', false, 'x'.repeat(300), 'FIN, ACK'),
  ],
};

const ALL: ScoreReport = {
  right: 3,
  asked: 4,
  total: 4,
  complete: true,
  answers: [...FIRST.answers, answer('step3', true), answer('step4', true)],
};

function clock() {
  let time = 1_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('SCORM 1.2', () => {
  function setUp() {
    const api = new Scorm12API({ autocommit: false, logLevel: 5 });
    const commits = committed(api);
    const time = clock();
    const reporter = createScormReporter(frames({ API: api }), '1.2', time.now)!;
    return { api, commits, time, reporter };
  }

  it('starts incomplete, reports score and answers, passes, and finishes', () => {
    const { api, commits, time, reporter } = setUp();
    expect(reporter.start()).toBe(true);
    expect(api.isInitialized()).toBe(true);
    expect(commits.count).toBe(1);
    expect(commits.at('core.lesson_status')).toBe('incomplete');

    reporter.report(FIRST);
    expect(commits.count).toBe(2);
    expect(commits.at('core.score')).toEqual({ raw: '1', min: '0', max: '4' });
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('1');
    expect(commits.at('core.lesson_status')).toBe('incomplete');
    const [one, two] = [commits.at('interactions.0'), commits.at('interactions.1')];
    // 1.2 identifiers take no '.', and a fill-in response is at most 255 characters.
    expect(one).toMatchObject({ id: 'client-closes-first-step1_flags', type: 'fill-in' });
    expect(one).toMatchObject({ student_response: 'SYN', result: 'correct' });
    expect(commits.at('interactions.0.correct_responses.0.pattern')).toBe('SYN');
    expect(two).toMatchObject({ student_response: 'x'.repeat(255), result: 'wrong' });
    expect(commits.at('interactions.1.correct_responses.0.pattern')).toBe('FIN, ACK');

    reporter.report(ALL);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('4');
    expect(commits.at('interactions.2')).toMatchObject({ id: 'step3', result: 'correct' });
    expect(commits.at('core.score')).toEqual({ raw: '3', min: '0', max: '4' });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');

    time.advance(3_725_500);
    reporter.finish();
    expect(api.isTerminated()).toBe(true);
    expect(commits.at('core.exit')).toBe('');
    // 1 h 2 min 5.5 s, as the run-time stores "01:02:05.50".
    expect(commits.at('core.session_time')).toBe('01:02:05.5');

    reporter.finish();
    reporter.report({ ...ALL, right: 0 });
    expect(commits.at('core.score.raw')).toBe('3');
  });

  it('fails below the passing share', () => {
    const { api, reporter } = setUp();
    reporter.report({ ...ALL, right: 2 });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('failed');
  });

  it('reports more than 100 parts as a percentage, the most 1.2 takes', () => {
    const { api, reporter } = setUp();
    reporter.report({ right: 100, asked: 150, total: 160, complete: false, answers: [] });
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('62.5');
    expect(api.LMSGetValue('cmi.core.score.max')).toBe('100');
  });

  it('adds to the interactions of an earlier session and keeps its status', () => {
    const { api, commits, reporter } = setUp();
    api.loadFromJSON({ core: { lesson_status: 'passed' } });
    api.loadFromJSON({ interactions: { '0': { id: 'old', type: 'fill-in' } } });
    reporter.report(FIRST);
    expect(commits.at('core.lesson_status')).toBe('passed');
    expect(commits.at('interactions.0.id')).toBe('old');
    expect(commits.at('interactions.1.id')).toBe('client-closes-first-step1_flags');
  });
});

describe('SCORM 2004', () => {
  function setUp() {
    const api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    const commits = committed(api);
    const time = clock();
    const reporter = createScormReporter(frames({ API_1484_11: api }), '2004', time.now)!;
    return { api, commits, time, reporter };
  }

  it('reports completion, success, score, progress and answers', () => {
    const { api, commits, time, reporter } = setUp();
    reporter.start();
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');

    reporter.report(FIRST);
    expect(commits.at('score')).toEqual({ scaled: '0.25', raw: '1', min: '0', max: '4' });
    expect(commits.at('progress_measure')).toBe('0.5');
    expect(commits.at('success_status')).toBe('unknown');
    expect(api.GetValue('cmi.interactions.0.id')).toBe('client-closes-first-step1.flags');
    expect(api.GetValue('cmi.interactions.0.description')).toBe(
      'Question client-closes-first-step1.flags?',
    );
    expect(api.GetValue('cmi.interactions.0.learner_response')).toBe('SYN');
    expect(api.GetValue('cmi.interactions.0.result')).toBe('correct');
    expect(api.GetValue('cmi.interactions.1.learner_response')).toBe('x'.repeat(250));
    expect(api.GetValue('cmi.interactions.1.correct_responses.0.pattern')).toBe('FIN,ACK');
    expect(api.GetValue('cmi.interactions.1.result')).toBe('incorrect');

    const setValue = vi.spyOn(api, 'SetValue');
    reporter.report(ALL);
    // Only the answers not written yet.
    const ids = setValue.mock.calls.filter(([element]) => element.endsWith('.id'));
    expect(ids.map(([element]) => element)).toEqual([
      'cmi.interactions.2.id',
      'cmi.interactions.3.id',
    ]);
    expect(api.GetValue('cmi.interactions._count')).toBe('4');
    expect(commits.at('completion_status')).toBe('completed');
    expect(commits.at('success_status')).toBe('passed');
    expect(commits.at('score.scaled')).toBe('0.75');
    expect(commits.at('progress_measure')).toBe('1');

    time.advance(1_500);
    reporter.finish();
    expect(api.isTerminated()).toBe(true);
    expect(commits.at('exit')).toBe('normal');
    expect(commits.at('session_time')).toBe('PT0H0M1.5S');
  });

  it('fails below the passing share; a session left unfinished suspends', () => {
    const { api, commits, reporter } = setUp();
    reporter.report({ ...ALL, right: 1 });
    expect(api.GetValue('cmi.success_status')).toBe('failed');
    expect(api.GetValue('cmi.score.scaled')).toBe('0.25');

    const other = setUp();
    other.reporter.report(FIRST);
    other.reporter.finish();
    expect(other.commits.at('exit')).toBe('suspend');
    expect(other.commits.at('completion_status')).toBe('incomplete');
    // A report before start() starts the session: one commit for each.
    expect(commits.count).toBe(2);
  });

  it('scales an empty exercise to 0', () => {
    const { api, reporter } = setUp();
    reporter.report({ right: 0, asked: 0, total: 0, complete: false, answers: [] });
    expect(api.GetValue('cmi.score.scaled')).toBe('0');
    expect(api.GetValue('cmi.progress_measure')).toBe('0');
  });
});

describe('the page around it', () => {
  it('finishes on pagehide until uninstalled', () => {
    const finish = vi.fn();
    const uninstall = installUnloadFinish(window, { finish });
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('beforeunload'));
    expect(finish).toHaveBeenCalledTimes(2);
    uninstall();
    window.dispatchEvent(new Event('pagehide'));
    expect(finish).toHaveBeenCalledTimes(2);
  });

  it('survives an LMS that throws or refuses', () => {
    const broken = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSGetValue: () => {
        throw new Error('broken');
      },
      LMSSetValue: () => {
        throw new Error('broken');
      },
      LMSCommit: () => 'false',
    };
    const reporter = createScormReporter(frames({ API: broken }), '1.2')!;
    expect(() => {
      reporter.report(ALL);
      reporter.finish();
    }).not.toThrow();
    const refusing = { ...broken, LMSInitialize: () => 'false', LMSCommit: vi.fn(() => 'true') };
    const refused = createScormReporter(frames({ API: refusing }), '1.2')!;
    expect(refused.start()).toBe(false);
    refused.report(ALL);
    expect(refusing.LMSCommit).not.toHaveBeenCalled();
  });

  it('reads the launch page’s scorm= value', () => {
    expect(parseScormVersion('1.2')).toBe('1.2');
    expect(parseScormVersion('2004')).toBe('2004');
    expect(parseScormVersion('3')).toBeNull();
    expect(parseScormVersion(null)).toBeNull();
  });
});
