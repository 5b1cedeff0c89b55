// A copy of ../../playwright.config.ts for running the suite while other people use port 4173 and
// dist/ on the same machine: it builds into its own directory and serves it (and the stand-in course
// page, on the two ports after E2E_PORT) on its own ports.
//   npx playwright test -c e2e/helpers/isolated.config.ts e2e/lessons.spec.ts
import { defineConfig } from '@playwright/test';
import base, { webServers } from '../../playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4273);
const OUT = process.env.E2E_OUT ?? '/tmp/handshake-lab-e2e-dist';

export default defineConfig({
  ...base,
  testDir: '..',
  outputDir: `/tmp/handshake-lab-e2e-results-${PORT}`,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: webServers(PORT, PORT + 1, OUT).map((server) => ({ ...server, cwd: '../..' })),
});
