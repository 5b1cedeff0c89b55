import { expect, test, type ConsoleMessage } from '@playwright/test';

// The default lesson (src/scenarios/client-closes-first.json), run in the engine worker.

test('lists the trace of the default lesson, computed in a worker', async ({ page }) => {
  await page.goto('./');

  const rows = page.getByTestId('event');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);

  await expect(
    rows.filter({ hasText: 't=150 client → SYN seq=1000 ack=0' }),
    'the client opens with its ISN',
  ).toHaveCount(1);
  // The engine runs until every timer has fired, so TIME_WAIT is passed through, not final.
  const clientStates = page.locator('[data-testid=event][data-type=state][data-who=client]');
  await expect(clientStates.and(page.locator('[data-to=TIME_WAIT]'))).toHaveCount(1);
  await expect(clientStates.last()).toHaveAttribute('data-to', 'CLOSED');

  await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'CLOSED');
  await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'CLOSED');

  await expect(page.locator('[data-runner=worker]')).toHaveCount(1);
  expect(page.workers().length, 'the engine ran in a Web Worker').toBeGreaterThanOrEqual(1);
});

test('shows an unknown lesson as an error, not a blank page', async ({ page }) => {
  await page.goto('./?lesson=no-such-lesson');
  await expect(page.getByTestId('error')).toContainText('no-such-lesson');
  await expect(page.getByTestId('event')).toHaveCount(0);
});

test('logs no console error and throws no page error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));

  await page.goto('./');
  await expect(page.getByTestId('event').first()).toBeVisible();
  expect(problems).toEqual([]);
});
