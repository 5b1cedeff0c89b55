// Layout and themes: from 360 px phones to wide screens without horizontal
// overflow and with both lifelines in view; light and dark themes, from `theme=` or the system.
import { expect, test, type Page } from '@playwright/test';
import { openLab, scrubToEnd } from './helpers/page';

/**
 * Elements that stick out of the viewport on the right or left, except inside a container that
 * scrolls horizontally on purpose. (body has overflow-x: hidden, so the document's scrollWidth
 * alone could hide content cut off at the edge.)
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsX = (el: Element) => {
      const o = getComputedStyle(el).overflowX;
      return (o === 'auto' || o === 'scroll') && el !== document.body;
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (el.closest('.visually-hidden, .skip-link')) continue;
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (scrollsX(p)) inScroller = true;
      }
      if (inScroller) continue;
      if (rect.right > width + 1 || rect.left < -1) {
        const id = el.getAttribute('data-testid') ?? el.className.toString() ?? '';
        out.push(
          `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''} ${Math.round(rect.left)}…${Math.round(rect.right)}`,
        );
      }
    }
    return out.slice(0, 10);
  });
}

async function lifelinesInView(page: Page, width: number): Promise<void> {
  for (const side of ['client', 'server']) {
    const lifeline = page.getByTestId(`lifeline-${side}`);
    await expect(lifeline, `${side} lifeline`).toBeVisible();
    // And what makes it visible to a person: its line painted with a stroke, tall, on screen.
    // (The hook may be the line itself or a group around it.)
    const look = await lifeline.evaluate((hook) => {
      const el =
        hook.tagName.toLowerCase() === 'line' ? hook : (hook.querySelector('line') ?? hook);
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        display: style.display,
        visibility: style.visibility,
        opacity: Number(style.opacity),
        stroke: style.stroke,
        strokeWidth: parseFloat(style.strokeWidth) || 0,
        left: rect.left,
        right: rect.right,
        height: rect.height,
      };
    });
    const what = `${side} lifeline ${JSON.stringify(look)}`;
    expect(look.display, what).not.toBe('none');
    expect(look.visibility, what).toBe('visible');
    expect(look.opacity, what).toBeGreaterThan(0);
    expect(look.stroke, what).not.toMatch(/^(none|transparent|rgba\(.*, 0\))$/);
    expect(look.strokeWidth, what).toBeGreaterThan(0);
    expect(look.height, what).toBeGreaterThan(100);
    expect(look.left, `${what}: within the screen`).toBeGreaterThanOrEqual(0);
    expect(look.right, `${what}: within the screen`).toBeLessThanOrEqual(width);
    await expect(page.getByTestId(`state-${side}`)).toBeVisible();
  }
  const client = await page.getByTestId('lifeline-client').boundingBox();
  const server = await page.getByTestId('lifeline-server').boundingBox();
  expect((server?.x ?? 0) - (client?.x ?? 0), 'the lifelines stand apart').toBeGreaterThan(
    width / 4,
  );
}

for (const width of [360, 1440]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const lang of ['en', 'zh']) {
      test(`no horizontal overflow, lifelines in view (${lang})`, async ({ page }) => {
        await openLab(page, `lesson=lost-final-ack&lang=${lang}`);
        await expect(page.getByTestId('drop-final-ack')).toBeAttached();
        await expect(page.getByTestId('answer-cards')).toBeAttached();
        await scrubToEnd(page);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, 'document.documentElement.scrollWidth').toBeLessThanOrEqual(width);
        expect(await overflowing(page), 'elements cut off at the sides').toEqual([]);
        await lifelinesInView(page, width);
        await expect(page.getByTestId('step-forward')).toBeInViewport();
        await expect(page.getByTestId('step-counter')).toBeInViewport();
      });
    }
  });
}

/** Relative luminance of a computed CSS colour (rgb/rgba). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

async function colors(page: Page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return {
      theme: document.documentElement.dataset.theme ?? null,
      background: body.backgroundColor,
      color: body.color,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    };
  });
}

test.describe('themes', () => {
  test('?theme=dark is dark and ?theme=light is light', async ({ page }) => {
    await openLab(page, 'theme=dark&lang=en');
    const dark = await colors(page);
    expect(dark.theme).toBe('dark');
    expect(luminance(dark.background), `dark background ${dark.background}`).toBeLessThan(0.1);
    expect(luminance(dark.color), `light text ${dark.color}`).toBeGreaterThan(0.5);
    expect(dark.scheme).toContain('dark');

    await openLab(page, 'theme=light&lang=en');
    const light = await colors(page);
    expect(light.theme).toBe('light');
    expect(luminance(light.background), `light background ${light.background}`).toBeGreaterThan(
      0.8,
    );
    expect(luminance(light.color), `dark text ${light.color}`).toBeLessThan(0.2);
  });

  test('without theme= the page follows the system’s colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openLab(page, 'lang=en');
    expect(luminance((await colors(page)).background)).toBeLessThan(0.1);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => luminance((await colors(page)).background)).toBeGreaterThan(0.8);
  });

  test('the theme switch changes the theme in the page', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openLab(page, 'lang=en');
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(async () => (await colors(page)).theme).toBe('dark');
    expect(luminance((await colors(page)).background)).toBeLessThan(0.1);
    await page.getByTestId('theme-select').selectOption('light');
    await expect.poll(async () => luminance((await colors(page)).background)).toBeGreaterThan(0.8);
  });
});
