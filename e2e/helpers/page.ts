// Browser-side helpers for the suite: open the lab, step it, and read everything the contract's
// `data-testid` hooks show (CONTRACT.md section 4) in one round trip.
import { expect, type Locator, type Page } from '@playwright/test';
import type { SegmentAttrs } from './engine';

/** Everything the hooks show at one moment. */
export interface Snapshot {
  counter: string;
  client: string | null;
  server: string | null;
  /** The server's listening socket (CONTRACT.md section 0.1). */
  listener: string | null;
  segments: SegmentAttrs[];
}

/** Console errors and uncaught page errors, collected from the moment this is called. */
export function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

export const counterOf = (page: Page): Locator => page.getByTestId('step-counter');

/** Opens the page with a query and waits for the first run: the counter reads `0 / M`, M > 0. */
export async function openLab(page: Page, query = ''): Promise<number> {
  await page.goto(`./${query ? `?${query}` : ''}`);
  await expect(page.getByTestId('lifeline-client')).toBeAttached();
  return waitForTotal(page);
}

/** Waits until a run is shown and returns its number of steps (M of `N / M`). */
export async function waitForTotal(page: Page): Promise<number> {
  const counter = counterOf(page);
  await expect(counter).toHaveText(/^\d+ \/ [1-9]\d*$/);
  return parseCounter(await counter.textContent()).total;
}

export function parseCounter(text: string | null): { step: number; total: number } {
  const match = /^(\d+) \/ (\d+)$/.exec((text ?? '').trim());
  if (!match) throw new Error(`step-counter reads "${text}", not "N / M"`);
  return { step: Number(match[1]), total: Number(match[2]) };
}

export async function readCounter(page: Page): Promise<{ step: number; total: number }> {
  return parseCounter(await counterOf(page).textContent());
}

/**
 * Every hook attribute on the page, segments ordered by `data-id`. With `counter`, first waits (in
 * the page, so one round trip) until the step counter reads exactly that; with `press`, first
 * clicks that button (`step-forward`, `step-back`...) in the page, as a user's click would.
 */
export async function snapshot(page: Page, counter?: string, press?: string): Promise<Snapshot> {
  return page.evaluate(
    async ([want, button]) => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
      const counterText = () => (q('step-counter')?.textContent ?? '').trim();
      if (button !== null) {
        const target = q(button);
        if (!(target instanceof HTMLButtonElement)) throw new Error(`no ${button} button`);
        if (target.disabled) throw new Error(`${button} is disabled at ${counterText()}`);
        target.click();
      }
      if (want !== null) {
        const start = performance.now();
        while (counterText() !== want) {
          if (performance.now() - start > 10_000) {
            throw new Error(`step-counter reads "${counterText()}", expected "${want}"`);
          }
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
      const attr = (el: Element | null, name: string) => el?.getAttribute(name) ?? null;
      const segments = [...document.querySelectorAll('[data-testid="segment"]')].map((el) => ({
        id: attr(el, 'data-id') ?? '',
        from: attr(el, 'data-from') ?? '',
        flags: attr(el, 'data-flags') ?? '',
        seq: attr(el, 'data-seq') ?? '',
        ack: attr(el, 'data-ack') ?? '',
        len: attr(el, 'data-len') ?? '',
        fate: attr(el, 'data-fate') ?? '',
      }));
      segments.sort((a, b) => Number(a.id) - Number(b.id));
      return {
        counter: counterText(),
        client: attr(q('state-client'), 'data-state'),
        server: attr(q('state-server'), 'data-state'),
        listener: attr(q('state-listener'), 'data-state'),
        segments,
      };
    },
    [counter ?? null, press ?? null] as const,
  );
}

/** Takes keyboard focus off any control, so the page's own keys (→ ← space R) reach it. */
export async function blur(page: Page): Promise<void> {
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement || active instanceof SVGElement) active.blur();
  });
}

/** From step 0, with the focus off the controls: presses → `n` times, each time waiting for the counter. */
export async function stepTimes(page: Page, n: number, total: number): Promise<void> {
  await blur(page);
  for (let k = 1; k <= n; k++) {
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`${k} / ${total}`);
  }
}

/** Shows step `n` through the scrubber and waits for the counter. */
export async function showStep(page: Page, n: number): Promise<void> {
  const { total } = await readCounter(page);
  await page.getByTestId('scrubber').fill(String(n));
  await expect(counterOf(page)).toHaveText(`${n} / ${total}`);
}

/** Shows the last step through the scrubber (fast; the stepping itself is tested elsewhere). */
export async function scrubToEnd(page: Page): Promise<void> {
  const scrubber = page.getByTestId('scrubber');
  await scrubber.fill((await scrubber.getAttribute('max')) ?? '0');
  await expect(counterOf(page)).toHaveText(/^(\d+) \/ \1$/);
}

/** Text of the ARIA live region. */
export async function liveText(page: Page): Promise<string> {
  return ((await page.getByTestId('live').textContent()) ?? '').trim();
}

/** The text explaining the shown step, or '' when none is shown. */
export async function explanationText(page: Page): Promise<string> {
  const text = page.getByTestId('explanation-text');
  if ((await text.count()) === 0) return '';
  return ((await text.textContent()) ?? '').trim();
}

/** Shows the last step and waits until the page draws exactly the run the engine computed. */
export async function expectEndToMatch(
  page: Page,
  expected: { segments: SegmentAttrs[]; final: Record<string, string> },
  what = 'the run',
): Promise<Snapshot> {
  let last: Snapshot | null = null;
  await expect(async () => {
    await scrubToEnd(page);
    last = await snapshot(page);
    expect(last.segments, `${what}: segments at the end`).toEqual(expected.segments);
    const shown = { client: last.client, server: last.server, listener: last.listener };
    expect(shown, `${what}: final states`).toEqual(expected.final);
  }).toPass({ timeout: 20_000 });
  await blur(page);
  return last as unknown as Snapshot;
}

/** What the page explains and narrates at one step. */
export interface Told {
  counter: string;
  explanation: string;
  live: string;
  client: string | null;
  server: string | null;
}

/**
 * Goes back to step 0, then presses → to the end, collecting the explanation and the live region
 * at every step (the explanations are loaded after the run: waits for the first one).
 */
export async function walkExplanations(page: Page): Promise<Told[]> {
  const { total } = await readCounter(page);
  await page.getByTestId('scrubber').fill('0');
  await expect(counterOf(page)).toHaveText(`0 / ${total}`);
  await blur(page);
  const told: Told[] = [];
  for (let k = 1; k <= total; k++) {
    await page.keyboard.press('ArrowRight');
    if (k === 1) await expect(page.getByTestId('explanation-text')).toBeVisible();
    told.push(
      await page.evaluate(async (want) => {
        const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
        const text = (id: string) => (q(id)?.textContent ?? '').trim();
        const start = performance.now();
        while (text('step-counter') !== want) {
          if (performance.now() - start > 10_000) throw new Error(`counter is not ${want}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return {
          counter: text('step-counter'),
          explanation: text('explanation-text'),
          live: text('live'),
          client: q('state-client')?.getAttribute('data-state') ?? null,
          server: q('state-server')?.getAttribute('data-state') ?? null,
        };
      }, `${k} / ${total}`),
    );
  }
  return told;
}
