import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';

// Browsers cannot be downloaded here (and CI should not depend on it), so the tests drive the system's
// Chromium. Never run `playwright install`.
function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ];
  for (const path of candidates) {
    if (path && existsSync(path)) return path;
  }
  throw new Error(
    'No Chromium found: set CHROMIUM_PATH or `apt-get install chromium` ' +
      '(looked in /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /snap/bin/chromium).',
  );
}

/**
 * The ports the suite binds on 127.0.0.1: the built app on E2E_PORT (default 4173), the stand-in
 * course page's server (e2e/helpers/hostServer.ts) on the app's port + 1 (the course page) and + 2
 * (another site); e2e/helpers/hosts.ts finds them from the app's URL. Set E2E_PORT (and E2E_OUT, a
 * build folder of its own) to run the suite beside another copy of it or a server on 4173.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const HOST_PORT = PORT + 1;
const OUT = process.env.E2E_OUT;
const isCI = !!process.env.CI;

/**
 * The app's server and the course-page server, for an app on `port` and a host on `hostPort`. The
 * web component is built too (into `libOutDir`: LIB_OUT, else beside `outDir`, else dist-lib/) and
 * the course-page server serves it at /lib/.
 */
function webServers(
  port: number,
  hostPort: number,
  outDir?: string,
  libOutDir = process.env.LIB_OUT ?? (outDir ? `${outDir}-lib` : 'dist-lib'),
) {
  const out = outDir ? ` --outDir ${outDir}` : '';
  return [
    {
      command:
        `npx vite build${out} --emptyOutDir --logLevel warn && ` +
        `npx vite build -c vite.lib.config.ts --outDir ${libOutDir} --emptyOutDir --logLevel warn && ` +
        `npx vite preview${out} --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      // Always a fresh build: silently testing a stale server left on the port would be worse than
      // a clear "port in use" error.
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
    {
      command: 'npx tsx e2e/helpers/hostServer.ts',
      url: `http://127.0.0.1:${hostPort}/`,
      env: {
        HOST_PORT: String(hostPort),
        APP_URL: `http://127.0.0.1:${port}/`,
        LIB_OUT: libOutDir,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ];
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Our machines have two cores: more workers would only fight the browsers and the server for CPU.
  workers: Math.min(2, availableParallelism()),
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The page's service worker would answer requests that tests intercept (page.route) and keep
    // what one test cached for the next: only the offline tests let it run (e2e/offline.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  ...(OUT ? { outputDir: `${OUT}-results` } : {}),
  // Test the built site, as users get it: a production build served statically. A preview server
  // answers at once, where the dev server would compile modules on the first visit of each test.
  webServer: webServers(PORT, HOST_PORT, OUT),
});
