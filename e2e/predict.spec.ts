// Predict mode (`mode=predict`, `attempt=N`, `set=…`): the lab stops before each segment that starts
// a phase and asks for its flags, numbers and the states after it; the answer is marked against the
// engine's own run (computed here in Node, e2e/helpers/predict.ts), the step plays, and the score
// adds up to a summary at the end of the lesson and a total over an exercise set.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './helpers/axe';
import { blur, counterOf, openLab, readCounter, watchErrors } from './helpers/page';
import {
  ALL_RIGHT,
  NONE_RIGHT,
  answerByKeyboard,
  answerByPointer,
  answerFor,
  clickTo,
  expectResult,
  predictRun,
  scoreText,
  shownAttempt,
  type Marks,
  type SegmentQuestion,
} from './helpers/predict';

const LESSON = 'client-closes-first';
const ATTEMPT = 4711;

/** With the focus off the controls, presses → until the counter reads `step / total`. */
async function arrowTo(page: Page, step: number, total: number): Promise<void> {
  await blur(page);
  for (let shown = (await readCounter(page)).step; shown < step; shown++) {
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`${shown + 1} / ${total}`);
  }
}

/** The segment the page draws with this id: its absolute seq (`data-seq`). */
const seqOf = (page: Page, id: number): Promise<string | null> =>
  page.locator(`[data-testid=segment][data-id="${id}"]`).getAttribute('data-seq');

test.describe('predict mode, one lesson by keyboard', () => {
  test(`${LESSON}, attempt ${ATTEMPT}: marks, score and summary as the engine says`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const { total, questions } = predictRun(LESSON, ATTEMPT);
    expect(questions.map((q) => q.phase)).toEqual([
      'syn',
      'syn-ack',
      'handshake-ack',
      'fin',
      'fin-ack',
      'fin',
      'fin-ack',
    ]);
    // Per question: the kinds answered right, or 'reveal' ("I don't know, show me").
    const plan: (Marks | 'reveal')[] = [
      ALL_RIGHT,
      { flags: true, numbers: false, states: true },
      'reveal',
      { flags: false, numbers: true, states: false },
      ALL_RIGHT,
      { flags: true, numbers: true, states: false },
      ALL_RIGHT,
    ];
    expect(await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=en`)).toBe(
      total,
    );
    expect(await shownAttempt(page)).toBe(ATTEMPT);
    await expect(page.getByTestId('mode-toggle')).toBeChecked();
    await expect(page.getByTestId('predict-score')).toHaveText('0 / 0');

    const marked: Marks[] = [];
    for (const [k, question] of questions.entries()) {
      const step = plan[k] ?? ALL_RIGHT;
      // → walks up to the step before the question's, and no further.
      await arrowTo(page, question.step - 1, total);
      await expect(page.getByTestId('predict')).toBeVisible();
      await page.keyboard.press('ArrowRight');
      await expect(counterOf(page)).toHaveText(`${question.step - 1} / ${total}`);

      const marks = step === 'reveal' ? NONE_RIGHT : step;
      await answerByKeyboard(page, step === 'reveal' ? 'reveal' : answerFor(question, step));
      marked.push(marks);
      // The step plays, and its result and the running score show.
      await expect(counterOf(page)).toHaveText(`${question.step} / ${total}`);
      await expectResult(page, marks);
      await expect(page.getByTestId('predict-score')).toHaveText(scoreText(marked));
    }

    await arrowTo(page, total, total);
    const summary = page.getByTestId('predict-summary');
    await expect(summary).toBeVisible();
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    // 14 of 21 by the plan: 3 + 2 + 0 + 1 + 3 + 2 + 3.
    expect(scoreText(marked)).toBe('14 / 21');
    await expect(page.getByTestId('predict-score')).toHaveText('14 / 21');
    await expect(summary).toContainText('14 of 21 answers right in this lesson.');
    await expect(page.getByTestId('predict-set-total')).toHaveCount(0);
    await expect(page.getByTestId('predict-next')).toHaveCount(0);
    const items = summary.locator(':scope > ol > li');
    await expect(items).toHaveCount(questions.length);
    for (const [k, question] of questions.entries()) {
      const item = items.nth(k);
      await expect(item).toContainText(`Step ${question.step}`);
      const marks = marked[k] ?? NONE_RIGHT;
      const words = { flags: 'flags', numbers: 'seq and ack', states: 'states' } as const;
      for (const kind of ['flags', 'numbers', 'states'] as const) {
        await expect(item).toContainText(`${marks[kind] ? '✓' : '✗'} ${words[kind]}:`);
      }
      if (plan[k] === 'reveal') await expect(item).toContainText('Shown');
    }
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
    let asked = 0;
    for (const [place, lesson] of (['lost-syn', 'lost-final-ack'] as const).entries()) {
      const { total, questions } = predictRun(lesson, ATTEMPT);
      await expect(counterOf(page)).toHaveText(`0 / ${total}`);
      for (const question of questions) {
        await clickTo(page, question.step - 1, total);
        // Stepping stops here until the question is answered.
        await expect(page.getByTestId('predict')).toBeVisible();
        await answerByPointer(page, 'reveal');
        asked += 3;
        await expect(counterOf(page)).toHaveText(`${question.step} / ${total}`);
        await expectResult(page, NONE_RIGHT);
        await expect(page.getByTestId('predict-score')).toHaveText(`0 / ${asked}`);
        // The segment the question was about is drawn, with the engine's numbers.
        await expect(
          page.locator(`[data-testid=segment][data-id="${question.segmentId}"]`),
        ).toHaveAttribute('data-seq', String(question.expected.seq.absolute));
      }
      await clickTo(page, total, total);
      const summary = page.getByTestId('predict-summary');
      await expect(summary).toBeVisible();
      await expect(summary.locator(':scope > ol > li')).toHaveCount(questions.length);
      await expect(summary).toContainText(`0 of ${questions.length * 3} answers right`);
      await expect(page.getByTestId('predict-set-total')).toHaveText(
        `Exercise total: 0 / ${asked}`,
      );
      if (place === 0) {
        await page.getByTestId('predict-next').click();
        await expect(summary).toBeHidden();
      } else {
        // The set's last lesson: nothing comes next.
        await expect(page.getByTestId('predict-next')).toHaveCount(0);
      }
    }
    // 4 questions in lost-syn, 9 in lost-final-ack.
    expect(asked).toBe(39);
    await expect(page.getByTestId('predict-score')).toHaveText('0 / 39');
    expect(errors).toEqual([]);
  });
});

test.describe('the question form', () => {
  test('axe: no serious or critical violation on the form and the result', async ({ page }) => {
    const total = await openLab(page, `lesson=${LESSON}&mode=predict&attempt=${ATTEMPT}&lang=en`);
    await arrowTo(page, 1, total);
    await expect(page.getByTestId('predict')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const [syn] = predictRun(LESSON, ATTEMPT).questions;
    if (!syn) throw new Error('no first question');
    await answerByPointer(page, answerFor(syn, { flags: true, numbers: false, states: true }));
    await expectResult(page, { flags: true, numbers: false, states: true });
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
