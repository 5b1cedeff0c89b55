// The diagram's camera and the layouts that fit: a deep link shows its step's arrows
// inside the diagram's visible rectangle, the "whole run" view shows every arrow, a phone shows the
// explanation and the diagram together after a step, and `embed=1` fits a 640×480 frame.
import { expect, test, type Page } from '@playwright/test';
import { blur, counterOf, openLab, watchErrors } from './helpers/page';

interface Box {
  id: string;
  fate: string;
  top: number;
  bottom: number;
}

/** Every drawn arrow's shaft (its line, not its label) and the diagram's visible band, in the
 * window: the scroller's box cut by the window, below the scroller's sticky state header. */
function arrows(page: Page): Promise<{ boxes: Box[]; top: number; bottom: number }> {
  return page.evaluate(() => {
    const dg = document.querySelector('[data-testid="diagram"]');
    const head = dg?.querySelector('.dg-head');
    if (!dg) throw new Error('no diagram');
    const r = dg.getBoundingClientRect();
    const top = Math.max(r.top, 0, head ? head.getBoundingClientRect().bottom : r.top);
    const bottom = Math.min(r.top + dg.clientHeight, window.innerHeight);
    const boxes = [...document.querySelectorAll('[data-testid="segment"]')].map((el) => {
      const shafts = [...el.querySelectorAll('.dg-shaft')].map((s) => s.getBoundingClientRect());
      const b = shafts.length > 0 ? shafts : [el.getBoundingClientRect()];
      return {
        id: el.getAttribute('data-id') ?? '',
        fate: el.getAttribute('data-fate') ?? '',
        top: Math.min(...b.map((x) => x.top)),
        bottom: Math.max(...b.map((x) => x.bottom)),
      };
    });
    return { boxes, top, bottom };
  });
}

/** The arrows step N added or changed: compare what is drawn at N with N - 1. */
function changed(now: Box[], before: Box[]): Box[] {
  const old = new Map(before.map((b) => [b.id, b.fate]));
  return now.filter((b) => old.get(b.id) !== b.fate);
}

const LESSONS = ['reuse-without-time-wait', 'lost-syn-ack', 'server-closes-first', 'half-close'];

test.describe('the camera at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const lesson of LESSONS) {
    test(`a deep link to a middle step of ${lesson} shows that step's arrows`, async ({ page }) => {
      const errors = watchErrors(page);
      const total = await openLab(page, `lesson=${lesson}&lang=en`);
      const step = Math.max(2, Math.floor(total / 2));
      await page.goto(`./?lesson=${lesson}&lang=en&step=${step}`);
      await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
      // The camera moves in the next frame (and again once the drawing has its final size).
      await page.waitForTimeout(400);
      const at = await arrows(page);
      await blur(page);
      await page.keyboard.press('ArrowLeft');
      await expect(counterOf(page)).toHaveText(`${step - 1} / ${total}`);
      const before = await arrows(page);
      const touched = changed(at.boxes, before.boxes);
      expect(touched.length, `step ${step} changes an arrow`).toBeGreaterThan(0);
      for (const box of touched) {
        expect(box.top, `arrow ${box.id} starts in view`).toBeGreaterThanOrEqual(at.top - 1);
        expect(box.bottom, `arrow ${box.id} ends in view`).toBeLessThanOrEqual(at.bottom + 1);
      }
      expect(errors).toEqual([]);
    });
  }

  test('stepping keeps every step’s arrows in view, also after a manual scroll', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const total = await openLab(page, 'lesson=reuse-without-time-wait&lang=en');
    await blur(page);
    let before = await arrows(page);
    for (let step = 1; step <= Math.min(total, 30); step++) {
      if (step === 12) {
        // The reader scrolls away: the next step brings the camera back.
        await page.locator('[data-testid="diagram"]').evaluate((el) => el.scrollTo(0, 0));
      }
      await page.keyboard.press('ArrowRight');
      await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
      await expect
        .poll(async () => {
          const now = await arrows(page);
          return changed(now.boxes, before.boxes).filter(
            (b) => b.top < now.top - 1 || b.bottom > now.bottom + 1,
          ).length;
        })
        .toBe(0);
      before = await arrows(page);
    }
  });

  test('the whole-run view fits every arrow; F toggles it', async ({ page }) => {
    const total = await openLab(page, 'lesson=reuse-without-time-wait&lang=en');
    await page.goto(`./?lesson=reuse-without-time-wait&lang=en&step=${total}`);
    await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
    const toggle = page.getByTestId('diagram-fit-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => {
        const { boxes, top, bottom } = await arrows(page);
        return boxes.filter((b) => b.top < top - 1 || b.bottom > bottom + 1).length;
      })
      .toBe(0);
    await blur(page);
    await page.keyboard.press('f');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('the overview strip jumps to a step', async ({ page }) => {
    const total = await openLab(page, 'lesson=reuse-without-time-wait&lang=en');
    const strip = page.getByTestId('diagram-minimap');
    await expect(strip).toBeVisible();
    // Measured before each click: the header's late parts may still move the strip down.
    const clickAt = async (fraction: number) => {
      const box = await strip.boundingBox();
      if (!box) throw new Error('no strip');
      const x = Math.min(box.width - 2, Math.max(1, fraction * box.width));
      await strip.click({ position: { x, y: box.height / 2 } });
    };
    await clickAt(1);
    await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
    await clickAt(0);
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
  });
});

test.describe('a phone, 360×740', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('after a step the explanation and the diagram are both on screen', async ({ page }) => {
    const total = await openLab(page, 'lesson=reuse-without-time-wait&lang=en');
    await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`1 / ${total}`);
    for (let k = 0; k < 5; k++) await page.getByTestId('step-forward').click();
    await expect(page.getByTestId('explanation-text')).toBeInViewport();
    await expect(page.getByTestId('diagram')).toBeInViewport({ ratio: 0.95 });
    await expect(page.getByTestId('step-forward')).toBeInViewport();
  });
});

test.describe('embed=1 in a 640×480 frame', () => {
  test.use({ viewport: { width: 640, height: 480 } });

  test('shows the explanation without scrolling', async ({ page }) => {
    const total = await openLab(page, 'lesson=reuse-without-time-wait&lang=en&embed=1');
    const step = Math.floor(total / 2);
    await page.goto(`./?lesson=reuse-without-time-wait&lang=en&embed=1&step=${step}`);
    await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
    await expect(page.getByTestId('explanation-text')).toBeInViewport();
    await expect(page.getByTestId('diagram')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});
