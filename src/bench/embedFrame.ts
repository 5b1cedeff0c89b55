// The embedded widget's benchmark (issue 4, "Performance"): a course page on another origin creates
// an iframe with `embed=1`; the time until the first lifeline is painted inside it:
//
//   embed-first-diagram-ms   iframe created → the frame that paints `lifeline-client`, median of 5
//                            cold loads (each in a new browser context: empty HTTP cache)
//
// Built and served as src/bench/ui.ts does it (a production build, `vite preview`), in a child
// process for the same reasons (the parent's peak RSS, synchronous sections); the course page is a
// tiny HTTP server of its own on another port. Skipped without a Chromium or with BENCH_UI=0.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from '@playwright/test';
import { chromiumCandidates, findChromium } from './ui';
import { median } from './uiMetrics';

const CHILD_FLAG = '--embed-frame-bench-child';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOADS = 5;
const CHILD_TIMEOUT_MS = 170_000;
const SUMMARY = /^embed-first-diagram-ms: \S+$/;

const log = (line: string): void => void process.stdout.write(`${line}\n`);

export interface EmbedFrameContext {
  summary: string[];
  failed: boolean;
}

/** The bench section: runs the measurement in a child process and relays what it prints. */
export function embedFrameSection(ctx: EmbedFrameContext): void {
  if (process.env.BENCH_UI === '0') {
    log('embed frame: SKIPPED (BENCH_UI=0); no embed-first-diagram-ms line');
    return;
  }
  const chromium = findChromium();
  if (!chromium) {
    log(
      `embed frame: SKIPPED, no Chromium found (looked in ${chromiumCandidates().join(', ')}); ` +
        'no embed-first-diagram-ms line',
    );
    return;
  }
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG],
    {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: chromium },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
      killSignal: 'SIGTERM',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  for (const line of child.stdout.split('\n')) {
    if (line === '') continue;
    if (SUMMARY.test(line)) ctx.summary.push(line);
    else log(line);
  }
  const stderr = child.stderr.trim();
  if (stderr !== '') for (const line of stderr.split('\n')) log(`  (stderr) ${line}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.error || child.status !== 0) {
    const why = child.error
      ? child.error.message
      : child.signal
        ? `killed by ${child.signal}`
        : `exit ${child.status}`;
    log(`embed frame: FAILED after ${seconds} s (${why})`);
    ctx.failed = true;
  } else {
    log(`embed frame: done in ${seconds} s`);
  }
}

// ---- The child ----

/**
 * Installed in every frame before its scripts (a plain script: see ui.ts). In the widget's frame it
 * notes when `lifeline-client` first exists and the animation frame that paints it, as epoch
 * milliseconds (performance.timeOrigin + now), comparable with the course page's clock.
 */
const PROBE = `(() => {
  const probe = { lifelineAt: null, paintedAt: null };
  window.__embedProbe = probe;
  const now = () => performance.timeOrigin + performance.now();
  new MutationObserver((records, observer) => {
    if (probe.lifelineAt !== null || !document.querySelector('[data-testid=lifeline-client]')) return;
    probe.lifelineAt = now();
    observer.disconnect();
    requestAnimationFrame(() => { probe.paintedAt = now(); });
  }).observe(document, { childList: true, subtree: true });
})();`;

/** One load, in ms after the iframe's creation. */
interface LoadTimes {
  /** When the widget's document got its parts (navigation, HTML, scripts). */
  phases: Record<string, number>;
  /** The animation frame that paints the first lifeline: the figure. */
  painted: number;
  /** The first lifeline in the DOM. */
  inDom: number;
  /** The course page receives the first `step` message. */
  stepHeard: number;
}

interface Probe {
  lifelineAt: number | null;
  paintedAt: number | null;
}

function freePort(): Promise<number> {
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

/** The course page: an empty lesson page that includes embed.js, as a teacher's would. */
function coursePage(app: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"><script src="${app}embed.js" async></script></head>
<body><h1>Week 3: TCP</h1><div id="slot"></div></body></html>`;
}

function serveCourse(app: string, port: number): Promise<Server> {
  const page = coursePage(app);
  const server = createHttpServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(page);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function widgetFrame(page: Page, app: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(app));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the widget frame never appeared');
    await page.waitForTimeout(5);
  }
}

/** One cold load: ms from creating the iframe to the frame painting the first lifeline. */
async function measureLoad(
  browser: Browser,
  course: string,
  app: string,
  errors: string[],
): Promise<LoadTimes> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(course);
    await page.waitForLoadState('load');
    const createdAt = (await page.evaluate(`(() => {
      window.__firstStepAt = null;
      window.addEventListener('message', (event) => {
        if (event.data && event.data.source === 'handshake-lab' && event.data.type === 'step' &&
            window.__firstStepAt === null) {
          window.__firstStepAt = performance.timeOrigin + performance.now();
        }
      });
      const iframe = document.createElement('iframe');
      iframe.title = 'Handshake Lab';
      iframe.style.cssText = 'width: 700px; height: 600px; border: 0';
      iframe.src = ${JSON.stringify(`${app}?embed=1&lang=en`)};
      const at = performance.timeOrigin + performance.now();
      document.getElementById('slot').appendChild(iframe);
      return at;
    })()`)) as number;
    const frame = await widgetFrame(page, app);
    await frame.waitForFunction(
      'window.__embedProbe && window.__embedProbe.paintedAt !== null',
      undefined,
      {
        timeout: 30_000,
      },
    );
    const probe = (await frame.evaluate('window.__embedProbe')) as Probe;
    // Where the time goes, in ms after the iframe's creation.
    const timeline = (await frame.evaluate(`(() => {
      const resources = performance.getEntriesByType('resource');
      const end = (part) => resources.find((r) => r.name.includes(part))?.responseEnd ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        origin: performance.timeOrigin,
        html: nav ? nav.responseEnd : NaN,
        script: end('/assets/index-'),
        dcl: nav ? nav.domContentLoadedEventEnd : NaN,
        worker: end('engine.worker'),
      };
    })()`)) as Record<string, number>;
    const since = (ms: number): number => (timeline.origin ?? NaN) + ms - createdAt;
    await page.waitForFunction('window.__firstStepAt !== null', undefined, { timeout: 10_000 });
    const stepAt = (await page.evaluate('window.__firstStepAt')) as number;
    return {
      phases: {
        'navigation starts': since(0),
        'HTML in': since(timeline.html ?? NaN),
        'main script in': since(timeline.script ?? NaN),
        DOMContentLoaded: since(timeline.dcl ?? NaN),
        'worker script in': since(timeline.worker ?? NaN),
      },
      painted: (probe.paintedAt ?? NaN) - createdAt,
      inDom: (probe.lifelineAt ?? NaN) - createdAt,
      stepHeard: stepAt - createdAt,
    };
  } finally {
    await context.close();
  }
}

async function child(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  const { build, preview } = await import('vite');
  const { chromium } = await import('@playwright/test');
  const outDir = await mkdtemp(join(tmpdir(), 'handshake-lab-embed-bench-'));
  let server: Awaited<ReturnType<typeof preview>> | null = null;
  let course: Server | null = null;
  let browser: Browser | null = null;
  let result = NaN;
  try {
    const t0 = Date.now();
    await build({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
    });
    const appPort = await freePort();
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: appPort, strictPort: true, open: false },
    });
    const app = `http://127.0.0.1:${appPort}/`;
    const coursePort = await freePort();
    course = await serveCourse(app, coursePort);
    const courseUrl = `http://127.0.0.1:${coursePort}/`;
    log(
      `embed frame: built in ${((Date.now() - t0) / 1000).toFixed(1)} s; app at ${app}, ` +
        `course page at ${courseUrl}`,
    );
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const errors: string[] = [];
    const loads: LoadTimes[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser, courseUrl, app, errors));
    const ms = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    log(
      `  iframe created → first lifeline painted (ms, cold cache, new context each): ` +
        `${ms(loads.map((l) => l.painted))}; in the DOM: ${ms(loads.map((l) => l.inDom))}; ` +
        `first step message heard: ${ms(loads.map((l) => l.stepHeard))}`,
    );
    const phases = Object.keys(loads[0]?.phases ?? {});
    log(
      `  medians (ms after the iframe's creation): ${phases
        .map((name) => `${name} ${median(loads.map((l) => l.phases[name] ?? NaN)).toFixed(0)}`)
        .join(', ')}`,
    );
    const unique = [...new Set(errors)];
    log(`  console errors: ${unique.length}`);
    for (const error of unique.slice(0, 5)) log(`    ${error.slice(0, 300)}`);
    result = median(loads.map((l) => l.painted));
  } finally {
    if (Number.isFinite(result)) log(`embed-first-diagram-ms: ${result.toFixed(0)}`);
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await new Promise((resolve) => (course ? course.close(resolve) : resolve(undefined)));
    await rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  child().then(
    () => process.exit(0),
    (error: unknown) => {
      log(
        `embed frame: ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
