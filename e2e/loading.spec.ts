// While the page loads: a prerendered lesson steps with the run its HTML brought, before the
// engine worker is in; otherwise the engine worker starts before the components mount, and a step
// pressed before the run is in is taken once it is (never lost).
import { expect, test } from '@playwright/test';
import { expectRun, lessonScenario } from './helpers/engine';
import { counterOf, expectEndToMatch, waitForTotal } from './helpers/page';

test('a prerendered lesson steps to its end before the engine worker is in; its first knob starts it', async ({
  page,
}) => {
  // The engine worker's script is held back until the test lets it through.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto('./lesson/server-closes-first/');
  const total = await waitForTotal(page);
  await page.keyboard.press('ArrowRight');
  await expect(counterOf(page)).toHaveText(`1 / ${total}`);
  // The run in the HTML is the engine's own for this lesson, event for event.
  const lesson = lessonScenario('server-closes-first');
  await expectEndToMatch(page, expectRun(lesson), 'the run the HTML brought');
  // Once the page is idle, the worker is asked for, ready for the first knob.
  await expect.poll(() => asked).toBe(true);
  await page.getByTestId('drop-final-ack').check();
  release();
  // The engine's run with the knob: an arrow lost, and more steps to the end.
  await expect(page.locator('[data-testid=segment][data-fate=dropped]')).not.toHaveCount(0);
  expect(await waitForTotal(page)).toBeGreaterThan(total);
});

test('→ pressed while the engine is still loading is taken once the run is in', async ({
  page,
}) => {
  // A slow network for the engine's script: the run cannot be in before it.
  let released = false;
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    released = true;
    await route.continue();
  });
  // Another lesson than the one index.html's run is for: it runs in the worker.
  await page.goto('./?lang=en&lesson=lost-syn', { waitUntil: 'domcontentloaded' });
  // The page's script has run (its module is in) but the run cannot be there yet.
  await page.waitForFunction(() => document.readyState !== 'loading');
  await page.keyboard.press('ArrowRight');
  expect(released).toBe(false);
  const total = await waitForTotal(page);
  await expect(counterOf(page)).toHaveText(`1 / ${total}`);
});

test('the engine worker is asked to start before the page’s components are mounted', async ({
  page,
}) => {
  const order: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/engine\.worker-/.test(request.url())) order.push('worker');
  });
  await page.exposeFunction('__labMounted', () => order.push('mounted'));
  // A page opened otherwise than prerendered (another lesson over index.html's): mounted when the
  // page's own render shows that lesson.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid=lesson-select]');
      if (select?.value === 'lost-syn') {
        observer.disconnect();
        (window as unknown as { __labMounted: () => void }).__labMounted();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./?lang=en&lesson=lost-syn');
  await waitForTotal(page);
  await expect.poll(() => order.length).toBe(2);
  expect(order).toEqual(['worker', 'mounted']);
});
