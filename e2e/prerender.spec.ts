// The first picture is HTML: the build prerenders the page's first view (src/app/prerender.tsx)
// into index.html and into an entry per lesson; the page's script takes it over (hydrateRoot)
// without a mismatch, and every lesson's entry opens its lesson.
import { expect, test } from '@playwright/test';
import { LESSON_IDS } from './helpers/engine';
import { lessons } from '../src/i18n/locales/en/lessons';
import { counterOf, waitForTotal } from './helpers/page';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows the lesson, its lifelines with addresses and the state header', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('lifeline-client')).toBeAttached();
    await expect(page.getByTestId('lifeline-server')).toBeAttached();
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
    await expect(page.getByTestId('state-client')).toHaveText(/CLOSED/);
    await expect(page.getByTestId('state-server')).toHaveText(/CLOSED/);
    await expect(page.getByTestId('diagram')).toContainText('192.0.2.1:40000');
    await expect(page.getByTestId('diagram')).toContainText('198.51.100.1:8080');
    await expect(page.getByTestId('explanation')).toBeVisible();
  });

  test('each lesson’s own entry shows that lesson, with its title for link previews', async ({
    page,
  }) => {
    for (const id of LESSON_IDS) {
      await page.goto(`./lesson/${id}/`);
      await expect(page.getByTestId('lesson-select')).toHaveValue(id);
      await expect(page.getByTestId('lifeline-client')).toBeAttached();
      const title = lessons[id].title;
      await expect(page).toHaveTitle(`${title} · Handshake Lab`);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
        'content',
        `${title} · Handshake Lab`,
      );
      await expect(page.locator('meta[name="description"]')).not.toHaveAttribute('content', '');
    }
  });
});

test('the page takes its prerendered HTML over without a mismatch, and steps', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });
  page.on('pageerror', (error) => messages.push(error.message));
  await page.goto('./');
  // The HTML the server sent is kept, not replaced: its elements are the ones hydrated.
  const kept = () =>
    page.evaluate(() => {
      const w = window as unknown as { __first?: (Element | null)[] };
      const now = ['lesson-select', 'lifeline-client', 'step-forward'].map((id) =>
        document.querySelector(`[data-testid=${id}]`),
      );
      w.__first ??= now;
      return now.every((element, i) => element !== null && element === w.__first?.[i]);
    });
  expect(await kept()).toBe(true);
  const total = await waitForTotal(page);
  await page.keyboard.press('ArrowRight');
  await expect(counterOf(page)).toHaveText(`1 / ${total}`);
  expect(
    messages.filter((m) => !/^Service Worker registration blocked by Playwright/.test(m)),
  ).toEqual([]);
  // The same elements after the run came in and a step: taken over, never rendered anew.
  expect(await kept()).toBe(true);
});

test('every lesson’s entry opens its lesson and steps; ?lesson= still works', async ({ page }) => {
  for (const id of LESSON_IDS) {
    await page.goto(`./lesson/${id}/`);
    await expect(page.getByTestId('lesson-select')).toHaveValue(id);
    const total = await waitForTotal(page);
    await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
  }
  await page.goto('./?lesson=lost-syn');
  await expect(page.getByTestId('lesson-select')).toHaveValue('lost-syn');
  // A link with other options renders over the prerendered page: the options are honoured.
  await page.goto('./lesson/abort/?lang=zh-CN&step=2');
  await expect(page.getByTestId('lesson-select')).toHaveValue('abort');
  await expect(counterOf(page)).toHaveText(/^2 \/ \d+$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

/** The page's layout shifts while it loads (Chromium's `layout-shift` entries), with what moved. */
async function shiftsWhileLoading(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; moved: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node | null }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((s) =>
          s.node instanceof Element ? `${s.node.tagName} ${s.node.className}` : String(s.node),
        );
        w.__shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  // The footer comes last, with the parts that wait for the first diagram.
  await expect(page.locator('.lab-footer')).toBeAttached();
  await expect(page.getByTestId('state-machine')).toBeVisible();
  await page.waitForTimeout(300);
  return page.evaluate(
    () => (window as unknown as { __shifts: { value: number; moved: string[] }[] }).__shifts,
  );
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`nothing on screen moves while the page loads, ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const shifts = await shiftsWhileLoading(page);
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    // Chromium's "good" cumulative layout shift is under 0.1; the page aims at none.
    expect(total, JSON.stringify(shifts)).toBeLessThan(0.01);
  });
}
