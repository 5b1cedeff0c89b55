// Keyboard: → ← space R drive the run; every control is
// reachable with Tab and shows a visible focus indicator; and the step buttons' back restores
// exactly what was shown before.
import { expect, test, type Page } from '@playwright/test';
import { blur, counterOf, openLab, readCounter, snapshot, watchErrors } from './helpers/page';

/** The controls CONTRACT.md section 4 names, each of which Tab must reach. */
const CONTROLS = [
  'lesson-select',
  'language-select',
  'theme-select',
  'step-back',
  'play',
  'step-forward',
  'reset',
  'scrubber',
  'speed',
  'profile',
  'msl',
  'loss-rate',
  'seed',
  'drop-final-ack',
  'reuse-port',
] as const;

/** What has focus: its test id, or "segment", or its tag. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.getAttribute('data-testid') ?? el.tagName.toLowerCase();
  });
}

/** How the focused element shows its focus: outline, box-shadow, or its arrow's highlight. */
async function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | SVGElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    const hit = el.querySelector('.dg-hit');
    return {
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      hitStroke: hit ? getComputedStyle(hit).stroke : null,
    };
  });
}

test.describe('keyboard', () => {
  test('→ ← space R step, play, pause and reset', async ({ page }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lang=en');
    const counter = counterOf(page);
    await blur(page);

    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`1 / ${total}`);
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`2 / ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`1 / ${total}`);

    // Space plays: the pause button replaces play and the counter moves on by itself.
    await page.keyboard.press(' ');
    await expect(page.getByTestId('pause')).toBeVisible();
    await expect(counter).not.toHaveText(`1 / ${total}`, { timeout: 10_000 });
    // Space again pauses: the counter stops.
    await page.keyboard.press(' ');
    await expect(page.getByTestId('play')).toBeVisible();
    const paused = await counter.textContent();
    await page.waitForTimeout(1_500);
    await expect(counter).toHaveText(paused ?? '');
    expect((await readCounter(page)).step).toBeGreaterThan(1);

    // R resets to step 0, nothing drawn, from anywhere; also while playing.
    await page.keyboard.press('r');
    await expect(counter).toHaveText(`0 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(page.getByTestId('pause')).toBeVisible();
    await page.keyboard.press('R');
    await expect(counter).toHaveText(`0 / ${total}`);
    await expect(page.getByTestId('play')).toBeVisible();
    await page.waitForTimeout(1_000);
    await expect(counter, 'reset stops playing').toHaveText(`0 / ${total}`);
    expect(errors).toEqual([]);
  });

  test('keys typed into a field do not step the run', async ({ page }) => {
    const total = await openLab(page, 'lang=en');
    await page.getByTestId('loss-rate').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('r');
    await expect(counterOf(page)).toHaveText(`0 / ${total}`);
  });

  test('every control is reachable with Tab, and so is a segment', async ({ page }) => {
    const total = await openLab(page, 'lang=en');
    // Two steps: step-back is enabled and a segment is drawn; step-forward is still enabled.
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`2 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(1);
    await expect(page.getByTestId('drop-final-ack')).toBeAttached(); // the lazy settings panel

    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const reached = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const name = await focused(page);
      if (name === 'body' && reached.size > 0) break;
      reached.add(name);
    }
    for (const control of CONTROLS)
      expect([...reached], `Tab reaches ${control}`).toContain(control);
    expect([...reached], 'Tab reaches a segment').toContain('segment');
  });

  test('focused controls show a visible focus indicator', async ({ page }) => {
    const total = await openLab(page, 'lang=en');
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`2 / ${total}`);
    await expect(page.getByTestId('drop-final-ack')).toBeAttached();

    const wanted = new Set([
      'step-forward',
      'lesson-select',
      'scrubber',
      'drop-final-ack',
      'loss-rate',
      'segment',
    ]);
    const checked = new Set<string>();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 120 && checked.size < wanted.size; i++) {
      await page.keyboard.press('Tab');
      const name = await focused(page);
      if (!wanted.has(name) || checked.has(name)) continue;
      checked.add(name);
      const look = await focusIndicator(page);
      expect(look?.focusVisible, `${name} matches :focus-visible after Tab`).toBe(true);
      const outlined = look !== null && look.outlineStyle !== 'none' && look.outlineWidth >= 2;
      const shadowed = look !== null && look.boxShadow !== 'none';
      const highlighted =
        look?.hitStroke != null &&
        look.hitStroke !== 'none' &&
        !/rgba\(.*, 0\)$/.test(look.hitStroke);
      expect(
        outlined || shadowed || highlighted,
        `${name} shows its focus (${JSON.stringify(look)})`,
      ).toBe(true);
    }
    expect([...checked].sort()).toEqual([...wanted].sort());
  });
});

test.describe('step buttons: back restores what was shown', () => {
  test('client-closes-first: after k steps and one back, every hook equals step k − 1', async ({
    page,
  }) => {
    test.slow();
    const total = await openLab(page, 'lesson=client-closes-first&lang=en');
    const forward = page.getByTestId('step-forward');
    const back = page.getByTestId('step-back');
    let previous = await snapshot(page);
    for (let k = 1; k <= total; k++) {
      // Forward with clicks in the page (fast); back with a real mouse click on step-back.
      const now = await snapshot(page, `${k} / ${total}`, 'step-forward');
      await back.click();
      expect(await snapshot(page, `${k - 1} / ${total}`), `step ${k} then back`).toEqual(previous);
      expect(await snapshot(page, `${k} / ${total}`, 'step-forward'), `step ${k} again`).toEqual(
        now,
      );
      previous = now;
    }
    await expect(forward).toBeDisabled();
    await page.getByTestId('reset').click();
    await expect(counterOf(page)).toHaveText(`0 / ${total}`);
    await expect(page.getByTestId('segment')).toHaveCount(0);
  });
});
