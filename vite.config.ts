import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type ResolvedConfig } from 'vite';
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

/**
 * The built page's Content-Security-Policy, as a meta tag (a static host may send no headers of its
 * own): scripts only from the site itself, workers also from blob: URLs (src/worker/spawn.ts starts
 * one from a copy of its script in a sandboxed frame), inline styles (React's `style` attributes),
 * images and fonts also as data: and blob: URLs (the exports). `frame-ancestors` cannot be set by a
 * meta tag: README says how a site sets it as a header.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Puts the policy in the built page's head, right after its charset (before any script or
 * stylesheet it governs), and so into every prerendered lesson entry, which is made from it. Not in
 * the dev server's page: Vite injects inline scripts there (the React refresh preamble, the client)
 * that the policy would stop.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'handshake-lab-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html))
        throw new Error('index.html: no <meta charset> to put the CSP after');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The first picture without JavaScript: after the page's build, renders the page's first view
 * (src/app/prerender.tsx, built for Node in a folder of its own) into index.html and into an entry
 * per built-in lesson (`lesson/ID/index.html`, with its own title and description for link
 * previews), each with its lesson's run for the page's first step (src/app/firstRun.ts). Runs before the service worker's precache list is made, so that it lists them.
 */
function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'handshake-lab-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (config.build.ssr) return;
        const outDir = resolve(config.root, config.build.outDir);
        // Inside the project, so that the rendering finds React in node_modules.
        const cache = join(config.root, 'node_modules', '.cache');
        await mkdir(cache, { recursive: true });
        const serverDir = await mkdtemp(join(cache, 'handshake-lab-prerender-'));
        try {
          await build({
            root: config.root,
            configFile: false,
            // Its bundling notes are about a Node module nobody loads but this function.
            logLevel: 'error',
            build: {
              ssr: resolve(config.root, 'src/app/prerender.tsx'),
              outDir: serverDir,
              emptyOutDir: true,
            },
          });
          const entry = pathToFileURL(join(serverDir, 'prerender.js')).href;
          const { prerenderPages } = (await import(entry)) as typeof import('./src/app/prerender');
          const template = await readFile(join(outDir, 'index.html'), 'utf8');
          for (const page of prerenderPages()) {
            // A lesson's entry is two folders down: its relative URLs go up to the site's root.
            const up = page.path === '' ? './' : '../'.repeat(page.path.split('/').length - 1);
            const html = template
              .replace(/(src|href)="\.\//g, `$1="${up}`)
              .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
              .replace(
                /(<meta\s+name="description"\s+content=")[^"]*(")/,
                `$1${escapeHtml(page.description)}$2`,
              )
              .replace(
                '</head>',
                `<meta property="og:title" content="${escapeHtml(page.title)}" />` +
                  `<meta property="og:description" content="${escapeHtml(page.description)}" />` +
                  '</head>',
              )
              .replace(
                '<div id="root"></div>',
                `<div id="root" data-prerendered="${escapeHtml(page.key)}">${page.html}</div>` +
                  page.firstRun,
              );
            await mkdir(join(outDir, page.path), { recursive: true });
            await writeFile(join(outDir, page.path, 'index.html'), html);
          }
        } finally {
          await rm(serverDir, { recursive: true, force: true });
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prerender(), offline],
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
