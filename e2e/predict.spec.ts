// Predict mode (`mode=predict`, `attempt=N`, `set=…`): the lab stops before each segment that starts
// a phase and asks for its flags, numbers and the states after it (or, where the lesson has one,
// its own multiple-choice question); the answer is marked against the engine's own run (computed
// here in Node, e2e/helpers/predict.ts), the step plays, and the score adds up to a summary at the
// end of the lesson and a total over an exercise set.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './helpers/axe';
import { blur, counterOf, openLab, watchErrors } from './helpers/page';
import {
  ALL_RIGHT,
  KINDS,
  MIXED_ANSWERS,
  NONE_RIGHT,
  answerAsked,
  answerByKeyboard,
  answerByPointer,
  answerFor,
  clickTo,
  expectAskedResult,
  expectResult,
  partsOf,
  predictRun,
  scoreText,
  shownAttempt,
  stepWith,
  type Asked,
  type Marks,
  type Plan,
  type SegmentQuestion,
} from './helpers/predict';

const LESSON = 'client-closes-first';
const ATTEMPT = 4711;

/** With the focus off the controls, presses → until the counter reads `step / total`. */
async function arrowTo(page: Page, step: number, total: number): Promise<void> {
  await blur(page);
  await stepWith(page, () => page.keyboard.press('ArrowRight'), step, total);
}

/** The segment the page draws with this id: its absolute seq (`data-seq`). */
const seqOf = (page: Page, id: number): Promise<string | null> =>
  page.locator(`[data-testid=segment][data-id="${id}"]`).getAttribute('data-seq');

test.describe('predict mode, one lesson by keyboard', () => {
  test(`${LESSON}, attempt ${ATTEMPT}: marks, score and summary as the engine says`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const { total, questions, choices, asked } = predictRun(LESSON, ATTEMPT);
    // Six segment questions, and the lesson's own question before the client's last ACK.
    expect(asked.map((a) => (a.type === 'segment' ? a.question.phase : a.question.id))).toEqual([
      'syn',
      'syn-ack',
      'handshake-ack',
      'fin',
      'fin-ack',
      'fin',
      'last-ack',
    ]);
    // Per question: the kinds answered right, or "I don't know, show me".
    const plans = MIXED_ANSWERS;
    expect(await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=en`)).toBe(
      total,
    );
    expect(await shownAttempt(page)).toBe(ATTEMPT);
    await expect(page.getByTestId('mode-toggle')).toBeChecked();
    await expect(page.getByTestId('predict-score')).toHaveText('0 / 0');

    const done: { asked: Asked; plan: Plan }[] = [];
    for (const [k, one] of asked.entries()) {
      const plan = plans[k] ?? ALL_RIGHT;
      // → walks up to the step before the question's, and no further.
      await arrowTo(page, one.step - 1, total);
      await expect(page.getByTestId('predict')).toBeVisible();
      await page.keyboard.press('ArrowRight');
      await expect(counterOf(page)).toHaveText(`${one.step - 1} / ${total}`);
      if (one.type === 'segment') {
        // Numbers are asked in the numbering shown: relative to each side's ISN.
        await expect(page.getByTestId('predict')).toContainText('relative to each side’s ISN');
      }

      await answerAsked(page, one, plan, 'keyboard');
      done.push({ asked: one, plan });
      // The step plays, and its result and the running score show.
      await expect(counterOf(page)).toHaveText(`${one.step} / ${total}`);
      await expectAskedResult(page, one, plan);
      await expect(page.getByTestId('predict-score')).toHaveText(scoreText(done));
    }

    await arrowTo(page, total, total);
    const summary = page.getByTestId('predict-summary');
    await expect(summary).toBeVisible();
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    // By the plan: 3 + 2 + 0 + 1 + 3 + 2 of 18, and the lesson's own question right.
    expect(scoreText(done)).toBe('12 / 19');
    await expect(page.getByTestId('predict-score')).toHaveText('12 / 19');
    await expect(summary).toContainText('12 of 19 answers right in this lesson.');
    await expect(page.getByTestId('predict-set-total')).toHaveCount(0);
    await expect(page.getByTestId('predict-next')).toHaveCount(0);
    // Every segment question, with a mark per kind…
    const items = summary.locator(':scope > ol > li');
    await expect(items).toHaveCount(questions.length);
    const words = { flags: 'flags', numbers: 'seq and ack', states: 'states' } as const;
    for (const [k, question] of questions.entries()) {
      const item = items.nth(k);
      const { plan } = done.find((d) => d.asked.question === question) ?? { plan: 'reveal' };
      const marks = plan === 'reveal' ? NONE_RIGHT : plan;
      await expect(item).toContainText(`Step ${question.step}`);
      for (const kind of KINDS) {
        await expect(item).toContainText(`${marks[kind] ? '✓' : '✗'} ${words[kind]}:`);
      }
      if (plan === 'reveal') await expect(item).toContainText('Shown');
    }
    // …and the lesson's own question, right.
    await expect(summary.getByTestId('predict-result-choice')).toHaveCount(choices.length);
    await expect(summary.getByTestId('predict-result-choice')).toHaveAttribute(
      'data-right',
      'true',
    );
    // "Try again" starts over, from step 0, with other numbers and no score.
    await page.getByTestId('predict-try-again').focus();
    await page.keyboard.press('Enter');
    await expect(counterOf(page)).toHaveText(`0 / ${total}`);
    await expect(page.getByTestId('predict-score')).toHaveText('0 / 0');
    expect(await shownAttempt(page)).not.toBe(ATTEMPT);
    expect(errors).toEqual([]);
  });
});

test.describe('fresh numbers per attempt seed', () => {
  /** Opens predict mode, reveals the first question, and returns the SYN's absolute seq. */
  async function synSeq(page: Page, query: string, syn: SegmentQuestion): Promise<string | null> {
    const total = await openLab(page, `lesson=${LESSON}&mode=predict&lang=en${query}`);
    await clickTo(page, syn.step - 1, total);
    await answerByPointer(page, 'reveal');
    await expect(counterOf(page)).toHaveText(`${syn.step} / ${total}`);
    return seqOf(page, syn.segmentId);
  }

  test('the same seed draws the same numbers, another seed others; the seed is shown', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const [syn] = predictRun(LESSON, ATTEMPT).questions;
    if (!syn) throw new Error('no first question');
    const expectedSeq = String(syn.expected.seq.absolute);

    expect(await synSeq(page, `&attempt=${ATTEMPT}`, syn)).toBe(expectedSeq);
    expect(await shownAttempt(page)).toBe(ATTEMPT);
    // Loaded again: the same numbers.
    expect(await synSeq(page, `&attempt=${ATTEMPT}`, syn)).toBe(expectedSeq);

    // Another seed: other numbers, the engine's for that seed.
    const [other] = predictRun(LESSON, 4712).questions;
    if (!other) throw new Error('no first question');
    const otherSeq = await synSeq(page, '&attempt=4712', other);
    expect(otherSeq).toBe(String(other.expected.seq.absolute));
    expect(otherSeq).not.toBe(expectedSeq);
    expect(await shownAttempt(page)).toBe(4712);

    // No seed in the link: one is drawn and shown, and the numbers are that seed's.
    await openLab(page, `lesson=${LESSON}&mode=predict&lang=en`);
    const drawn = await shownAttempt(page);
    expect(drawn).toBeGreaterThanOrEqual(1);
    expect(drawn).toBeLessThanOrEqual(999_999);
    const [drawnSyn] = predictRun(LESSON, drawn).questions;
    if (!drawnSyn) throw new Error('no first question');
    expect(await synSeq(page, `&attempt=${drawn}`, drawnSyn)).toBe(
      String(drawnSyn.expected.seq.absolute),
    );
    expect(errors).toEqual([]);
  });
});

test.describe('an exercise set', () => {
  test('set=lost-syn,lost-final-ack: reveal everything, next lesson, the exercise total', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openLab(page, `set=lost-syn,lost-final-ack&attempt=${ATTEMPT}&lang=en`);
    // A set turns predict mode on.
    await expect(page.getByTestId('mode-toggle')).toBeChecked();
    let parts = 0;
    for (const [place, lesson] of (['lost-syn', 'lost-final-ack'] as const).entries()) {
      const { total, questions, choices, asked } = predictRun(lesson, ATTEMPT);
      await expect(counterOf(page)).toHaveText(`0 / ${total}`);
      for (const one of asked) {
        await clickTo(page, one.step - 1, total);
        // Stepping stops here until the question is answered.
        await expect(page.getByTestId('predict')).toBeVisible();
        // The question holds the step: step-forward is off, → does nothing.
        await expect(page.getByTestId('step-forward')).toBeDisabled();
        await page.getByTestId('predict-score').click();
        await page.keyboard.press('ArrowRight');
        await expect(counterOf(page)).toHaveText(`${one.step - 1} / ${total}`);
        await answerAsked(page, one, 'reveal', 'pointer');
        parts += partsOf(one);
        await expect(counterOf(page)).toHaveText(`${one.step} / ${total}`);
        await expectAskedResult(page, one, 'reveal');
        await expect(page.getByTestId('predict-score')).toHaveText(`0 / ${parts}`);
        if (one.type === 'segment') {
          // The segment the question was about is drawn, with the engine's numbers.
          await expect(
            page.locator(`[data-testid=segment][data-id="${one.question.segmentId}"]`),
          ).toHaveAttribute('data-seq', String(one.question.expected.seq.absolute));
        }
      }
      await clickTo(page, total, total);
      const summary = page.getByTestId('predict-summary');
      await expect(summary).toBeVisible();
      await expect(summary.locator(':scope > ol > li')).toHaveCount(questions.length);
      await expect(summary.getByTestId('predict-result-choice')).toHaveCount(choices.length);
      const lessonParts = asked.reduce((sum, one) => sum + partsOf(one), 0);
      await expect(summary).toContainText(`0 of ${lessonParts} answers right`);
      await expect(page.getByTestId('predict-set-total')).toHaveText(
        `Exercise total: 0 / ${parts}`,
      );
      if (place === 0) {
        await page.getByTestId('predict-next').click();
        await expect(summary).toBeHidden();
      } else {
        // The set's last lesson: nothing comes next.
        await expect(page.getByTestId('predict-next')).toHaveCount(0);
      }
    }
    const expectedParts = (['lost-syn', 'lost-final-ack'] as const)
      .flatMap((lesson) => predictRun(lesson, ATTEMPT).asked)
      .reduce((sum, one) => sum + partsOf(one), 0);
    expect(parts).toBe(expectedParts);
    await expect(page.getByTestId('predict-score')).toHaveText(`0 / ${parts}`);
    expect(errors).toEqual([]);
  });
});

test.describe('the question form', () => {
  test('axe: no serious or critical violation on the forms and the results', async ({ page }) => {
    // lost-syn: a segment question (the SYN), then the lesson's own question (what comes next).
    const { total, asked } = predictRun('lost-syn', ATTEMPT);
    const [syn, own] = asked;
    if (syn?.type !== 'segment' || own?.type !== 'choice') throw new Error('lost-syn changed');
    await openLab(page, `lesson=lost-syn&mode=predict&attempt=${ATTEMPT}&lang=en`);
    await arrowTo(page, syn.step - 1, total);
    await expect(page.getByTestId('predict-flag-SYN')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const partly: Marks = { flags: true, numbers: false, states: true };
    await answerAsked(page, syn, partly, 'pointer');
    await expectAskedResult(page, syn, partly);
    expect(await seriousViolations(page)).toEqual([]);

    await clickTo(page, own.step - 1, total);
    await expect(page.getByTestId('predict').getByRole('radio')).toHaveCount(
      own.question.choices.length,
    );
    expect(await seriousViolations(page)).toEqual([]);
    // A wrong choice: marked wrong.
    await answerAsked(page, own, NONE_RIGHT, 'pointer');
    await expectAskedResult(page, own, NONE_RIGHT);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('in Chinese: the question is asked in Chinese, and answering works', async ({ page }) => {
    const errors = watchErrors(page);
    const { total, questions } = predictRun(LESSON, ATTEMPT);
    const [syn] = questions;
    if (!syn) throw new Error('no first question');
    await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=zh`);
    await arrowTo(page, syn.step - 1, total);
    const form = page.getByTestId('predict');
    await expect(form).toBeVisible();
    await expect(form.getByRole('heading')).toHaveText('客户端接下来会发送什么？');
    await expect(form).toHaveAccessibleName('客户端接下来会发送什么？');
    await expect(page.getByTestId('predict-submit')).toHaveText('检查我的答案');
    await expect(page.getByTestId('predict-reveal')).toHaveText('我不知道，直接告诉我');
    await expect(page.getByText(`第 ${ATTEMPT} 次尝试的数值`)).toBeVisible();
    await answerByKeyboard(page, answerFor(syn, ALL_RIGHT));
    await expect(counterOf(page)).toHaveText(`${syn.step} / ${total}`);
    await expectResult(page, ALL_RIGHT);
    await expect(page.getByTestId('predict-score')).toHaveText('3 / 3');
    expect(errors).toEqual([]);
  });

  test.describe('on a 360×740 phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('every control comes into view by keyboard, and the answer is sent', async ({ page }) => {
      const errors = watchErrors(page);
      const { total, questions } = predictRun(LESSON, ATTEMPT);
      const [syn] = questions;
      if (!syn) throw new Error('no first question');
      await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=en`);
      await arrowTo(page, syn.step - 1, total);
      const form = page.getByTestId('predict');
      await expect(form).toBeVisible();
      // The form fits the width: nothing to scroll sideways to.
      const box = await form.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      const inView = async (control: Locator) => {
        await expect(control).toBeInViewport();
      };
      await answerByKeyboard(page, answerFor(syn, ALL_RIGHT), inView);
      await expect(counterOf(page)).toHaveText(`${syn.step} / ${total}`);
      await expectResult(page, ALL_RIGHT);
      await expect(page.getByTestId('predict-score')).toHaveText('3 / 3');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});

test.describe('predict mode loads on demand', () => {
  // Predict mode's own chunks: the panel, the store's part, the questions and marks, its words and
  // the exercise sets.
  const PREDICT_CHUNK =
    /\/assets\/(PredictPanel|predictKit|progress|predicting|exerciseSets)-[^/]*\.js$/;

  test('a page opened in watch mode fetches none of its code; the switch fetches it', async ({
    page,
  }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (PREDICT_CHUNK.test(new URL(request.url()).pathname)) fetched.push(request.url());
    });
    const total = await openLab(page, `lesson=${LESSON}&lang=en`);
    // Everything the page fetches after its first diagram (the lazy panels) is in.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
    expect(fetched).toEqual([]);

    await page.getByTestId('mode-toggle').check();
    await expect(page.getByTestId('predict-score')).toBeVisible();
    expect(fetched.some((url) => /PredictPanel-/.test(url))).toBe(true);
    expect(fetched.some((url) => /predictKit-/.test(url))).toBe(true);
  });

  test('a step asked for before its code is in is taken once it is', async ({ page }) => {
    // Predict mode's code arrives late (a slow network).
    await page.route('**/assets/predictKit-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const { total } = predictRun(LESSON, ATTEMPT);
    await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=en`);
    await page.getByTestId('step-forward').click();
    // The click is not lost: the lab steps once it knows where the first question is.
    await expect(counterOf(page)).toHaveText(`1 / ${total}`, { timeout: 5_000 });
  });
});
