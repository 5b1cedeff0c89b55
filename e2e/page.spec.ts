import { expect, test } from '@playwright/test';

// Core checks of the page shell: the default lesson, stepping, back, reset, play, keyboard, and the
// URL options. The exhaustive per-lesson suite lives in its own specs.

test.describe('the lab page', () => {
  test('loads the default lesson with both lifelines and a step counter', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('lifeline-client')).toBeVisible();
    await expect(page.getByTestId('lifeline-server')).toBeVisible();
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
    await expect(page.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
    await expect(page.getByTestId('segment')).toHaveCount(0);
    await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'CLOSED');
    await expect(page.getByTestId('error')).toHaveCount(0);
  });

  test('→ advances and draws a segment, ← restores the view, reset goes back to 0', async ({
    page,
  }) => {
    await page.goto('./');
    const counter = page.getByTestId('step-counter');
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    const total = Number((await counter.textContent())?.split(' / ')[1]);
    expect(total).toBeGreaterThan(5);

    await page.keyboard.press('ArrowRight'); // server listens: its listening socket opens
    await expect(counter).toHaveText(`1 / ${total}`);
    await expect(page.getByTestId('state-listener')).toHaveAttribute('data-state', 'LISTEN');
    await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'CLOSED');
    await page.keyboard.press('ArrowRight'); // client connects: the SYN
    await expect(counter).toHaveText(`2 / ${total}`);
    const syn = page.getByTestId('segment');
    await expect(syn).toHaveCount(1);
    await expect(syn).toHaveAttribute('data-flags', 'SYN');
    await expect(syn).toHaveAttribute('data-from', 'client');
    await expect(syn).toHaveAttribute('data-fate', 'in-flight');
    await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'SYN_SENT');

    await page.getByTestId('step-forward').click();
    await expect(counter).toHaveText(`3 / ${total}`);
    await expect(page.getByTestId('segment').first()).toHaveAttribute('data-fate', 'delivered');

    await page.getByTestId('step-back').click();
    await expect(counter).toHaveText(`2 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(1);
    await expect(page.getByTestId('segment').first()).toHaveAttribute('data-fate', 'in-flight');
    await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'SYN_SENT');

    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`1 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(0);

    await page.getByTestId('step-forward').click();
    await page.getByTestId('reset').click();
    await expect(counter).toHaveText(`0 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(0);
  });

  test('plays to the end at 4× and pauses there', async ({ page }) => {
    await page.goto('./');
    const counter = page.getByTestId('step-counter');
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    const total = Number((await counter.textContent())?.split(' / ')[1]);
    await page.getByTestId('speed').selectOption('4');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('pause')).toBeVisible();
    await expect(counter).toHaveText(`${total} / ${total}`, { timeout: 20_000 });
    await expect(page.getByTestId('play')).toBeVisible();
    await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'CLOSED');
  });

  test('honours lesson, step and controls=0 from the URL', async ({ page }) => {
    await page.goto('./?lesson=lost-syn&step=3&controls=0');
    await expect(page.getByTestId('lesson-select')).toHaveCount(0);
    await expect(page.getByTestId('loss-rate')).toHaveCount(0);
    await expect(page.getByTestId('step-counter')).toHaveText(/^3 \/ \d+$/);
    await expect(page.getByTestId('step-forward')).toBeVisible();
  });

  test('shows an unknown lesson as an error over the default lesson', async ({ page }) => {
    await page.goto('./?lesson=no-such-lesson');
    await expect(page.getByTestId('error')).toContainText('no-such-lesson');
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
    await expect(page.getByTestId('lifeline-client')).toBeVisible();
  });

  test('switching the lesson and a setting re-runs in the worker', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
    await page.getByTestId('lesson-select').selectOption('server-closes-first');
    await expect(page.getByTestId('lesson-select')).toHaveValue('server-closes-first');
    await expect(page.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
    const before = await page.getByTestId('step-counter').textContent();
    await page.getByTestId('drop-final-ack').check();
    await expect(page.getByTestId('step-counter')).not.toHaveText(before ?? '');
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
});
