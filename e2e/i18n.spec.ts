// Both languages: all of the page's text in English and Chinese
// (zh-CN), chosen by `lang` or the browser's language, and switchable in the page.
import { expect, test, type Page } from '@playwright/test';
import { lessons as enLessons } from '../src/i18n/locales/en/lessons';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { lessons as zhLessons } from '../src/i18n/locales/zh-CN/lessons';
import { ui as zhUi } from '../src/i18n/locales/zh-CN/ui';
import type { Messages } from '../src/i18n/types';
import { blur, counterOf, liveText, openLab, watchErrors } from './helpers/page';

type Ui = Messages<typeof enUi>;
const HAN = /\p{Script=Han}/u;

/** The lesson title shown for client-closes-first in the picker, from the lessons namespace. */
function lessonTitle(dict: unknown): string {
  const entry = (dict as Record<string, unknown>)['client-closes-first'];
  const title = (entry as { title?: unknown } | undefined)?.title;
  if (typeof title !== 'string') throw new Error('no title for client-closes-first');
  return title;
}

async function expectUi(page: Page, ui: Ui, lang: string, lessonsDict: unknown) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('h1')).toHaveText(ui.app.title);
  await expect(page.getByTestId('step-forward')).toHaveAttribute(
    'aria-label',
    ui.controls.stepForward,
  );
  await expect(page.getByTestId('step-back')).toHaveAttribute('aria-label', ui.controls.stepBack);
  await expect(page.getByTestId('reset')).toHaveAttribute('aria-label', ui.controls.reset);
  await expect(page.getByText(ui.settings.title, { exact: true })).toBeVisible();
  await expect(page.getByText(ui.settings.dropFinalAck.label, { exact: true })).toBeVisible();
  await expect(page.getByText(ui.keyboard.hint, { exact: true })).toBeVisible();
  await expect(page.getByTestId('lesson-select').locator('option:checked')).toHaveText(
    lessonTitle(lessonsDict),
  );
}

test.describe('languages', () => {
  test('?lang=zh shows the Chinese UI and explains steps in Chinese', async ({ page }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lang=zh');
    await expectUi(page, zhUi, 'zh-CN', zhLessons);
    await expect(page.getByTestId('language-select')).toHaveValue('zh-CN');
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
    await expect(page.getByTestId('explanation-text')).toHaveText(HAN);
    await expect.poll(() => liveText(page)).toMatch(HAN);
    expect(errors).toEqual([]);
  });

  test('?lang=en shows the English UI', async ({ page }) => {
    const total = await openLab(page, 'lang=en');
    await expectUi(page, enUi, 'en', enLessons);
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
    await expect(page.getByTestId('explanation-text')).not.toHaveText(HAN);
  });

  test.describe('with a Chinese browser and no lang option', () => {
    test.use({ locale: 'zh-CN' });
    test('follows the browser’s language', async ({ page }) => {
      await openLab(page);
      await expectUi(page, zhUi, 'zh-CN', zhLessons);
    });
  });

  test('switching the language in the page changes every text and keeps the step', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lang=en');
    await blur(page);
    for (let k = 1; k <= 3; k++) await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`3 / ${total}`);
    const english = await page.getByTestId('explanation-text').textContent();

    await page.getByTestId('language-select').selectOption('zh-CN');
    await expectUi(page, zhUi, 'zh-CN', zhLessons);
    await expect(counterOf(page)).toHaveText(`3 / ${total}`);
    await expect(page.getByTestId('explanation-text')).toHaveText(HAN);

    await page.getByTestId('language-select').selectOption('en');
    await expectUi(page, enUi, 'en', enLessons);
    await expect(page.getByTestId('explanation-text')).toHaveText(english ?? '');
    expect(errors).toEqual([]);
  });
});
