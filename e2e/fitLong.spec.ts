// The whole-run view of a long capture: its arrows drawn as one picture, not an element each (a
// capture of 40,006 segments once put them all in the page and froze it), a note saying so, the
// step's arrows still drawn and stepped, leaving the view without drawing the run on the way, and
// an image export of a step past what an image holds refused in one line.
import { expect, test, type Page } from '@playwright/test';
import { longConnectionPcap } from '../src/bench/longCapture';
import { blur, counterOf, openLab, readCounter, watchErrors } from './helpers/page';

/** Opens a capture of one connection of `exchanges` data segments, each acknowledged. */
async function openLongCapture(page: Page, exchanges: number): Promise<number> {
  await openLab(page, 'lang=en');
  await page.getByTestId('open-capture').setInputFiles({
    name: 'long.pcap',
    mimeType: 'application/vnd.tcpdump.pcap',
    buffer: Buffer.from(longConnectionPcap(exchanges)),
  });
  await page.getByTestId('capture-connection').first().click();
  await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
  // Every segment is a step or two: the lesson's few steps are gone.
  await expect(counterOf(page)).toHaveText(
    new RegExp(`^\\d+ / \\d{${String(exchanges).length},}$`),
  );
  return (await readCounter(page)).total;
}

/** Counts the segments drawn, and the most drawn at once from now on (a MutationObserver). */
async function watchSegments(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __mostSegments: number };
    const count = () => document.querySelectorAll('[data-testid="segment"]').length;
    w.__mostSegments = count();
    new MutationObserver(() => {
      w.__mostSegments = Math.max(w.__mostSegments, count());
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const mostSegments = (page: Page) =>
  page.evaluate(() => (window as unknown as { __mostSegments: number }).__mostSegments);

const drawingElements = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-testid="diagram"] *').length);

test.describe('the whole-run view of a long capture', () => {
  test('40,006 segments: a handful of elements, a note, and stepping goes on', async ({ page }) => {
    test.slow();
    const errors = watchErrors(page);
    const total = await openLongCapture(page, 20_000);
    const middle = Math.floor(total / 2);
    await page.getByTestId('scrubber').fill(String(middle));
    await expect(counterOf(page)).toHaveText(`${middle} / ${total}`);
    await watchSegments(page);

    const toggle = page.getByTestId('diagram-fit-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('diagram-fit-note')).toHaveText(
      /drawn as one picture.*Leave the whole-run view \(F\) to click any arrow/,
    );
    expect(await page.getByTestId('segment').count()).toBeLessThan(100);
    expect(await drawingElements(page)).toBeLessThan(500);

    // Stepping in the whole-run view: the counter moves, the step's arrows are drawn.
    await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`${middle + 1} / ${total}`);
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`${middle + 2} / ${total}`);
    expect(await page.getByTestId('segment').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('segment').count()).toBeLessThan(100);

    // F leaves it: the part on screen is drawn again, never the whole run on the way.
    await page.keyboard.press('f');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('diagram-fit-note')).toHaveCount(0);
    await expect(page.getByTestId('segment').first()).toBeVisible();
    expect(await mostSegments(page)).toBeLessThan(200);

    // An image of this step would hold 20,000 arrows: refused at once, and the page steps on.
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-svg').click();
    await expect(page.getByTestId('export-error')).toHaveText(
      /^Could not export: this step shows \d+ arrows, more than one image holds \(1000\)\./,
    );
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`${middle + 3} / ${total}`);
    expect(errors).toEqual([]);
  });

  test('2,006 segments: the picture is drawn, every step’s arrows over it', async ({ page }) => {
    const errors = watchErrors(page);
    const total = await openLongCapture(page, 1_000);
    const step = Math.floor(total / 2);
    await page.getByTestId('scrubber').fill(String(step));
    await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
    await page.getByTestId('diagram-fit-toggle').click();
    const picture = page.getByTestId('diagram-picture');
    await expect(picture).toBeAttached();
    const paths = picture.locator('path.dg-pic');
    // Built while the page is idle, and shown when done.
    await expect(paths.first()).toBeAttached();
    expect(await paths.count()).toBeLessThanOrEqual(6);
    // Fitted a few pixels wide and the box's height tall.
    const box = await picture.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await page.getByTestId('segment').count()).toBeLessThan(20);
    await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`${step + 1} / ${total}`);
    expect(await page.getByTestId('segment').count()).toBeLessThan(20);

    // Leaving it draws the part on screen, not (for a frame) the thousand arrows sent so far.
    await watchSegments(page);
    await page.getByTestId('diagram-fit-toggle').click();
    await expect(page.getByTestId('diagram-picture')).toHaveCount(0);
    await expect(page.getByTestId('segment').first()).toBeVisible();
    expect(await mostSegments(page)).toBeLessThan(200);
    expect(errors).toEqual([]);
  });
});
