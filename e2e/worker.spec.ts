import { expect, test, type ConsoleMessage } from '@playwright/test';

// The default lesson (src/scenarios/client-closes-first.json): its first run comes with the
// prerendered page (src/app/firstRun.ts), every other run from the engine worker.

test('draws the default lesson; the engine runs in a worker, not on the page', async ({ page }) => {
  await page.goto('./');

  await expect(page.getByTestId('lifeline-client')).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);

  // To the end: the engine runs until every timer has fired, so TIME_WAIT is passed through.
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  await expect(counter).toHaveText(/^(\d+) \/ \1$/);
  const syn = page.locator('[data-testid=segment][data-flags=SYN]');
  await expect(syn, 'the client opens with its ISN').toHaveCount(1);
  await expect(syn).toHaveAttribute('data-from', 'client');
  await expect(syn).toHaveAttribute('data-fate', 'delivered');
  await page.getByTestId('numbering-absolute').check();
  await expect(syn).toHaveAttribute('data-seq', '1000');
  await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'CLOSED');
  await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'CLOSED');

  await expect(page.locator('[data-runner=worker]')).toHaveCount(1);
  expect(page.workers().length, 'the engine ran in a Web Worker').toBeGreaterThanOrEqual(1);
});

test('shows an unknown lesson as an error, not a blank page', async ({ page }) => {
  await page.goto('./?lesson=no-such-lesson');
  await expect(page.getByTestId('error')).toContainText('no-such-lesson');
  await expect(page.getByTestId('lifeline-client')).toBeVisible();
});

test('logs no console error and throws no page error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));

  await page.goto('./');
  await expect(page.getByTestId('lifeline-client')).toBeVisible();
  await page.getByTestId('step-forward').click();
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('segment')).toHaveCount(1);
  expect(problems).toEqual([]);
});
