// Predict mode inside a course page (CONTRACT.md section 4, "Messages with a course page"): a
// stand-in course page on another origin (e2e/hosts/embed-course.html, served by
// e2e/helpers/hostServer.ts) embeds the lab in predict mode; after each answer the page hears an
// `answer` message, and at the lesson's end one `score`, both as the engine (computed here in Node,
// e2e/helpers/predict.ts) says.
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type {
  AnswerMessage,
  ChoiceAnswerMessage,
  ScoreMessage,
} from '../src/features/embed/messages';
import { hostOrigin, hostPage } from './helpers/hosts';
import { parseCounter, watchErrors } from './helpers/page';
import {
  ALL_RIGHT,
  NONE_RIGHT,
  answerAsked,
  clickTo,
  expectAskedResult,
  partsOf,
  predictRun,
  rightOf,
  scoreText,
  type Asked,
  type Plan,
} from './helpers/predict';

const LESSON = 'lost-syn';
const ATTEMPT = 4711;

// The messages as the page's own types say (src/features/embed/messages.ts).
type SegmentAnswer = AnswerMessage;
type Texts = AnswerMessage['expected'];
type PredictMessage = AnswerMessage | ChoiceAnswerMessage | ScoreMessage;

/**
 * Records on the course page, as its own listener does for `step` and `height` (the lab's window,
 * the app's origin, `source: "handshake-lab"`), every `answer` and `score` message, in
 * `window.predictReceived`. Set before the course page's own script runs, so nothing is missed.
 */
async function recordPredictMessages(page: Page, host: string, app: string): Promise<void> {
  await page.addInitScript(
    ([hostOrigin, appOrigin]) => {
      if (window.top !== window || location.origin !== hostOrigin) return;
      const list: unknown[] = [];
      (window as unknown as { predictReceived: unknown[] }).predictReceived = list;
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const lab = document.getElementById('lab');
        if (!(lab instanceof HTMLIFrameElement)) return;
        if (event.source !== lab.contentWindow || event.origin !== appOrigin) return;
        const data = event.data as { source?: unknown; type?: unknown } | null;
        if (!data || data.source !== 'handshake-lab') return;
        if (data.type === 'answer' || data.type === 'score') list.push(data);
      });
    },
    [host, app] as const,
  );
}

const predictReceived = (page: Page): Promise<PredictMessage[]> =>
  page.evaluate(() => (window as unknown as { predictReceived: PredictMessage[] }).predictReceived);

/** The engine's texts for a segment question's expected values, loosely: what each must name. */
function expectTexts(texts: Texts, asked: Asked & { type: 'segment' }): void {
  const { flags, seq, ack, states } = asked.question.expected;
  for (const flag of flags) expect(texts.flags).toContain(flag);
  expect(texts.numbers).toMatch(new RegExp(`seq\\s*=\\s*${seq.relative}\\b`));
  if (ack === null) expect(texts.numbers).toMatch(/no ACK/i);
  else expect(texts.numbers).toMatch(new RegExp(`ack\\s*=\\s*${ack.relative}\\b`));
  expect(texts.states).toContain(states.client);
  expect(texts.states).toContain(states.server);
}

test('a course page hears each predict-mode answer, then the score', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const { total, asked } = predictRun(LESSON, ATTEMPT);
  // lost-syn: the SYN, the lesson's own question before the SYN's retransmission, then the rest.
  const [syn, own, ...rest] = asked;
  if (syn?.type !== 'segment' || own?.type !== 'choice') throw new Error('lost-syn changed');
  expect(syn.question.phase).toBe('syn');
  expect(own.question.id).toBe('next');
  expect(rest.length).toBeGreaterThan(0);
  // The first right, the lesson's question wrong, the rest "show me".
  const plans: Plan[] = [ALL_RIGHT, NONE_RIGHT, ...rest.map(() => 'reveal' as const)];
  const done = asked.map((one, k) => ({ asked: one, plan: plans[k] ?? 'reveal' }));
  const correct = done.reduce((sum, d) => sum + rightOf(d.asked, d.plan), 0);
  const parts = asked.reduce((sum, one) => sum + partsOf(one), 0);
  expect(correct).toBe(3);
  expect(parts).toBe(3 * (asked.length - 1) + 1);

  const app = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  await recordPredictMessages(page, hostOrigin(baseURL), app);
  const q = `embed=1&lesson=${LESSON}&lang=en&mode=predict&attempt=${ATTEMPT}`;
  await page.goto(hostPage(baseURL, 'embed-course', new URLSearchParams({ q }).toString()));
  const lab: FrameLocator = page.frameLocator('#lab');
  const counter = lab.getByTestId('step-counter');
  await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
  expect(parseCounter(await counter.textContent()).total).toBe(total);
  await expect(lab.getByTestId('predict-score')).toHaveText('0 / 0');
  expect(await predictReceived(page)).toEqual([]);

  for (const [k, one] of done.entries()) {
    await clickTo(lab, one.asked.step - 1, total);
    await expect(lab.getByTestId('predict')).toBeVisible();
    await answerAsked(lab, one.asked, one.plan, 'pointer');
    await expect(counter).toHaveText(`${one.asked.step} / ${total}`);
    await expectAskedResult(lab, one.asked, one.plan);
    await expect(lab.getByTestId('predict-score')).toHaveText(scoreText(done.slice(0, k + 1)));
    // One more answer heard, no score yet.
    await expect.poll(async () => (await predictReceived(page)).length).toBe(k + 1);
  }
  await clickTo(lab, total, total);
  await expect(lab.getByTestId('predict-summary')).toBeVisible();
  await expect.poll(async () => (await predictReceived(page)).length).toBe(asked.length + 1);
  // Nothing more comes (once said, each message is said once).
  await page.evaluate(
    () => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 300)),
  );
  const messages = await predictReceived(page);
  expect(messages).toHaveLength(asked.length + 1);

  // Exactly one `answer` per question, in the order asked.
  for (const [k, { asked: one, plan }] of done.entries()) {
    const message = messages[k];
    const common = { source: 'handshake-lab', type: 'answer', lesson: LESSON, seed: ATTEMPT };
    if (one.type === 'choice') {
      const right = rightOf(one, plan) === 1;
      const wrongChoice = one.question.choices.find((c) => !c.right)?.id;
      expect(message).toEqual({
        ...common,
        kind: 'choice',
        step: one.step,
        question: 'next',
        answer: plan === 'reveal' ? null : right ? 'retransmit' : wrongChoice,
        expected: 'retransmit',
        right,
      });
      continue;
    }
    const marks = plan === 'reveal' ? NONE_RIGHT : plan;
    expect(message).toMatchObject({
      ...common,
      kind: 'segment',
      step: one.step,
      phase: one.question.phase,
      right: { ...marks },
    });
    const segment = message as SegmentAnswer;
    expect(Object.keys(segment).sort()).toEqual(
      [
        'source',
        'type',
        'kind',
        'lesson',
        'seed',
        'step',
        'phase',
        'answer',
        'expected',
        'right',
      ].sort(),
    );
    expectTexts(segment.expected, one);
    if (plan === 'reveal') {
      expect(segment.answer).toBeNull();
    } else {
      // Answered all right: the student's texts name the same values.
      expect(segment.answer).not.toBeNull();
      if (segment.answer) expectTexts(segment.answer, one);
    }
  }
  // The SYN's texts, as the contract shows them.
  const first = messages[0] as SegmentAnswer;
  expect(first.expected.flags).toBe('SYN');
  expect(first.expected.numbers).toMatch(/^seq=0\b.*no ACK/);
  expect(first.expected.states).toMatch(/^SYN_SENT\s*\/\s*CLOSED$/);

  // Then exactly one `score`, the engine's count, and the lab's own score says the same.
  expect(messages.filter((m) => m.type === 'score')).toHaveLength(1);
  expect(messages.at(-1)).toEqual({
    source: 'handshake-lab',
    type: 'score',
    correct,
    asked: parts,
    lesson: LESSON,
    seed: ATTEMPT,
    set: null,
  });
  await expect(lab.getByTestId('predict-score')).toHaveText(`${correct} / ${parts}`);
  expect(scoreText(done)).toBe(`${correct} / ${parts}`);
  expect(errors).toEqual([]);
});
