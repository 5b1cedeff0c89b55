// The embedded widget's benchmark: a course page on another origin creates
// an iframe with `embed=1`; the time until the first lifeline is painted inside it:
//
//   embed-first-diagram-ms   iframe created → the frame that paints `lifeline-client`, median of 5
//                            cold loads (each in a new browser context: empty HTTP cache)
//
// Built and served as for src/bench/ui.ts (src/bench/serve.ts: a production build, `vite preview`),
// in a child process for the same reasons (src/bench/child.ts); the course page is a tiny HTTP
// server of its own on another port. Skipped without a Chromium or with BENCH_UI=0.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { Browser, Frame, Page } from '@playwright/test';
import { chromiumForSection, log, runAsChild, runChildSection, type SectionContext } from './child';
import { type BrowserBench, freePort, measureInChromium } from './serve';
import { median } from './uiMetrics';

const CHILD_FLAG = '--embed-frame-bench-child';
const LOADS = 5;
const CHILD_TIMEOUT_MS = 170_000;
const SUMMARY = /^embed-first-diagram-ms: \S+$/;

/** The bench section: runs the measurement in a child process and relays what it prints. */
export function embedFrameSection(ctx: SectionContext): void {
  const chromium = chromiumForSection('embed frame', 'embed-first-diagram-ms line');
  if (!chromium) return;
  runChildSection(ctx, {
    label: 'embed frame',
    moduleUrl: import.meta.url,
    flag: CHILD_FLAG,
    timeoutMs: CHILD_TIMEOUT_MS,
    isSummaryLine: (line) => SUMMARY.test(line),
    env: { CHROMIUM_PATH: chromium },
  });
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
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    bypassCSP: true,
  });
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

/** Serves the course page and times the cold loads: their median. */
async function measureEmbedded({ base, builtSeconds, browser }: BrowserBench): Promise<number> {
  const coursePort = await freePort();
  const course = await serveCourse(base, coursePort);
  try {
    const courseUrl = `http://127.0.0.1:${coursePort}/`;
    log(`embed frame: built in ${builtSeconds} s; app at ${base}, course page at ${courseUrl}`);
    const errors: string[] = [];
    const loads: LoadTimes[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser, courseUrl, base, errors));
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
    return median(loads.map((l) => l.painted));
  } finally {
    await new Promise((resolve) => course.close(resolve));
  }
}

async function child(): Promise<void> {
  const result = await measureInChromium('handshake-lab-embed-bench-', measureEmbedded);
  if (Number.isFinite(result)) log(`embed-first-diagram-ms: ${result.toFixed(0)}`);
}

runAsChild(CHILD_FLAG, 'embed frame', child);
