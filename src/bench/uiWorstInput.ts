// ui-longest-task-ms-worst-input: the longest main-thread task (PerformanceObserver `longtask`)
// while the page loads the heaviest inputs it accepts and is driven through them: a share link of
// 14 large sends, and a capture of one connection of 200,000 segments. Each is loaded, stepped,
// scrubbed to its middle and jumped to its end; the figure is the longest task seen (aim: 50 ms).
import type { Page } from '@playwright/test';
import type { Scenario } from '../engine/types';
import { log } from './child';
import { longConnectionPcap } from './longCapture';
import type { LoadingPages } from './uiLoading';
import { scenarioParam } from './uiMetrics';

/** 14 sends of 1 MB, each after the one before was acknowledged, then a close. */
export function largeSendsScenario(sends = 14, bytes = 1_000_000): Scenario {
  return {
    profile: 'rfc9293',
    seed: 7,
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 100, who: 'client', do: 'connect' },
      ...Array.from({ length: sends }, (_, i) => ({
        after: i === 0 ? ('connected' as const) : ('acked' as const),
        delayMs: 10,
        who: 'client' as const,
        do: 'send' as const,
        bytes,
      })),
      { after: 'acked', delayMs: 10, who: 'client', do: 'close' },
      { after: 'eof', delayMs: 10, who: 'server', do: 'close' },
    ],
  } as Scenario;
}

const LONG_TASKS = `(() => {
  window.__hlTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__hlTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

const COUNTER = '[data-testid=step-counter]';

/** The longest task since the last call (0 for none). */
const longestSince = async (page: Page) =>
  (await page.evaluate(
    '(() => { const t = window.__hlTasks; window.__hlTasks = []; return Math.max(0, ...t); })()',
  )) as number;

async function waitForRun(page: Page): Promise<void> {
  await page.waitForFunction(
    `/^\\s*\\d+\\s*\\/\\s*[1-9]/.test(document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '')`,
    undefined,
    { timeout: 600_000 },
  );
}

/** How long a phase may keep the page from answering before it counts as frozen that long. */
const FROZEN_MS = 60_000;

/**
 * Steps, scrubs to the middle and jumps to the end; the longest task of each, by name. A phase the
 * page does not finish within FROZEN_MS counts as one task that long, and ends the drive.
 */
async function drive(page: Page): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  try {
    await drivePhases(page, phases);
  } catch (error) {
    const phase = ['load', 'step', 'scrub', 'end', 'back'].find((name) => !(name in phases));
    log(`  frozen for over ${FROZEN_MS / 1000} s (${phase}): ${String(error).split('\n')[0]}`);
    if (phase) phases[phase] = FROZEN_MS;
  }
  return phases;
}

async function drivePhases(page: Page, phases: Record<string, number>): Promise<void> {
  const settle = () => page.waitForTimeout(400);
  await settle();
  phases.load = await longestSince(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await settle();
  phases.step = await longestSince(page);
  const scrubber = page.getByTestId('scrubber');
  const max = Number((await scrubber.getAttribute('max')) ?? '0');
  await scrubber.fill(String(Math.floor(max / 2)), { timeout: FROZEN_MS });
  await settle();
  phases.scrub = await longestSince(page);
  await scrubber.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(
    `/^\\s*(\\d+)\\s*\\/\\s*\\1\\s*$/.test(document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '')`,
    undefined,
    { timeout: FROZEN_MS },
  );
  await settle();
  phases.end = await longestSince(page);
  await page.keyboard.press('ArrowLeft');
  await settle();
  phases.back = await longestSince(page);
}

const show = (phases: Record<string, number>) =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');

/**
 * Opens a file through the page's file input as a user's pick would: fetched in the page, so that
 * handing 3 MB over from the driver (which Playwright's setInputFiles does in one long task of the
 * page's own thread) is not counted as the lab's work.
 */
async function openFileInPage(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  const url = `${new URL(page.url()).origin}/__bench-file/${name}`;
  await page.route(url, (route) =>
    route.fulfill({ body: Buffer.from(bytes), contentType: 'application/octet-stream' }),
  );
  await page.evaluate(
    async ([fileUrl, fileName]) => {
      const blob = await (await fetch(fileUrl)).blob();
      const input = document.querySelector<HTMLInputElement>('[data-testid="open-capture"]');
      if (!input) throw new Error('no capture input on the page');
      const files = new DataTransfer();
      files.items.add(new File([blob], fileName));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [url, name] as const,
  );
}

export async function measureWorstInput(pages: LoadingPages): Promise<number> {
  let worst = 0;
  {
    const { context, page } = await pages.newPage();
    try {
      await page.addInitScript({ content: LONG_TASKS });
      await page.goto(`${pages.base}?s=${scenarioParam(largeSendsScenario())}`);
      await waitForRun(page);
      const total = (await page.locator(COUNTER).textContent())?.trim();
      const phases = await drive(page);
      log(`  14 sends of 1 MB (${total} steps), longest task (ms): ${show(phases)}`);
      worst = Math.max(worst, ...Object.values(phases));
    } finally {
      await context.close();
    }
  }
  {
    const { context, page } = await pages.newPage();
    try {
      await page.addInitScript({ content: LONG_TASKS });
      await page.goto(pages.base);
      await waitForRun(page);
      await longestSince(page);
      const file = longConnectionPcap(100_000);
      await openFileInPage(page, file, 'long.pcap');
      const lesson = await page.locator(COUNTER).textContent();
      await page.getByTestId('capture-connection').first().click({ timeout: 600_000 });
      // The connection's run replaces the lesson's.
      await page.waitForFunction(
        `(document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '') !== ${JSON.stringify(lesson)}`,
        undefined,
        { timeout: 600_000 },
      );
      await waitForRun(page);
      const total = (await page.locator(COUNTER).textContent())?.trim();
      const phases = await drive(page);
      log(
        `  a capture of one connection, 200,006 segments (${(file.length / 1e6).toFixed(1)} MB, ${total} steps), longest task (ms): ${show(phases)}`,
      );
      worst = Math.max(worst, ...Object.values(phases));
    } finally {
      await context.close();
    }
  }
  return worst;
}
