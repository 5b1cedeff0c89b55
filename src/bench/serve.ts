// For the browser sections' children (ui.ts, embedFrame.ts): the production build served by
// `vite preview` on a free localhost port, and headless Chromium, closed and removed whatever
// happens. Vite and Playwright are imported when called, so that run.ts (which imports the
// sections) loads neither.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { findChromium, ROOT } from './child';

/** A localhost port nothing listens on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface PreviewedApp {
  /** The app's URL, ending in `/`. */
  base: string;
  /** Wall time of the build and the server's start, in seconds with one decimal. */
  builtSeconds: string;
  /** Stops the server and removes the build. */
  close: () => Promise<void>;
}

/** Builds the app as `npm run build` does into a new temporary directory and serves it. */
async function buildAndPreview(tempPrefix: string): Promise<PreviewedApp> {
  const { build, preview } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), tempPrefix));
  let server: Awaited<ReturnType<typeof preview>> | null = null;
  const close = async (): Promise<void> => {
    await server?.close().catch(() => {});
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    await build({
      root: ROOT,
      logLevel: 'warn',
      // Into a directory of its own: dist/ may be in use by the e2e tests.
      build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
    });
    const port = await freePort();
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    const builtSeconds = ((Date.now() - t0) / 1000).toFixed(1);
    return { base: `http://127.0.0.1:${port}/`, builtSeconds, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface BrowserBench extends Omit<PreviewedApp, 'close'> {
  browser: Browser;
  executablePath: string;
}

/**
 * Builds and serves the app, launches the Chromium the parent found (CHROMIUM_PATH) and returns
 * what `measure` returns; closes the browser, stops the server and removes the build in any case.
 */
export async function measureInChromium<T>(
  tempPrefix: string,
  measure: (bench: BrowserBench) => Promise<T>,
): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  const { chromium } = await import('@playwright/test');
  const app = await buildAndPreview(tempPrefix);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return await measure({
      base: app.base,
      builtSeconds: app.builtSeconds,
      browser,
      executablePath,
    });
  } finally {
    await browser?.close().catch(() => {});
    await app.close();
  }
}
