// Share links, broken links and the Embed dialog. A shared link must reopen exactly what
// the student saw: the same segments with the same fates, the same step, the knobs and the
// language; a broken link must say what is wrong over the default lesson; the Embed dialog's
// snippet must open the compact widget.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { LabOptions } from '../src/lab/types';
import { runWithCauses } from '../src/lab/run';
import { defaultLabOptions } from '../src/lab/labOptions';
import { faultForSegment } from '../src/lab/variants';
import { scenarioForLab } from '../src/lab/variants';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { ui as zhUi } from '../src/i18n/locales/zh-CN/ui';
import { encodeScenarioParam } from '../src/lab/shareLink';
import { expectRun, lessonScenario } from './helpers/engine';
import {
  blur,
  counterOf,
  expectEndToMatch,
  openLab,
  readCounter,
  showStep,
  snapshot,
  watchErrors,
} from './helpers/page';

/**
 * How a test that copies to the clipboard starts: marked slow, the page's errors watched (returned,
 * as watchErrors returns them), the clipboard granted.
 */
async function startClipboardTest(
  page: Page,
  context: BrowserContext,
  baseURL: string | undefined,
): Promise<string[]> {
  test.slow();
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return errors;
}

/** axe's serious and critical findings inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** What the page must draw for a lesson with these knobs (the picture, to know a run is in). */
function expectLab(id: Parameters<typeof lessonScenario>[0], options: LabOptions) {
  return expectRun(scenarioForLab(lessonScenario(id), options, runWithCauses));
}

test.describe('share links', () => {
  test('reopen a run with faults: segments, step, knobs and language', async ({
    page,
    context,
    baseURL,
  }) => {
    const errors = await startClipboardTest(page, context, baseURL);
    const lesson = lessonScenario('client-closes-first');
    await openLab(page, 'lesson=client-closes-first&lang=zh');

    // Loss with a seed, then drop-final-ack (a checkbox runs at once, with the typed values).
    await page.getByTestId('loss-rate').fill('10');
    await page.getByTestId('seed').fill('13');
    await page.getByTestId('drop-final-ack').check();
    const knobs: LabOptions = {
      ...defaultLabOptions(lesson),
      lossPercent: 10,
      seed: 13,
      dropFinalAck: true,
    };
    await expectEndToMatch(page, expectLab('client-closes-first', knobs), 'with the knobs');

    // Click the client's data segment while it is in flight, to drop it.
    await showStep(page, 0);
    await blur(page);
    const data = page.locator('[data-testid=segment][data-fate=in-flight]:not([data-len="0"])');
    for (let step = 1; (await data.count()) === 0; step++) await showStep(page, step);
    const id = Number(await data.first().getAttribute('data-id'));
    await data.first().click();
    const before = runWithCauses(scenarioForLab(lesson, knobs, runWithCauses));
    const clicked = { ...knobs, extraFaults: [faultForSegment(before, id)] };
    const expected = expectLab('client-closes-first', clicked);
    const end = await expectEndToMatch(page, expected, 'after the click');
    expect(end.segments.find((s) => s.id === String(id))?.fate).toBe('dropped');
    expect(end.segments.filter((s) => s.fate === 'dropped').length).toBeGreaterThan(2);

    const { total } = await readCounter(page);
    await showStep(page, Math.floor(total / 2));
    const shown = await snapshot(page);
    await page.getByTestId('share').click();
    await expect(page.getByRole('status').filter({ hasText: zhUi.share.copied })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('lang')).toBe('zh');
    expect(new URL(link).searchParams.get('dropFinalAck')).toBe('1');

    const other = await context.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(link);
    expect(await snapshot(other, shown.counter)).toEqual(shown);
    await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(other.getByTestId('drop-final-ack')).toBeChecked();
    await expect(other.getByTestId('loss-rate')).toHaveValue('10');
    await expect(other.getByTestId('seed')).toHaveValue('13');
    await expect(other.getByTestId('error')).toHaveCount(0);
    await expectEndToMatch(other, expected, 'the reopened link');
    expect([...errors, ...otherErrors]).toEqual([]);
  });

  test('without a clipboard, the link is shown selected for copying by hand', async ({
    page,
    context,
  }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await openLab(page, 'lesson=lost-syn&lang=en&theme=dark');
    await showStep(page, 4);
    const shown = await snapshot(page);
    await page.getByTestId('share').click();
    const field = page.getByTestId('share-link');
    await expect(field).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: enUi.share.manualHint })).toBeVisible();
    const link = await field.inputValue();
    const selected = await field.evaluate((el: HTMLInputElement) => [
      el.selectionStart,
      el.selectionEnd,
    ]);
    expect(selected).toEqual([0, link.length]);
    expect(new URL(link).searchParams.get('theme')).toBe('dark');
    expect(await seriousViolations(page, '.lab-header')).toEqual([]);

    const other = await context.newPage();
    await other.goto(link);
    expect(await snapshot(other, shown.counter)).toEqual(shown);
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(other.getByTestId('lesson-select')).toHaveValue('custom');
    expect(errors).toEqual([]);
  });
});

test.describe('broken links', () => {
  const json = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const valid = encodeScenarioParam(lessonScenario('lost-syn'));
  const cases: { name: string; query: string; message: RegExp }[] = [
    { name: 'bad base64', query: 's=ab$cd', message: /s: not base64url \("\$" at position 3\)/ },
    {
      name: 'a link cut short',
      query: `s=${valid.slice(0, 4 * 10 + 1)}`,
      message: /s: not base64url .*cut short/,
    },
    { name: 'bad JSON', query: `s=${json('{"seed": 1,')}`, message: /s: not JSON \(.+\)/ },
    {
      name: 'JSON that is not an object',
      query: `s=${json('"client-closes-first"')}`,
      message: /s: the scenario must be a JSON object, not a string/,
    },
    {
      name: 'a scenario the format refuses',
      query: `s=${json('{"actions":[{"at":-5,"who":"client","do":"connect"}]}')}`,
      message: /s: actions\[0\]\.at: /,
    },
    {
      name: 'an unknown lesson',
      query: 'lesson=no-such-lesson',
      message: /lesson: no lesson "no-such-lesson"; showing "client-closes-first"/,
    },
  ];
  for (const { name, query, message } of cases) {
    test(`${name}: says so over the default lesson`, async ({ page }) => {
      const total = await openLab(page, `${query}&lang=en`);
      const error = page.getByTestId('error');
      await expect(error).toContainText(enUi.share.linkLead);
      await expect(error).toContainText(message);
      await expect(page.getByTestId('lifeline-server')).toBeVisible();
      await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
      await page.getByTestId('step-forward').click();
      await expect(counterOf(page)).toHaveText(`1 / ${total}`);
    });
  }

  test('the lead sentence is in the reader’s language', async ({ page }) => {
    await openLab(page, 's=%25%25&lang=zh');
    await expect(page.getByTestId('error')).toContainText(zhUi.share.linkLead);
    await expect(page.getByTestId('error')).toContainText('s: not base64url');
  });
});

test.describe('the Embed dialog', () => {
  test('builds a snippet for the compact widget, previews it, copies it', async ({
    page,
    context,
    baseURL,
  }) => {
    const errors = await startClipboardTest(page, context, baseURL);
    const total = await openLab(page, 'lesson=half-close&lang=en');
    await showStep(page, 3);
    const opener = page.getByTestId('embed-open');
    await opener.click();
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog).toBeVisible();
    const snippet = page.getByTestId('embed-snippet');
    await expect(snippet).toHaveValue(/^<iframe src="[^"]*lesson=half-close&amp;[^"]*embed=1/);
    await expect(snippet).toHaveValue(/step=3/);
    await expect(snippet).toHaveValue(/title="Handshake Lab: [^"]+"/);
    await expect(snippet).toHaveValue(/<script src="[^"]*\/embed\.js" async><\/script>$/);

    // The controls choice and the theme go into the URL.
    await page.getByTestId('embed-controls-steps').check();
    await expect(snippet).toHaveValue(/controls=0/);
    await page.getByTestId('embed-controls-compact').check();
    await page.getByTestId('embed-theme').selectOption('dark');
    await expect(snippet).toHaveValue(/theme=dark/);

    expect(await seriousViolations(page, '[data-testid=embed-dialog]')).toEqual([]);

    // The live preview shows the widget.
    const preview = page.frameLocator('[data-testid=embed-preview]');
    await expect(preview.getByTestId('lifeline-client')).toBeVisible();
    await expect(page.getByTestId('embed-preview')).toHaveAttribute('src', /theme=dark/);

    await page.getByTestId('embed-copy').click();
    const text = await snippet.inputValue();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();

    // The snippet's URL opens the compact widget at the chosen step.
    const src = /src="([^"]+)"/.exec(text)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(new URL(src).searchParams.get('embed')).toBe('1');
    const widget = await context.newPage();
    await widget.goto(src);
    await expect(widget.getByTestId('lifeline-client')).toBeVisible();
    await expect(counterOf(widget)).toHaveText(`3 / ${total}`);
    await expect(widget.getByTestId('lesson-select')).toHaveCount(0);
    await expect(widget.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(errors).toEqual([]);
  });
});
