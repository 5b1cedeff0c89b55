import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
// vitest/config's defineConfig is Vite's, widened with the `test` key.
import { defineConfig } from 'vitest/config';

/**
 * `npm start` opens the page in a browser where there is a screen to open it on; on a Linux machine
 * without a display (a server, a container, CI) it only prints the URL.
 */
const canOpenBrowser =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * What the first diagram needs beside the entry: React, the store's context, the words of the page
 * in English and the diagram. Left alone, the bundler splits these into one chunk per set of lazy
 * parts sharing them (seven files, each with its own imports and gzip overhead, all fetched before
 * the first lifeline); as one chunk they cost less to fetch and nothing later fetches more.
 */
const FIRST_PICTURE = [
  /\/node_modules\/(react|zustand)\//,
  /\/src\/engine\/(types|defaults)\./,
  /\/src\/ui\/store\/context\./,
  /\/src\/lab\/segments\./,
  /\/src\/i18n\/(index|core|format|I18nProvider|types)\./,
  /\/src\/i18n\/locales\/en\/(index|ui|lessons)\./,
  // The diagram, not its animation (framer-motion, after the first paint) or its overview strip.
  /\/src\/ui\/diagram\/(?!motionChunk\.|Minimap\.)/,
];

/**
 * Offline and installable: the service worker (src/worker/serviceWorker.ts, which the page registers
 * itself once its first diagram is painted) precaches the build, and the web app manifest lets a
 * browser install the lab.
 */
const offline = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/worker',
  filename: 'serviceWorker.ts',
  injectRegister: false,
  manifest: {
    name: 'Handshake Lab',
    short_name: 'Handshake Lab',
    description: 'An interactive visualizer of how TCP opens and closes a connection.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e79',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  injectManifest: {
    // The app, its lessons and words (in the scripts), the course-page helpers and the export's
    // Latin fonts; the Chinese font's subsets are cached as they are used (serviceWorker.ts).
    globPatterns: ['**/*.{html,js,css,svg,webmanifest}', 'assets/noto-sans-{latin,mono}-*.woff2'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [react(), offline],
  // Relative asset URLs, so the built site works from any sub-path of any static host.
  base: './',
  // ES module workers: the engine worker imports the engine like any other module.
  worker: { format: 'es' },
  // No modulepreload polyfill: every browser the page supports (ES module workers) has it natively,
  // and it would be part of the JavaScript loaded before the first diagram.
  build: {
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'shell', test: (id) => FIRST_PICTURE.some((re) => re.test(id)) }],
        },
      },
    },
  },
  server: { open: canOpenBrowser },
  preview: { port: 4173, strictPort: true },
  // Two kinds of tests, told apart by their extension: `.test.ts` (engine, lab, pure functions) on
  // node; `.test.tsx` (components, rendered with @testing-library/react) on happy-dom, each test
  // unmounting what it rendered. Together: every `src/**/*.test.{ts,tsx}`.
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/testing/domSetup.ts'],
        },
      },
    ],
  },
});
