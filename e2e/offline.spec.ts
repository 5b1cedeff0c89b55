// Offline after one visit: the service worker (src/worker/serviceWorker.ts) precaches the built
// site, so that with the network cut a reload still shows and steps the lesson, any lesson.
import { expect, test, type Page } from '@playwright/test';
import { counterOf, openLab } from './helpers/page';

// The other browser tests block the service worker; these are about it.
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has precached the site and controls the page. */
async function waitForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
          once: true,
        });
      });
    }
  });
}

test.describe('offline', () => {
  test('after one visit, a reload without a network shows and steps the lesson', async ({
    page,
    context,
  }) => {
    const total = await openLab(page, 'lang=en');
    await waitForOffline(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('lifeline-client')).toBeAttached();
    await expect(counterOf(page)).toHaveText(`0 / ${total}`);
    // Stepping works (the engine worker's script came from the cache too) until the SYN is drawn.
    for (let step = 1; step <= total; step++) {
      await page.getByTestId('step-forward').click();
      await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
      if ((await page.getByTestId('segment').count()) > 0) break;
    }
    await expect(page.getByTestId('segment').first()).toHaveAttribute('data-flags', 'SYN');
  });

  test('offline, a link to another lesson opens it, and lessons can be switched', async ({
    page,
    context,
  }) => {
    await openLab(page, 'lang=en');
    await waitForOffline(page);
    await context.setOffline(true);
    // A query never visited online: the cached page reads it.
    await page.goto('./?lesson=lost-syn&step=2&lang=zh-CN');
    await expect(page.getByTestId('lifeline-client')).toBeAttached();
    await expect(counterOf(page)).toHaveText(/^2 \/ \d+$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByTestId('lesson-select').selectOption('lost-final-ack');
    await expect(counterOf(page)).toHaveText(/^0 \/ \d+$/);
  });

  test('the lab can be installed: a web app manifest with a name, a start and an icon', async ({
    page,
    request,
  }) => {
    await page.goto('./');
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await request.get(href ?? '')).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string }[];
    };
    expect(manifest.name).toBe('Handshake Lab');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      expect((await request.get(icon.src)).ok()).toBe(true);
    }
  });
});
