// The page benchmark: builds the site, serves it with `vite preview` on a free localhost port and
// measures it in headless Chromium through Playwright:
//
//   ui-initial-js-gzip-kb        JavaScript requested before the first lifeline is drawn, gzipped (-9)
//   ui-first-diagram-ms          navigation start to the first `lifeline-client`, median of 5 cold loads
//   ui-first-diagram-vs-peer, ui-js-before-first-diagram-kb, ui-js-before-first-step-kb,
//   ui-first-step-ready-ms, ui-offline-reload: the loading figures (uiLoading.ts)
//   ui-step-latency-ms           → keydown to the first animation frame of the new arrow, median
//   ui-step-latency-predict-ms   the same in predict mode (mode=predict): → or "show me" on a held step
//   ui-long-tasks-while-playing  main-thread tasks over 50 ms while playing a 547-segment lossy run at 4×
//   ui-layout-overlaps           pairs of the diagram's texts whose rotated boxes overlap at the end of
//                                each lesson, summed over every lesson at 1440×900, 768×1024, 360×740
//   ui-hidden-steps              steps after which an arrow the step added or changed was not fully in
//                                the diagram's visible rectangle, summed over the same lessons and sizes
//   ui-longest-task-ms-worst-input  the longest main-thread task loading, stepping, scrubbing and
//                                jumping to the end of a 14-send link and a 200,000-segment capture
//
// The layout figures use the browser tests' instrument (diagramProbe.ts, e2e/diagram.spec.ts), in English
// with reduced motion (the camera's resting place, not its flight).
//
// It runs in a child process (`uiSection` spawns this file with --ui-bench-child): the build, the
// preview server and the browser driver then never count in the bench's own peak RSS (the
// `engine-peak-rss-mb` line), and run.ts's sections stay synchronous. The child prints progress lines
// and the `ui-…: value` lines; the parent relays the former at once and adds the latter to the summary.
// Without a Chromium the section says so and is skipped; the child always closes the browser and the
// server and removes its build.
import { availableParallelism, loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromiumForSection, log, runAsChild, runChildSection, type SectionContext } from './child';
import { LESSON_IDS } from '../scenarios';
import { describeProbe, diagramProbeCall, type DiagramProbeResult } from './diagramProbe';
import { type BrowserBench, measureInChromium } from './serve';
import { type LoadingPages, measureLoading, measureOfflineReload } from './uiLoading';
import { measureWorstInput } from './uiWorstInput';
import {
  gzipBytes,
  isUiSummaryLine,
  kb,
  lossyPlaybackScenario,
  median,
  parseStepCounter,
  scenarioParam,
  type UiFigures,
  uiLines,
} from './uiMetrics';

const CHILD_FLAG = '--ui-bench-child';

/** Cold loads timed for `ui-first-diagram-ms`. */
const FIRST_DIAGRAM_LOADS = 5;
/** Arrows timed for `ui-step-latency-ms`, and the most presses spent getting them. */
const STEP_SAMPLES = 40;
const MAX_PRESSES = 160;
/** The lesson stepped through (reset and stepped again at its end). */
const STEP_LESSON = 'lost-final-ack';
/** Longest playback watched for long tasks. */
const PLAY_LIMIT_MS = 60_000;
/** Screen sizes the diagram's layout is measured at (`ui-layout-overlaps`, `ui-hidden-steps`). */
const LAYOUT_VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 768, height: 1024 },
  { width: 360, height: 740 },
] as const;
/** Whole child, as a guard: it is killed (and Playwright closes its browser) after this. */
const CHILD_TIMEOUT_MS = 900_000;

const LIFELINE = '[data-testid=lifeline-client]';
const COUNTER = '[data-testid=step-counter]';

/** The bench section: runs the page bench in a child process and relays what it prints. */
export function uiSection(ctx: SectionContext): void {
  const chromium = chromiumForSection(
    'ui',
    'ui-… lines',
    '; set CHROMIUM_PATH or `apt-get install chromium`',
  );
  if (!chromium) return;
  runChildSection(ctx, {
    label: 'ui',
    moduleUrl: import.meta.url,
    flag: CHILD_FLAG,
    timeoutMs: CHILD_TIMEOUT_MS,
    isSummaryLine: isUiSummaryLine,
    env: { CHROMIUM_PATH: chromium },
  });
}

// ---- In the page ----

/**
 * Installed before any of the page's scripts (addInitScript). A plain script rather than a function:
 * tsx compiles functions with name helpers that do not exist in the page.
 *
 * - `rootAt`: performance.now() when #root first has an element (the page's first render).
 * - `lifelineAt`: performance.now() (ms since navigation start) when `lifeline-client` first exists,
 *   `lifelineFrameAt` the animation frame after it.
 * - `stepSamples`: for each → keydown (capture phase, before the page's handler) followed by a new
 *   `segment` (a data-id not shown at the keydown), the time from the keydown to the first
 *   requestAnimationFrame callback after the segment entered the DOM.
 * - `longTasks`: every 'longtask' entry (buffered).
 */
const PROBES = `(() => {
  const SEGMENT = '[data-testid=segment]';
  const probe = {
    rootAt: null, lifelineAt: null, lifelineFrameAt: null, keyAt: null, keyIds: null,
    stepSamples: [], presses: 0, longTasks: [], longTaskSupported: false,
  };
  window.__hlBench = probe;
  const segmentIds = () =>
    new Set(Array.from(document.querySelectorAll(SEGMENT), (el) => el.getAttribute('data-id')));
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight') return;
    probe.presses += 1;
    probe.keyAt = performance.now();
    probe.keyIds = segmentIds();
  }, { capture: true });
  // Predict mode: "show me" plays the asked step, as → does any other.
  window.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || !target.closest('[data-testid=predict-reveal]')) return;
    probe.presses += 1;
    probe.keyAt = performance.now();
    probe.keyIds = segmentIds();
  }, { capture: true });
  new MutationObserver((records) => {
    if (probe.rootAt === null && document.getElementById('root')?.firstElementChild) {
      probe.rootAt = performance.now();
    }
    if (probe.lifelineAt === null && document.querySelector(${JSON.stringify(LIFELINE)})) {
      probe.lifelineAt = performance.now();
      requestAnimationFrame(() => { probe.lifelineFrameAt = performance.now(); });
    }
    if (probe.keyAt === null) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const found = node.matches(SEGMENT) ? [node] : Array.from(node.querySelectorAll(SEGMENT));
        if (!found.some((el) => !probe.keyIds.has(el.getAttribute('data-id')))) continue;
        const t0 = probe.keyAt;
        probe.keyAt = null;
        requestAnimationFrame(() => { probe.stepSamples.push(performance.now() - t0); });
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    probe.longTaskSupported = true;
  } catch {
    // no long-task timing in this browser: reported as such
  }
})();`;

interface Probe {
  rootAt: number | null;
  lifelineAt: number | null;
  lifelineFrameAt: number | null;
  stepSamples: number[];
  presses: number;
  longTasks: { start: number; duration: number }[];
  longTaskSupported: boolean;
}

const readProbe = (page: Page): Promise<Probe> =>
  page.evaluate('window.__hlBench') as Promise<Probe>;

// ---- The child: build, serve, measure ----

interface Session {
  browser: Browser;
  base: string;
  consoleErrors: string[];
}

async function newPage(
  session: Session,
  {
    serviceWorkers = 'block',
    javaScript = true,
  }: { serviceWorkers?: 'allow' | 'block'; javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // A new context per load: its own empty HTTP cache, so every load is a cold one; no service
  // worker (it would start precaching the site) but where offline is measured.
  const context = await session.browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers,
    javaScriptEnabled: javaScript,
    // The bench's probes are strings the page evaluates, which the built page's CSP (no eval) would
    // refuse; the CSP itself is checked by the browser tests.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.addInitScript({ content: PROBES });
  page.on('pageerror', (error) => session.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(`console: ${message.text()}`);
  });
  return { context, page };
}

/**
 * Waits for the first lifeline and the frame after it. Not Playwright's `visible`: the lifeline is a
 * vertical SVG line, whose bounding box has no width, so Playwright never calls it visible.
 */
async function waitForDiagram(page: Page): Promise<void> {
  await page.locator(LIFELINE).waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction('window.__hlBench.lifelineFrameAt !== null', undefined, {
    timeout: 5_000,
  });
}

function chunkName(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? url;
}

/** ui-initial-js-gzip-kb: every same-origin script requested before the first lifeline existed. */
async function measureInitialJs(session: Session): Promise<number> {
  const { context, page } = await newPage(session);
  try {
    const origin = new URL(session.base).origin;
    const scripts: { url: string; requestedAt: number; body: Promise<Buffer | null> }[] = [];
    const onResponse = (response: import('@playwright/test').Response): void => {
      const url = response.url();
      if (new URL(url).origin !== origin) return;
      const type = response.request().resourceType();
      const contentType = response.headers()['content-type'] ?? '';
      if (type !== 'script' && !/javascript/.test(contentType)) return;
      scripts.push({
        url,
        requestedAt: response.request().timing().startTime, // wall-clock ms
        body: response.body().catch(() => null),
      });
    };
    page.on('response', onResponse);
    context.on('response', onResponse); // worker requests, in case the page does not report them
    await page.goto(session.base);
    await waitForDiagram(page);
    const drawnAt = (await page.evaluate(
      'performance.timeOrigin + window.__hlBench.lifelineAt',
    )) as number;
    // Lazy chunks that follow the first diagram: listed for context, not counted.
    await page.waitForLoadState('networkidle').catch(() => {});
    page.off('response', onResponse);
    context.off('response', onResponse);

    const seen = new Set<string>();
    let before = 0;
    const beforeLines: string[] = [];
    const afterLines: string[] = [];
    for (const script of scripts) {
      if (seen.has(script.url)) continue;
      seen.add(script.url);
      const body = await script.body;
      const name = chunkName(script.url);
      if (!body) {
        beforeLines.push(`    ${name}: body unavailable`);
        continue;
      }
      const gz = gzipBytes(body);
      const line = `    ${name}: ${kb(body.length)} KB raw, ${kb(gz)} KB gzip`;
      if (script.requestedAt <= drawnAt) {
        before += gz;
        beforeLines.push(line);
      } else {
        afterLines.push(line);
      }
    }
    log(`  JavaScript requested before the first lifeline (${beforeLines.length} files):`);
    for (const line of beforeLines) log(line);
    log(`  requested after it (${afterLines.length} files, not counted):`);
    for (const line of afterLines) log(line);
    return before / 1024;
  } finally {
    await context.close();
  }
}

/** ui-first-diagram-ms: median over cold loads, each in a fresh context. */
async function measureFirstDiagram(session: Session): Promise<number> {
  const times: number[] = [];
  const frames: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < FIRST_DIAGRAM_LOADS; i++) {
    const { context, page } = await newPage(session);
    try {
      await page.goto(session.base);
      await waitForDiagram(page);
      const probe = await readProbe(page);
      times.push(probe.lifelineAt ?? NaN);
      frames.push(probe.lifelineFrameAt ?? NaN);
      // Where the time goes: ms after navigation start, as the page's own timings tell.
      const timeline = (await page.evaluate(`(() => {
        const probe = window.__hlBench;
        const resources = performance.getEntriesByType('resource');
        const end = (part) => resources.find((r) => r.name.includes(part))?.responseEnd ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          'main script in': end('/assets/index-'),
          'DOMContentLoaded': nav ? nav.domContentLoadedEventEnd : NaN,
          'first render': probe.rootAt ?? NaN,
          'worker script in': end('engine.worker'),
          'long tasks before it (total ms)': probe.longTasks
            .filter((t) => t.start < probe.lifelineAt)
            .reduce((sum, t) => sum + t.duration, 0),
        };
      })()`)) as Record<string, number>;
      for (const [name, value] of Object.entries(timeline)) (phases[name] ??= []).push(value);
    } finally {
      await context.close();
    }
  }
  const ms = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
  log(
    `  first lifeline in the DOM (ms after navigation start, cold cache, new context each): ` +
      `${ms(times)}; its first frame: ${ms(frames)}`,
  );
  log(
    `  medians: ${Object.entries(phases)
      .map(([name, values]) => `${name} ${median(values).toFixed(0)}`)
      .join(', ')}, lifeline ${median(times).toFixed(0)}`,
  );
  return median(times);
}

/** Waits for the step counter to read `N / M` with M > 0: the run is in. */
async function waitForRun(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const text = document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '';
      const m = /^\\s*(\\d+)\\s*\\/\\s*(\\d+)\\s*$/.exec(text);
      return m !== null && Number(m[2]) > 0;
    })()`,
    undefined,
    { timeout: 30_000 },
  );
}

async function counter(page: Page): Promise<{ step: number; total: number }> {
  const text = (await page.locator(COUNTER).textContent()) ?? '';
  const parsed = parseStepCounter(text);
  if (!parsed) throw new Error(`step-counter reads "${text}", not "N / M"`);
  return parsed;
}

/**
 * ui-step-latency-ms: → pressed on a lesson, stepped to its end, reset and stepped again. In predict
 * mode (ui-step-latency-predict-ms) a step that a question holds is played by "show me".
 */
async function measureStepLatency(session: Session, predict = false): Promise<number> {
  const { context, page } = await newPage(session);
  try {
    const mode = predict ? '&mode=predict&attempt=4711' : '';
    await page.goto(`${session.base}?lesson=${STEP_LESSON}${mode}`);
    await waitForDiagram(page);
    await waitForRun(page);
    const { total } = await counter(page);
    let presses = 0;
    let resets = 0;
    let samples = 0;
    while (samples < STEP_SAMPLES && presses < MAX_PRESSES) {
      const before = await counter(page);
      if (before.step >= before.total) {
        await page.keyboard.press('r');
        await page.waitForFunction(
          `document.querySelector(${JSON.stringify(COUNTER)})?.textContent?.trim().startsWith('0 /')`,
        );
        resets++;
        continue;
      }
      const asked = predict && (await page.locator('[data-testid=predict-reveal]').count()) > 0;
      if (asked) {
        // As a keyboard user answers (a mouse click would be timed from a frame-aligned event).
        await page.locator('[data-testid=predict-reveal]').focus();
        await page.keyboard.press('Enter');
      } else await page.keyboard.press('ArrowRight');
      presses++;
      if (predict && !asked) {
        // → stops before a question (its form may still be loading): then show it.
        const moved = await page
          .waitForFunction(
            `document.querySelector(${JSON.stringify(COUNTER)})?.textContent?.trim().startsWith('${before.step + 1} /')`,
            undefined,
            { timeout: 1_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (!moved) {
          await page.locator('[data-testid=predict-reveal]').waitFor({ timeout: 10_000 });
          continue;
        }
      }
      await page.waitForFunction(
        `document.querySelector(${JSON.stringify(COUNTER)})?.textContent?.trim().startsWith('${before.step + 1} /')`,
        undefined,
        { timeout: 5_000 },
      );
      // Two frames for the arrow's first frame to be recorded, then a short pause as a reader's.
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      await page.waitForTimeout(60);
      samples = (await readProbe(page)).stepSamples.length;
    }
    const probe = await readProbe(page);
    const sorted = [...probe.stepSamples].sort((a, b) => a - b);
    const pick = (q: number): string =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
    log(
      `  ${predict ? 'predict mode, → or "show me"' : '→'} on lesson "${STEP_LESSON}" ` +
        `(${total} steps): ${presses} presses, ${resets} resets, ` +
        `${sorted.length} new arrows timed; min ${pick(0)}, median ${median(sorted).toFixed(1)}, ` +
        `p90 ${pick(0.9)}, max ${pick(1)} ms`,
    );
    if (sorted.length < 30) log(`  WARNING: only ${sorted.length} arrows timed (wanted ≥ 30)`);
    return median(sorted);
  } finally {
    await context.close();
  }
}

/** ui-long-tasks-while-playing: the lossy run (`s=`) played at 4×. */
async function measurePlayback(session: Session): Promise<number> {
  const scenario = lossyPlaybackScenario();
  const { context, page } = await newPage(session);
  try {
    await page.goto(`${session.base}?s=${scenarioParam(scenario)}`);
    await waitForDiagram(page);
    await waitForRun(page);
    let { total } = await counter(page);
    let what = `the lossy run from s= (${total} steps)`;
    if (total < 500) {
      // The page ignored or refused s= (it shows its default lesson): play what it offers.
      const error = page.locator('[data-testid=error]');
      if ((await error.count()) > 0) {
        log(`  the page says: ${((await error.first().textContent()) ?? '').trim().slice(0, 300)}`);
      }
      log(
        `  WARNING: the page ignores s= (it shows ${total} steps, not the lossy run's 567): ` +
          `the 500-segment run cannot be loaded; s= is needed (CONTRACT.md section 4)`,
      );
      await page.goto(`${session.base}?lesson=${STEP_LESSON}`);
      await waitForDiagram(page);
      await waitForRun(page);
      total = (await counter(page)).total;
      what = `FALLBACK lesson "${STEP_LESSON}" (${total} steps), NOT the 500-segment run`;
    }
    const speed = page.locator('[data-testid=speed]');
    if ((await speed.count()) > 0) await speed.selectOption('4');
    else log('  WARNING: no [data-testid=speed] control; playing at the default speed');
    const segmentsAtStart = await page.locator('[data-testid=segment]').count();
    const playFrom = (await page.evaluate('performance.now()')) as number;
    await page.locator('[data-testid=play]').click();
    const started = Date.now();
    const done = await page
      .waitForFunction(
        `document.querySelector(${JSON.stringify(COUNTER)})?.textContent?.trim() === '${total} / ${total}'`,
        undefined,
        { timeout: PLAY_LIMIT_MS, polling: 250 },
      )
      .then(
        () => true,
        () => false,
      );
    const seconds = (Date.now() - started) / 1000;
    const playTo = (await page.evaluate('performance.now()')) as number;
    const { step } = await counter(page);
    const segments = await page.locator('[data-testid=segment]').count();
    const probe = await readProbe(page);
    if (!probe.longTaskSupported) throw new Error('this Chromium reports no long tasks');
    const during = probe.longTasks.filter((t) => t.start >= playFrom && t.start <= playTo);
    const beforePlay = probe.longTasks.filter((t) => t.start < playFrom);
    const longest = Math.max(0, ...during.map((t) => t.duration));
    log(
      `  played ${what} at 4×: ${done ? 'reached the end' : `stopped at ${PLAY_LIMIT_MS / 1000} s`}, ` +
        `step ${step} / ${total} after ${seconds.toFixed(1)} s (${(step / seconds).toFixed(1)} steps/s; ` +
        `4× is one step per 180 ms, 5.6/s); ${segmentsAtStart} → ${segments} segments drawn`,
    );
    log(
      `  long tasks: ${during.length} while playing (longest ${longest.toFixed(0)} ms` +
        `${
          during.length
            ? `; ${during
                .slice(0, 20)
                .map((t) => t.duration.toFixed(0))
                .join(', ')}${during.length > 20 ? ', …' : ''} ms`
            : ''
        }), ` +
        `${beforePlay.length} during load`,
    );
    return during.length;
  } finally {
    await context.close();
  }
}

/**
 * ui-layout-overlaps and ui-hidden-steps: every lesson at each size, stepped with → from 0 to its
 * end, measured after each step by the in-page probe (diagramProbe.ts).
 */
async function measureDiagramLayout(
  session: Session,
): Promise<{ overlapsAtEnd: number; hiddenSteps: number }> {
  let overlapsAtEnd = 0;
  let hiddenSteps = 0;
  for (const viewport of LAYOUT_VIEWPORTS) {
    const context = await session.browser.newContext({
      viewport,
      reducedMotion: 'reduce',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => session.consoleErrors.push(`pageerror: ${error.message}`));
    let sizeOverlaps = 0;
    let sizeHidden = 0;
    let sizeSteps = 0;
    let stepOverlaps = 0;
    const worst: string[] = [];
    try {
      for (const lesson of LESSON_IDS) {
        await page.goto(`${session.base}?lesson=${lesson}&lang=en`);
        await page.locator(LIFELINE).waitFor({ state: 'attached', timeout: 30_000 });
        await waitForRun(page);
        const { total } = await counter(page);
        const probe = (arg: Parameters<typeof diagramProbeCall>[0]) =>
          page.evaluate(diagramProbeCall(arg)) as Promise<DiagramProbeResult>;
        await page.evaluate('document.activeElement?.blur?.()');
        let result = await probe({ counter: `0 / ${total}`, reset: true });
        let hidden = 0;
        stepOverlaps += result.overlaps.length;
        for (let k = 1; k <= total; k++) {
          await page.keyboard.press('ArrowRight');
          result = await probe({ counter: `${k} / ${total}` });
          stepOverlaps += result.overlaps.length;
          if (result.arrows.some((a) => !a.inside)) {
            hidden++;
            if (worst.length < 3) {
              worst.push(`${lesson} step ${k}: ${describeProbe({ ...result, overlaps: [] })[0]}`);
            }
          }
        }
        const atEnd = result.overlaps.length;
        sizeOverlaps += atEnd;
        sizeHidden += hidden;
        sizeSteps += total;
        if (atEnd > 0 || hidden > 0) {
          log(
            `    ${lesson}: ${hidden} of ${total} steps hid their arrow, ${atEnd} overlaps at the end`,
          );
        }
      }
    } finally {
      await context.close();
    }
    log(
      `  ${viewport.width}×${viewport.height}: ${sizeHidden} of ${sizeSteps} steps hid their arrow, ` +
        `${sizeOverlaps} overlapping text pairs at the lessons' ends (${stepOverlaps} summed over every step)`,
    );
    for (const line of worst) log(`    e.g. ${line.slice(0, 300)}`);
    overlapsAtEnd += sizeOverlaps;
    hiddenSteps += sizeHidden;
  }
  return { overlapsAtEnd, hiddenSteps };
}

/** Fills `figures` as it measures them, so that a failure keeps those already measured. */
async function measurePage(
  { base, builtSeconds, browser, executablePath }: BrowserBench,
  figures: Partial<UiFigures>,
): Promise<void> {
  log(`ui: built in ${builtSeconds} s, served by vite preview at ${base}`);
  log(
    `ui: ${executablePath} ${browser.version()}, headless, 1280×800, no CPU or network throttling; ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${availableParallelism()} CPUs ` +
      `(figures are noisy on a busy machine)`,
  );
  const session: Session = { browser, base, consoleErrors: [] };

  const timed = async <T>(label: string, measure: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`ui: ${label}`);
    const result = await measure();
    log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
  figures.initialJsGzipKb = await timed('initial JavaScript', () => measureInitialJs(session));
  figures.firstDiagramMs = await timed('first diagram', () => measureFirstDiagram(session));
  const pages: LoadingPages = {
    base: session.base,
    newPage: (options) => newPage(session, options),
  };
  const loading = await timed('loading, side by side with the peer page', () =>
    measureLoading(pages),
  );
  Object.assign(figures, loading);
  figures.offlineReload = await timed('offline reload', () => measureOfflineReload(pages));
  figures.stepLatencyMs = await timed('step latency', () => measureStepLatency(session));
  figures.stepLatencyPredictMs = await timed('step latency in predict mode', () =>
    measureStepLatency(session, true),
  );
  figures.longTasksWhilePlaying = await timed('playing at 4×', () => measurePlayback(session));
  const layout = await timed('diagram layout (every lesson, three sizes)', () =>
    measureDiagramLayout(session),
  );
  figures.layoutOverlaps = layout.overlapsAtEnd;
  figures.hiddenSteps = layout.hiddenSteps;
  figures.longestTaskWorstInputMs = await timed('the heaviest inputs', () =>
    measureWorstInput(pages),
  );
  log(
    `ui: load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );

  const errors = [...new Set(session.consoleErrors)];
  log(`  console errors on the page: ${errors.length}`);
  for (const error of errors.slice(0, 5)) log(`    ${error.slice(0, 300)}`);
}

async function child(): Promise<void> {
  const figures: Partial<UiFigures> = {};
  try {
    await measureInChromium('handshake-lab-bench-', (bench) => measurePage(bench, figures));
  } finally {
    // Whatever was measured is printed, even when a later measurement failed.
    for (const line of uiLines(figures)) log(line);
  }
}

runAsChild(CHILD_FLAG, 'ui', child);
