// A copy of ../../playwright.config.ts for running the suite while other people use port 4173 and
// dist/ on the same machine: it builds into its own directory and serves it on its own port.
//   npx playwright test -c e2e/helpers/isolated.config.ts e2e/lessons.spec.ts
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4273);
const OUT = process.env.E2E_OUT ?? '/tmp/handshake-lab-e2e-dist';

export default defineConfig({
  ...base,
  testDir: '..',
  outputDir: '/tmp/handshake-lab-e2e-results',
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command:
      `npx vite build --outDir ${OUT} --emptyOutDir --logLevel warn && ` +
      `npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
