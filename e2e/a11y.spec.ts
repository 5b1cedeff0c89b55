// Accessibility: axe finds no serious or critical violation in the page's
// main states; the ARIA live region narrates every step; with prefers-reduced-motion the arrows
// are drawn at once in their final geometry, without animation.
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './helpers/axe';
import {
  blur,
  counterOf,
  openLab,
  snapshot,
  stepTimes,
  walkExplanations,
  watchErrors,
} from './helpers/page';

/** The lab with its lazy parts (settings, answer cards) loaded. */
async function openReady(page: Page, query: string): Promise<number> {
  const total = await openLab(page, query);
  await expect(page.getByTestId('drop-final-ack')).toBeAttached();
  await expect(page.getByTestId('answer-cards')).toBeAttached();
  return total;
}

test.describe('axe: no serious or critical violation', () => {
  test('default lesson, at the start', async ({ page }) => {
    await openReady(page, 'lang=en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('with the segment inspector open', async ({ page }) => {
    const total = await openReady(page, 'lang=en');
    await stepTimes(page, 3, total);
    await page.locator('[data-testid=segment][data-fate=delivered]').first().click();
    await expect(page.getByTestId('segment-inspector')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // Stepped a few steps, or to the end of the run, in each theme and language.
  for (const [title, query, steps] of [
    ['after a few steps', 'lang=en', 4],
    ['in the dark theme', 'lang=en&theme=dark', 4],
    ['in Chinese', 'lang=zh', 4],
    [
      'a lesson with drops and retransmissions, at its end, dark',
      'lesson=lost-final-ack&lang=en&theme=dark',
      'all',
    ],
  ] as const) {
    test(title, async ({ page }) => {
      const total = await openReady(page, query);
      await stepTimes(page, steps === 'all' ? total : steps, total);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe('ARIA live region', () => {
  test('narrates each step: polite, and its text changes on every step', async ({ page }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lang=en');
    const live = page.getByTestId('live');
    await expect(live).toHaveAttribute('aria-live', /polite|assertive/);
    const told = await walkExplanations(page);
    expect(told).toHaveLength(total);
    let previous = '';
    told.forEach((step, i) => {
      expect(step.live, `step ${i + 1} is narrated`).not.toBe('');
      expect(step.live, `step ${i + 1} says something new`).not.toBe(previous);
      previous = step.live;
    });
    // Back and reset are narrated too.
    await page.keyboard.press('ArrowLeft');
    await expect(live).not.toHaveText(previous);
    await page.keyboard.press('r');
    await expect(counterOf(page)).toHaveText(`0 / ${total}`);
    await expect(live).not.toHaveText('');
    expect(errors).toEqual([]);
  });
});

test.describe('prefers-reduced-motion', () => {
  test.use({ reducedMotion: 'reduce' });

  /** Geometry of every drawn arrow (shaft end and head), and the running animations. */
  async function arrowsAfterStep(page: Page, counter: string) {
    return page.evaluate(async (want) => {
      const text = () =>
        (document.querySelector('[data-testid="step-counter"]')?.textContent ?? '').trim();
      while (text() !== want) await new Promise((resolve) => setTimeout(resolve, 1));
      // The first frame after the step is shown.
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const arrows = [...document.querySelectorAll('[data-testid="segment"]')].map((seg) =>
        [...seg.querySelectorAll('line, polygon, path')]
          .map((el) =>
            ['x1', 'y1', 'x2', 'y2', 'transform', 'd', 'points']
              .map((a) => el.getAttribute(a) ?? '')
              .join(','),
          )
          .join(';'),
      );
      return { arrows, animations: document.getAnimations().length };
    }, counter);
  }

  test('each step draws its arrows at once, in their final geometry', async ({ page }) => {
    const total = await openLab(page, 'lesson=lost-final-ack&lang=en');
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
      true,
    );
    await blur(page);
    for (let k = 1; k <= Math.min(total, 8); k++) {
      await page.keyboard.press('ArrowRight');
      const first = await arrowsAfterStep(page, `${k} / ${total}`);
      expect(first.animations, `step ${k}: no running animation`).toBe(0);
      await page.waitForTimeout(700); // longer than an arrow's flight at 1×
      const later = await arrowsAfterStep(page, `${k} / ${total}`);
      expect(first.arrows, `step ${k}: nothing moved after the first frame`).toEqual(later.arrows);
      expect((await snapshot(page)).segments.length).toBe(first.arrows.length);
    }
  });
});
