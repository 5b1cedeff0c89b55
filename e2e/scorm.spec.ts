// The SCORM packages (`npm run build:scorm`) in a stand-in LMS: the package is built once for this
// file, unzipped, and served with a host page that puts scorm-again's run-time API on its window
// and launches the "handshake" set's launch page in an iframe (e2e/helpers/scormLms.ts). The
// student answers through the frame; the LMS's data model and the commits its back end received
// must hold the score, the status and every answer, with the engine's correct values, and leaving
// the course must finish the session.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { LessonId } from './helpers/engine';
import {
  ALL_RIGHT,
  FLAGS,
  KINDS,
  MIXED_ANSWERS,
  answerAsked,
  answerFor,
  choiceFor,
  clickTo,
  count,
  expectAskedResult,
  partsOf,
  predictRun,
  rightOf,
  shownAttempt,
  type Asked,
  type Kind,
  type Plan,
  type SegmentQuestion,
} from './helpers/predict';
import {
  buildScormPackages,
  removePackage,
  startLms,
  unzipPackage,
  type Lms,
  type ScormVersion,
} from './helpers/scormLms';

// One worker, in order: the package is built once (beforeAll), not once per worker.
test.describe.configure({ mode: 'default' });

const VERSIONS = ['1.2', '2004'] as const satisfies readonly ScormVersion[];
const SET = 'handshake';
/** The set's lessons (src/scenarios/exerciseSets.ts). */
const LESSONS = ['client-closes-first', 'lost-syn', 'lost-syn-ack'] as const satisfies LessonId[];

/** How the student answers the first lesson: some right, some wrong, one "show me". */
const FIRST_LESSON = MIXED_ANSWERS;

const dirs = new Map<ScormVersion, string>();

test.beforeAll(() => {
  test.setTimeout(240_000);
  buildScormPackages();
  for (const version of VERSIONS) dirs.set(version, unzipPackage(version));
});

test.afterAll(() => {
  for (const dir of dirs.values()) removePackage(dir);
});

/** One interaction as the LMS holds it (both versions' names mapped to one shape). */
interface Interaction {
  id: string;
  type: string;
  response: string;
  pattern: string;
  result: string;
  description: string;
}

/** What the LMS holds: its data model (or a commit's body), in one shape for both versions. */
interface LmsData {
  status: string;
  /** 2004's success_status; '' in 1.2. */
  success: string;
  raw: string;
  min: string;
  max: string;
  /** 2004 only. */
  scaled: string;
  progress: string;
  exit: string;
  sessionTime: string;
  interactions: Interaction[];
}

/** The value at a dotted path of a JSON object (undefined when absent). */
function child(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  }
  return value;
}

/** The value at a dotted path of a JSON object, as a string ('' when absent). */
function at(json: unknown, path: string): string {
  const value = child(json, path);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** scorm-again's CMI as JSON (`{ cmi: … }`), read in the names of `version`. */
function lmsData(json: unknown, version: ScormVersion): LmsData {
  const v12 = version === '1.2';
  const score = v12 ? 'cmi.core.score' : 'cmi.score';
  const interactions = Object(child(json, 'cmi.interactions')) as Record<string, unknown>;
  return {
    status: at(json, v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status'),
    success: v12 ? '' : at(json, 'cmi.success_status'),
    raw: at(json, `${score}.raw`),
    min: at(json, `${score}.min`),
    max: at(json, `${score}.max`),
    scaled: v12 ? '' : at(json, 'cmi.score.scaled'),
    progress: v12 ? '' : at(json, 'cmi.progress_measure'),
    exit: at(json, v12 ? 'cmi.core.exit' : 'cmi.exit'),
    sessionTime: at(json, v12 ? 'cmi.core.session_time' : 'cmi.session_time'),
    interactions: Object.keys(interactions)
      .sort((a, b) => Number(a) - Number(b))
      .map((n) => {
        const one = interactions[n];
        return {
          id: at(one, 'id'),
          type: at(one, 'type'),
          response: at(one, v12 ? 'student_response' : 'learner_response'),
          pattern: at(one, 'correct_responses.0.pattern'),
          result: at(one, 'result'),
          description: v12 ? '' : at(one, 'description'),
        };
      }),
  };
}

interface LmsState {
  initialized: boolean;
  terminated: boolean;
  data: LmsData;
  /** The same elements read through the API's own GetValue (before it is terminated). */
  got: { status: string; raw: string; max: string; count: string };
  /** What the API logged as an error or warning (refused values, failed calls). */
  log: string[];
}

/** The host page's API, read in the page. */
async function lmsState(page: Page, version: ScormVersion): Promise<LmsState> {
  const read = await page.evaluate((v) => {
    interface Api {
      renderCMIToJSONObject(): unknown;
      isInitialized(): boolean;
      isTerminated(): boolean;
      LMSGetValue?(element: string): string;
      GetValue?(element: string): string;
    }
    const host = window as unknown as { API?: Api; API_1484_11?: Api; lmsLog: string[] };
    const api = v === '1.2' ? host.API : host.API_1484_11;
    if (!api) throw new Error('no API on the host page');
    const get = (element: string) =>
      api.isTerminated() ? '' : ((api.LMSGetValue ?? api.GetValue)?.call(api, element) ?? '');
    const v12 = v === '1.2';
    return {
      json: api.renderCMIToJSONObject(),
      initialized: api.isInitialized(),
      terminated: api.isTerminated(),
      got: {
        status: get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status'),
        raw: get(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw'),
        max: get(v12 ? 'cmi.core.score.max' : 'cmi.score.max'),
        count: get('cmi.interactions._count'),
      },
      log: [...host.lmsLog],
    };
  }, version);
  return { ...read, data: lmsData(read.json, version) };
}

/** A number as the app writes a CMI decimal: at most four decimals, no trailing zeros. */
const decimal = (value: number): string => String(Math.round(value * 10_000) / 10_000);

const flagsText = (flags: readonly string[]): string =>
  FLAGS.filter((flag) => flags.includes(flag)).join(',') || '—';

/** The engine's answer to one kind of a question, as the LMS's correct pattern. */
function patternOf(question: SegmentQuestion, kind: Kind): string {
  const { expected } = question;
  if (kind === 'flags') return flagsText(expected.flags);
  if (kind === 'numbers') {
    const ack = expected.ack === null ? 'no ACK' : `ack=${expected.ack.relative}`;
    return `seq=${expected.seq.relative} ${ack}`;
  }
  return `${expected.states.client} / ${expected.states.server}`;
}

/** What the student answered for one kind ('' after "show me"). */
function responseOf(question: SegmentQuestion, plan: Plan, kind: Kind): string {
  if (plan === 'reveal') return '';
  const answer = answerFor(question, plan);
  if (kind === 'flags') return flagsText(answer.flags);
  if (kind === 'numbers') {
    return `seq=${answer.seq} ${answer.ack === 'none' ? 'no ACK' : `ack=${answer.ack}`}`;
  }
  return `${answer.states.client} / ${answer.states.server}`;
}

/** One answered question, as the test planned it. */
interface Answered {
  lesson: LessonId;
  asked: Asked;
  plan: Plan;
}

/** The interactions the LMS must hold for these answers, ordered by id. */
function expectedInteractions(answered: readonly Answered[], version: ScormVersion): Interaction[] {
  const wrong = version === '1.2' ? 'wrong' : 'incorrect';
  const v12 = version === '1.2';
  return answered
    .flatMap(({ lesson, asked, plan }) => {
      if (asked.type === 'choice') {
        const { question } = asked;
        const right = rightOf(asked, plan) === 1;
        return [
          {
            id: `${lesson}-${question.id}`,
            type: 'fill-in',
            response: plan === 'reveal' ? '' : choiceFor(question, count(plan) === KINDS.length),
            pattern: choiceFor(question, true),
            result: right ? 'correct' : wrong,
            description: v12 ? '' : `${lesson}: ${question.id}`,
          },
        ];
      }
      const { question } = asked;
      return KINDS.map((kind) => ({
        id: `${lesson}-step${question.step}-${kind}`,
        type: 'fill-in',
        response: responseOf(question, plan, kind),
        pattern: patternOf(question, kind),
        result: plan !== 'reveal' && plan[kind] ? 'correct' : wrong,
        description: v12 ? '' : `${lesson} step ${question.step}: ${question.phase}`,
      }));
    })
    .sort(byId);
}

const byId = (a: Interaction, b: Interaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The interactions the LMS holds, ordered by id (the order they were written in may differ). */
const sortedInteractions = (data: LmsData): Interaction[] => [...data.interactions].sort(byId);

const rightIn = (answered: readonly Answered[]) =>
  answered.reduce((sum, a) => sum + rightOf(a.asked, a.plan), 0);
const partsIn = (answered: readonly Answered[]) =>
  answered.reduce((sum, a) => sum + partsOf(a.asked), 0);
const partsOfLesson = (lesson: LessonId, seed: number) =>
  predictRun(lesson, seed).asked.reduce((sum, a) => sum + partsOf(a), 0);

/** The LMS's score (and 2004's scaled score and progress) for `right` parts of `max`. */
function expectScore(
  data: LmsData,
  version: ScormVersion,
  right: number,
  asked: number,
  max: number,
) {
  expect({ raw: data.raw, min: data.min, max: data.max }).toEqual({
    raw: String(right),
    min: '0',
    max: String(max),
  });
  if (version === '2004') {
    expect({ scaled: data.scaled, progress: data.progress }).toEqual({
      scaled: decimal(right / max),
      progress: decimal(asked / max),
    });
  }
}

interface Course {
  lms: Lms;
  lab: FrameLocator;
  seed: number;
}

/** Opens the stand-in LMS on the set's launch page; waits for the first lesson's run. */
async function launch(page: Page, version: ScormVersion): Promise<Course> {
  const dir = dirs.get(version);
  if (!dir) throw new Error(`no ${version} package`);
  const lms = await startLms(dir, version, SET);
  await page.goto(lms.url);
  const lab = page.frameLocator('iframe');
  const { total } = predictRun(LESSONS[0], 1);
  await expect(lab.getByTestId('step-counter')).toHaveText(`0 / ${total}`, { timeout: 15_000 });
  // The launch page went on to the lab in predict mode with the set and the LMS's version.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const url = new URL(frame?.url() ?? 'about:blank');
  expect(url.pathname).toBe('/site/index.html');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    mode: 'predict',
    set: SET,
    scorm: version,
  });
  // The launch page passes no attempt seed: the page draws one and shows it.
  const seed = await shownAttempt(lab);
  return { lms, lab, seed };
}

/**
 * Answers every question of the lesson shown as `plan` says (by pointer), then steps to its end;
 * `after` runs after each answer.
 */
async function doLesson(
  lab: FrameLocator,
  lesson: LessonId,
  seed: number,
  plan: (asked: Asked, place: number) => Plan,
  after: (answered: Answered) => Promise<void> = async () => {},
): Promise<Answered[]> {
  const { total, asked } = predictRun(lesson, seed);
  const counter = lab.getByTestId('step-counter');
  await expect(counter).toHaveText(`0 / ${total}`);
  const done: Answered[] = [];
  for (const [place, one] of asked.entries()) {
    await clickTo(lab, one.step - 1, total);
    const how = plan(one, place);
    await answerAsked(lab, one, how, 'pointer');
    await expect(counter).toHaveText(`${one.step} / ${total}`);
    await expectAskedResult(lab, one, how);
    const answered = { lesson, asked: one, plan: how };
    done.push(answered);
    await after(answered);
  }
  await clickTo(lab, total, total);
  await expect(lab.getByTestId('predict-summary')).toBeVisible();
  return done;
}

/** Navigates the course frame away (the LMS closing the SCO), as a learner leaving would. */
async function leave(page: Page): Promise<void> {
  await page.locator('iframe').evaluate((frame: HTMLIFrameElement) => {
    frame.src = 'about:blank';
  });
}

for (const version of VERSIONS) {
  test.describe(`SCORM ${version}`, () => {
    test('the package: a manifest naming the launch page of each set', () => {
      const dir = dirs.get(version);
      if (!dir) throw new Error(`no ${version} package`);
      const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
      expect(manifest).toContain(
        version === '1.2'
          ? '<schemaversion>1.2</schemaversion>'
          : '<schemaversion>2004 4th Edition</schemaversion>',
      );
      for (const set of ['handshake', 'teardown', 'core']) {
        expect(manifest).toContain(`href="site/launch-${set}.html"`);
        const launchPage = readFileSync(join(dir, `site/launch-${set}.html`), 'utf8');
        expect(launchPage).toContain(`index.html?mode=predict&set=${set}&scorm=${version}`);
      }
    });

    test(`the ${SET} set: score and status reach the LMS after every answer; leaving finishes`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const { lms, lab, seed } = await launch(page, version);
      try {
        // The session is open and the attempt under way.
        let state = await lmsState(page, version);
        expect(state.initialized).toBe(true);
        expect(state.data.status).toBe('incomplete');

        // The first lesson, answered some right, some wrong: the LMS follows every answer. Its
        // maximum is the lesson's parts (later lessons add theirs once they are run).
        const firstMax = partsOfLesson(LESSONS[0], seed);
        const answered: Answered[] = [];
        const first = await doLesson(
          lab,
          LESSONS[0],
          seed,
          (_asked, place) => FIRST_LESSON[place] ?? ALL_RIGHT,
          async (one) => {
            const sofar = [...answered, one];
            answered.push(one);
            const right = rightIn(sofar);
            const asked = partsIn(sofar);
            await expect(lab.getByTestId('predict-score')).toHaveText(`${right} / ${asked}`);
            await expect
              .poll(async () => (await lmsState(page, version)).data.interactions.length)
              .toBe(asked);
            const now = await lmsState(page, version);
            expectScore(now.data, version, right, asked, firstMax);
            expect(now.got).toEqual({
              status: 'incomplete',
              raw: String(right),
              max: String(firstMax),
              count: String(asked),
            });
          },
        );
        expect(first).toEqual(answered);
        const firstRight = rightIn(answered);
        // 3 + 2 + 0 + 1 + 3 + 2 of the segment questions, and the lesson's own question.
        expect(`${firstRight} / ${firstMax}`).toBe('12 / 19');
        state = await lmsState(page, version);
        expect(state.data.status).toBe('incomplete');
        if (version === '2004') expect(state.data.success).toBe('unknown');
        expectScore(state.data, version, firstRight, firstMax, firstMax);
        // As many interactions as parts asked (what each holds: the test below).
        expect(state.data.interactions).toHaveLength(firstMax);
        // The back end got the same with the last commit.
        const committed = lms.commits.at(-1);
        expect(committed?.terminate).toBe(false);
        expect(lmsData(committed?.body, version)).toEqual(state.data);

        // The rest of the set: all right in 1.2 (passed), all "show me" in 2004 (failed).
        for (const lesson of LESSONS.slice(1)) {
          await lab.getByTestId('predict-next').click();
          answered.push(
            ...(await doLesson(lab, lesson, seed, () =>
              version === '1.2' ? ALL_RIGHT : 'reveal',
            )),
          );
        }
        await expect(lab.getByTestId('predict-next')).toHaveCount(0);
        const right = rightIn(answered);
        const max = partsIn(answered);
        expect(max).toBe(LESSONS.reduce((sum, lesson) => sum + partsOfLesson(lesson, seed), 0));
        await expect(lab.getByTestId('predict-set-total')).toHaveText(
          `Exercise total: ${right} / ${max}`,
        );
        state = await lmsState(page, version);
        expectScore(state.data, version, right, max, max);
        expect(right / max >= 0.7).toBe(version === '1.2');
        if (version === '1.2') {
          expect(state.data.status).toBe('passed');
        } else {
          expect(state.data.status).toBe('completed');
          expect(state.data.success).toBe('failed');
        }
        expect(state.data.interactions).toHaveLength(max);
        expect(lmsData(lms.commits.at(-1)?.body, version)).toEqual(state.data);
        // Every value the page wrote was accepted, every call succeeded.
        expect(state.log).toEqual([]);

        // Leaving the course finishes the session: time spent, exit, and a final commit.
        await leave(page);
        await expect.poll(async () => (await lmsState(page, version)).terminated).toBe(true);
        const left = await lmsState(page, version);
        if (version === '1.2') {
          expect(left.data.sessionTime).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
          expect(left.data.exit).toBe('');
          expect(left.data.status).toBe('passed');
        } else {
          expect(left.data.sessionTime).toMatch(/^PT\d+H\d+M\d+(\.\d+)?S$/);
          expect(left.data.exit).toBe('normal');
          expect(left.data.status).toBe('completed');
          expect(left.data.success).toBe('failed');
        }
        expect(left.data.sessionTime).not.toMatch(/^(00:00:00(\.0+)?|PT0H0M0S)$/);
        await expect.poll(() => lms.commits.at(-1)?.terminate).toBe(true);
        expect(lmsData(lms.commits.at(-1)?.body, version)).toEqual(left.data);
      } finally {
        await lms.close();
      }
    });

    test('every answer reaches the LMS once: its id, response, correct pattern and result', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const { lms, lab, seed } = await launch(page, version);
      try {
        const answered = await doLesson(
          lab,
          LESSONS[0],
          seed,
          (_asked, place) => FIRST_LESSON[place] ?? ALL_RIGHT,
        );
        await expect
          .poll(async () => (await lmsState(page, version)).data.interactions.length)
          .toBe(partsIn(answered));
        const state = await lmsState(page, version);
        expect(sortedInteractions(state.data)).toEqual(expectedInteractions(answered, version));
        // Every value the page wrote was accepted.
        expect(state.log).toEqual([]);
      } finally {
        await lms.close();
      }
    });

    test('leaving in the middle of the first lesson: incomplete, and the session finished', async ({
      page,
    }) => {
      const { lms, lab, seed } = await launch(page, version);
      try {
        const { total, asked } = predictRun(LESSONS[0], seed);
        const answered: Answered[] = [];
        for (const one of asked.slice(0, 2)) {
          await clickTo(lab, one.step - 1, total);
          await answerAsked(lab, one, ALL_RIGHT, 'pointer');
          answered.push({ lesson: LESSONS[0], asked: one, plan: ALL_RIGHT });
        }
        const parts = partsIn(answered);
        await expect(lab.getByTestId('predict-score')).toHaveText(`${parts} / ${parts}`);
        await expect
          .poll(async () => (await lmsState(page, version)).data.interactions.length)
          .toBe(parts);
        await leave(page);
        await expect.poll(async () => (await lmsState(page, version)).terminated).toBe(true);
        const left = await lmsState(page, version);
        expect(left.data.status).toBe('incomplete');
        expectScore(left.data, version, parts, parts, partsOfLesson(LESSONS[0], seed));
        expect(sortedInteractions(left.data)).toEqual(expectedInteractions(answered, version));
        // 2004 keeps an unfinished attempt to resume.
        expect(left.data.exit).toBe(version === '1.2' ? '' : 'suspend');
        if (version === '2004') expect(left.data.success).toBe('unknown');
        await expect.poll(() => lms.commits.at(-1)?.terminate).toBe(true);
        expect(lmsData(lms.commits.at(-1)?.body, version)).toEqual(left.data);
      } finally {
        await lms.close();
      }
    });

    test('leaving: every call the page makes to the LMS succeeds', async ({ page }) => {
      const { lms, lab, seed } = await launch(page, version);
      try {
        const { total, asked } = predictRun(LESSONS[0], seed);
        const [first] = asked;
        if (!first) throw new Error('no question');
        await clickTo(lab, first.step - 1, total);
        await answerAsked(lab, first, ALL_RIGHT, 'pointer');
        await expect
          .poll(async () => (await lmsState(page, version)).data.interactions.length)
          .toBe(partsOf(first));
        expect((await lmsState(page, version)).log).toEqual([]);
        await leave(page);
        await expect.poll(async () => (await lmsState(page, version)).terminated).toBe(true);
        expect((await lmsState(page, version)).log).toEqual([]);
      } finally {
        await lms.close();
      }
    });
  });
}
