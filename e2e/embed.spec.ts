// Embedding by iframe (CONTRACT.md section 4, "Messages with a course page"): a stand-in
// course page on another origin (e2e/hosts/embed-course.html, served by e2e/helpers/hostServer.ts)
// embeds the app; the real public/embed.js, loaded from the app's origin, sizes the iframe.
import {
  expect,
  test,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { seriousViolations } from './helpers/axe';
import { hostOrigin, hostPage } from './helpers/hosts';
import { blur, counterOf, openLab, parseCounter, stepTimes, watchErrors } from './helpers/page';

interface StepReport {
  source: string;
  type: string;
  step: number;
  total: number;
  client: string;
  server: string;
  listener: string;
}

interface Received {
  steps: StepReport[];
  heights: number[];
}

interface HostOptions {
  /** The widget's query (default embed=1&lang=en). */
  q?: string;
  w?: number;
  h?: number;
  resize?: boolean;
  poster?: boolean;
}

interface Host {
  lab: FrameLocator;
  frame: Frame;
  total: number;
  /** The widget's step counter. */
  counter: Locator;
  /** The page's errors from before it was opened (watchErrors). */
  errors: string[];
}

async function openHost(page: Page, baseURL: string | undefined, options: HostOptions = {}) {
  const errors = watchErrors(page);
  const query = new URLSearchParams();
  if (options.q !== undefined) query.set('q', options.q);
  if (options.w !== undefined) query.set('w', String(options.w));
  if (options.h !== undefined) query.set('h', String(options.h));
  if (options.resize === false) query.set('resize', '0');
  if (options.poster) query.set('poster', '1');
  await page.goto(hostPage(baseURL, 'embed-course', query.toString()));
  const lab = page.frameLocator('#lab');
  const counter = lab.getByTestId('step-counter');
  await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
  const frame = page.frame({ name: 'lab' });
  if (!frame) throw new Error('no frame named "lab"');
  const total = parseCounter(await counter.textContent()).total;
  return { lab, frame, total, counter, errors } satisfies Host;
}

const received = (page: Page): Promise<Received> =>
  page.evaluate(() => (window as unknown as { received: Received }).received);

const lastStep = async (page: Page): Promise<StepReport | undefined> =>
  (await received(page)).steps.at(-1);

/** The states the widget's badges show now. */
async function shownStates(
  lab: FrameLocator,
): Promise<{ client: string; server: string; listener: string }> {
  return {
    client: (await lab.getByTestId('state-client').getAttribute('data-state')) ?? '',
    server: (await lab.getByTestId('state-server').getAttribute('data-state')) ?? '',
    listener: (await lab.getByTestId('state-listener').getAttribute('data-state')) ?? '',
  };
}

/** The widget's document height (as it reports it) and the iframe's inner height. */
function heights(frame: Frame): Promise<{ document: number; viewport: number; scroll: number }> {
  return frame.evaluate(() => ({
    document: Math.ceil(document.documentElement.getBoundingClientRect().height),
    viewport: window.innerHeight,
    scroll: document.documentElement.scrollHeight,
  }));
}

test.describe('auto-height', () => {
  test('the iframe takes the height the widget reports, and follows it', async ({
    page,
    baseURL,
  }) => {
    const { lab, frame, errors } = await openHost(page, baseURL);
    // The lesson's frame is a late part: once it is in, the height holds.
    await expect(lab.getByTestId('lesson-frame')).toBeAttached();
    // embed.js set the iframe to the widget's height: no scrollbar inside, nothing cut off.
    await expect
      .poll(async () => {
        const h = await heights(frame);
        return h.viewport === h.document && h.scroll <= h.viewport;
      })
      .toBe(true);
    const first = await heights(frame);
    expect(first.document).not.toBe(400);
    expect((await received(page)).heights.at(-1)).toBe(first.document);

    // A message appears in the widget: it grows, and the iframe with it.
    await page.getByTestId('host-load-bad').click();
    await expect(lab.getByTestId('error')).toBeVisible();
    await expect
      .poll(async () => {
        const h = await heights(frame);
        return h.viewport === h.document && h.document > first.document;
      })
      .toBe(true);
    // It goes away: back to the first height.
    await lab.getByRole('button', { name: 'Dismiss' }).click();
    await expect(lab.getByTestId('error')).toHaveCount(0);
    await expect.poll(async () => (await heights(frame)).viewport).toBe(first.document);
    expect(errors).toEqual([]);
  });

  for (const q of ['embed=1&lang=en&lesson=lost-final-ack', 'lang=en&lesson=lost-final-ack']) {
    test(`the iframe does not move once sized: no feedback with its own height (${q})`, async ({
      page,
      baseURL,
    }) => {
      const { lab, frame } = await openHost(page, baseURL, { q });
      // The full page's late parts (settings, answer cards) change its height once more.
      if (!q.includes('embed=1')) await expect(lab.getByTestId('answer-cards')).toBeAttached();
      // So does the lesson's frame, in both layouts.
      await expect(lab.getByTestId('lesson-frame')).toBeAttached();
      await expect.poll(async () => (await heights(frame)).viewport).not.toBe(400);
      await expect
        .poll(async () => {
          const h = await heights(frame);
          return h.viewport === h.document;
        })
        .toBe(true);
      const count = (await received(page)).heights.length;
      // Some frames later, nothing more was reported and the size holds.
      await page.evaluate(
        () => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 500)),
      );
      const h = await heights(frame);
      expect(h.viewport).toBe(h.document);
      expect((await received(page)).heights.length).toBe(count);
    });
  }
});

test.describe('scripting from the course page', () => {
  test('host buttons step, go back, play, pause and reset it; the host hears each step', async ({
    page,
    baseURL,
  }) => {
    const { lab, total, counter, errors } = await openHost(page, baseURL);
    // The first ready run is reported: the host knows the widget is there.
    await expect.poll(() => lastStep(page)).toMatchObject({ step: 0, total });
    expect((await received(page)).steps[0]).toEqual({
      source: 'handshake-lab',
      type: 'step',
      step: 0,
      total,
      client: 'CLOSED',
      server: 'CLOSED',
      listener: 'CLOSED',
    });

    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`1 / ${total}`);
    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`2 / ${total}`);
    await expect
      .poll(() => lastStep(page))
      .toEqual({
        source: 'handshake-lab',
        type: 'step',
        step: 2,
        total,
        ...(await shownStates(lab)),
      });
    await expect(page.getByTestId('last-step')).toHaveText(new RegExp(`^2 / ${total} `));

    await page.getByTestId('host-back').click();
    await expect(counter).toHaveText(`1 / ${total}`);
    await expect.poll(async () => (await lastStep(page))?.step).toBe(1);

    await page.getByTestId('host-play').click();
    await expect(lab.getByTestId('pause')).toBeVisible();
    await expect.poll(async () => (await lastStep(page))?.step).toBeGreaterThan(1);
    await page.getByTestId('host-pause').click();
    await expect(lab.getByTestId('play')).toBeVisible();

    await page.getByTestId('host-reset').click();
    await expect(counter).toHaveText(`0 / ${total}`);
    await expect.poll(() => lastStep(page)).toMatchObject({ step: 0, total, client: 'CLOSED' });
    // One report per step shown, each with the states of that step.
    const steps = (await received(page)).steps.map((s) => s.step);
    expect(steps.slice(0, 4)).toEqual([0, 1, 2, 1]);
    expect(errors).toEqual([]);
  });

  test('the messages work without embed=1 too (the full page in an iframe)', async ({
    page,
    baseURL,
  }) => {
    const { lab, total } = await openHost(page, baseURL, { q: 'lang=en' });
    await expect(lab.getByTestId('lesson-select')).toBeVisible();
    await page.getByTestId('host-step').click();
    await expect(lab.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
    await expect.poll(async () => (await lastStep(page))?.step).toBe(1);
  });

  test('a message from another origin is ignored', async ({ page, baseURL }) => {
    const { lab, total } = await openHost(page, baseURL, { poster: true });
    const poster = page.frame({ url: /embed-poster\.html/ });
    if (!poster) throw new Error('no poster frame');
    await expect(page.locator('#poster')).toBeVisible();
    await poster.evaluate(() => {
      const widget = window.parent.frames[0];
      for (let i = 0; i < 3; i++)
        widget?.postMessage({ target: 'handshake-lab', type: 'step' }, '*');
      widget?.postMessage(
        { target: 'handshake-lab', type: 'load', scenario: { actions: [] } },
        '*',
      );
    });
    // The course page's own commands still count, and only them.
    await page.getByTestId('host-step').click();
    await expect(lab.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
    await page.getByTestId('host-step').click();
    await expect(lab.getByTestId('step-counter')).toHaveText(`2 / ${total}`);
    await expect(lab.getByTestId('error')).toHaveCount(0);
  });

  test('a message from an origin listed in origins= is accepted', async ({ page, baseURL }) => {
    const other = hostOrigin(baseURL, true);
    const { lab, total } = await openHost(page, baseURL, {
      poster: true,
      q: `embed=1&lang=en&origins=${encodeURIComponent(`https://elsewhere.example,${other}`)}`,
    });
    const poster = page.frame({ url: /embed-poster\.html/ });
    if (!poster) throw new Error('no poster frame');
    await poster.evaluate(() =>
      window.parent.frames[0]?.postMessage({ target: 'handshake-lab', type: 'step' }, '*'),
    );
    await expect(lab.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
  });

  test('load: a bad scenario shows the error and keeps the lesson; a good one is shown', async ({
    page,
    baseURL,
  }) => {
    const { lab, total, counter, errors } = await openHost(page, baseURL);
    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`1 / ${total}`);
    await page.getByTestId('host-load-bad').click();
    // The format's one line names the first field it refuses (the engine checks `who` first).
    await expect(lab.getByTestId('error')).toContainText('load: actions[0].');
    // The lesson from before is still there, and still driven.
    await expect(counter).toHaveText(new RegExp(`^\\d+ / ${total}$`));
    await page.getByTestId('host-reset').click();
    await expect(counter).toHaveText(`0 / ${total}`);
    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`1 / ${total}`);

    await page.getByTestId('host-load-good').click();
    await expect(counter).not.toHaveText(new RegExp(` / ${total}$`));
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    const loaded = parseCounter(await counter.textContent()).total;
    await expect.poll(() => lastStep(page)).toMatchObject({ step: 0, total: loaded });
    // The connect to a closed port ends with the client back in CLOSED after the RST.
    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`1 / ${loaded}`);
    expect(errors).toEqual([]);
  });

  test('hundreds of random payloads from the host page: no error, and it still steps', async ({
    page,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    // Ignored silently: not even a warning (but Playwright's own, about the service worker it
    // keeps out of these tests).
    page.on('console', (message) => {
      if (message.type() !== 'warning') return;
      if (/^Service Worker registration blocked by Playwright/.test(message.text())) return;
      errors.push(`warning: ${message.text()}`);
    });
    const { lab } = await openHost(page, baseURL);
    const posted = await page.evaluate(() => {
      // A small seeded generator (xorshift32), so a failure can be replayed.
      let seed = 20260407;
      const next = () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed >>> 0) / 4294967296;
      };
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const TYPES = ['step', 'back', 'play', 'pause', 'reset', 'load'];
      const closedPort = {
        seed: 7,
        client: { port: 40000, isn: 1000 },
        server: { port: 8080, isn: 5000 },
        actions: [{ at: 150, who: 'client', do: 'connect' }],
      };
      const junk = (depth: number): unknown => {
        const kind = Math.floor(next() * (depth > 3 ? 6 : 9));
        switch (kind) {
          case 0:
            return null;
          case 1:
            return next() * 1e9 - 5e8;
          case 2:
            return pick(['', 'step', 'handshake-lab', '{', '{"actions":[]}', '\u0000', '💥']);
          case 3:
            return next() < 0.5;
          case 4:
            return undefined;
          case 5:
            return pick([NaN, Infinity, -0, 2 ** 53]);
          case 6:
            return Array.from({ length: Math.floor(next() * 4) }, () => junk(depth + 1));
          default: {
            const object: Record<string, unknown> = {};
            for (let i = Math.floor(next() * 4); i > 0; i--) {
              object[pick(['target', 'type', 'scenario', 'source', 'actions', 'x'])] = junk(
                depth + 1,
              );
            }
            return object;
          }
        }
      };
      const scenario = (): unknown => {
        switch (Math.floor(next() * 7)) {
          case 0:
            return closedPort;
          case 1:
            return JSON.stringify(closedPort).slice(0, Math.floor(next() * 120));
          case 2:
            return { ...closedPort, [pick(['seed', 'client', 'actions', 'network'])]: junk(0) };
          case 3:
            return { ...closedPort, actions: [junk(0)] };
          case 4: {
            let deep: unknown = closedPort;
            for (let i = 0; i < 500; i++) deep = [deep];
            return deep;
          }
          case 5:
            return 'x'.repeat(200_000);
          default:
            return junk(0);
        }
      };
      const payload = (): unknown => {
        const type = pick(TYPES);
        const command: Record<string, unknown> = { target: 'handshake-lab', type };
        if (type === 'load') command.scenario = scenario();
        switch (Math.floor(next() * 8)) {
          case 0:
            return command;
          case 1:
            return { ...command, type: junk(0) };
          case 2:
            return { ...command, target: pick(['Handshake-Lab', '', null, ['handshake-lab']]) };
          case 3:
            return { ...command, extra: junk(0), source: 'handshake-lab' };
          case 4:
            return [command];
          case 5:
            return JSON.stringify(command);
          case 6:
            return { ...command, scenario: scenario() };
          default:
            return junk(0);
        }
      };
      const widget = (document.getElementById('lab') as HTMLIFrameElement).contentWindow;
      let count = 0;
      for (let i = 0; i < 400; i++) {
        widget?.postMessage(payload(), '*');
        count++;
      }
      // Stop whatever the random ones started.
      widget?.postMessage({ target: 'handshake-lab', type: 'pause' }, '*');
      return count;
    });
    expect(posted).toBe(400);
    const counter = lab.getByTestId('step-counter');
    // Whatever it shows now (the lesson, or a scenario one of the loads brought), it still steps.
    await expect(counter).toHaveText(/^\d+ \/ [1-9]\d*$/, { timeout: 20_000 });
    await expect(lab.getByTestId('play')).toBeVisible();
    await page.getByTestId('host-reset').click();
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    const { total } = parseCounter(await counter.textContent());
    await page.getByTestId('host-step').click();
    await expect(counter).toHaveText(`1 / ${total}`);
    await expect.poll(async () => (await lastStep(page))?.step).toBe(1);
    expect(errors).toEqual([]);
  });
});

test.describe('compact layout (embed=1)', () => {
  /** Horizontal overflow anywhere in the page: the document, or any box that scrolls sideways. */
  async function horizontalOverflow(page: Page | Frame): Promise<string[]> {
    return page.evaluate(() => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) {
        problems.push(`document ${root.scrollWidth} > ${root.clientWidth}`);
      }
      for (const el of document.querySelectorAll('body, body *')) {
        const style = getComputedStyle(el);
        if (!/auto|scroll|hidden/.test(style.overflowX)) continue;
        if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth) continue;
        // Visually hidden text (1 px, clipped) is meant to overflow its box.
        if (el.clientWidth <= 1) continue;
        problems.push(
          `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`,
        );
      }
      return problems;
    });
  }

  /** `left`: where the widget's viewport starts on the page (an iframe's offset). */
  async function expectCompact(lab: Page | FrameLocator, width: number, left = 0): Promise<void> {
    for (const id of [
      'lifeline-client',
      'lifeline-server',
      'state-client',
      'state-server',
      'step-back',
      'play',
      'step-forward',
      'reset',
      'step-counter',
      'open-full',
    ]) {
      const box = await lab.getByTestId(id).first().boundingBox();
      expect(box, `${id} is laid out`).not.toBeNull();
      if (!box) continue;
      expect(box.x - left, `${id} starts inside`).toBeGreaterThanOrEqual(0);
      expect(box.x - left + box.width, `${id} ends inside ${width} px`).toBeLessThanOrEqual(
        width + 0.5,
      );
    }
    for (const id of ['state-client', 'state-server', 'step-forward', 'step-counter']) {
      await expect(lab.getByTestId(id)).toBeVisible();
    }
    // No header tagline, footer, settings, answer cards, lesson picker.
    await expect(lab.locator('.tagline, .lab-footer')).toHaveCount(0);
    for (const id of ['lesson-select', 'drop-final-ack', 'answer-cards']) {
      await expect(lab.getByTestId(id)).toHaveCount(0);
    }
  }

  for (const lang of ['en', 'zh']) {
    test(`fits 320 px wide with no horizontal scrollbar (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 320, height: 640 });
      const total = await openLab(page, `embed=1&lang=${lang}&lesson=lost-final-ack`);
      await expectCompact(page, 320);
      expect(await horizontalOverflow(page)).toEqual([]);
      // At the end of a lossy lesson (retransmissions, timers) it still fits.
      await blur(page);
      await page.getByTestId('step-forward').click();
      await expect(page.getByTestId('explanation-text')).toBeVisible();
      for (let k = 2; k <= total; k++) await page.keyboard.press('ArrowRight');
      await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('fits a 320 px iframe on a course page', async ({ page, baseURL }) => {
    const { lab, frame } = await openHost(page, baseURL, { w: 320 });
    const iframe = await page.locator('#lab').boundingBox();
    await expectCompact(lab, 320, iframe?.x ?? NaN);
    expect(await horizontalOverflow(frame)).toEqual([]);
  });

  test('links to the full page with the same query, at the shown step', async ({
    page,
    baseURL,
  }) => {
    const { lab, total } = await openHost(page, baseURL, {
      q: 'embed=1&lang=en&theme=dark&lesson=lost-syn',
    });
    const link = lab.getByTestId('open-full');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await page.getByTestId('host-step').click();
    await page.getByTestId('host-step').click();
    await expect(lab.getByTestId('step-counter')).toHaveText(`2 / ${total}`);
    const href = new URL((await link.getAttribute('href')) ?? '', baseURL);
    expect(href.origin).toBe(new URL(baseURL ?? '').origin);
    expect(Object.fromEntries(href.searchParams)).toEqual({
      lang: 'en',
      theme: 'dark',
      lesson: 'lost-syn',
      step: '2',
    });
    // Opened, it is the full page at that step.
    const [full] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await expect(full.getByTestId('step-counter')).toHaveText(`2 / ${total}`);
    await expect(full.getByTestId('lesson-select')).toBeVisible();
    await full.close();
  });

  test('a wheel over the iframe scrolls the course page until the student interacts', async ({
    page,
    baseURL,
  }) => {
    // Without embed.js the iframe keeps a height smaller than its content: the most a widget
    // could capture the wheel.
    const { frame } = await openHost(page, baseURL, {
      resize: false,
      h: 360,
      q: 'embed=1&lang=en&lesson=lost-final-ack',
    });
    const scrollable = await frame.evaluate(() => {
      const dg = document.querySelector('.dg');
      return {
        document: document.documentElement.scrollHeight > window.innerHeight,
        diagram: dg !== null && dg.scrollHeight > dg.clientHeight,
      };
    });
    // The widget's content overflows (otherwise this test would prove nothing).
    expect(scrollable.document || scrollable.diagram).toBe(true);
    const scrolledInside = () =>
      frame.evaluate(
        () =>
          (document.scrollingElement?.scrollTop ?? 0) +
          (document.querySelector('.dg')?.scrollTop ?? 0),
      );
    const insideBefore = await scrolledInside();

    const box = await page.locator('#lab').boundingBox();
    if (!box) throw new Error('no iframe box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 240);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await scrolledInside()).toBe(insideBefore);

    // After a click inside, the widget scrolls as usual.
    await page.evaluate(() => window.scrollTo(0, 0));
    const again = await page.locator('#lab').boundingBox();
    if (!again) throw new Error('no iframe box');
    await page.mouse.click(again.x + 20, again.y + 12);
    await expect(page.locator('#lab')).toBeAttached();
    // (The release is part of a chunk that may still be on its way: it then sees the focus.)
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.dataset.embed))
      .toBe('engaged');
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await page.mouse.wheel(0, 240);
    await expect.poll(scrolledInside).toBeGreaterThan(insideBefore);
  });
});

test.describe('axe: the embedded page, as the full page', () => {
  async function openEmbedded(page: Page, query: string): Promise<number> {
    const total = await openLab(page, `embed=1&${query}`);
    await expect(page.getByTestId('open-full')).toBeVisible();
    return total;
  }

  test('at the start, and after a few steps', async ({ page }) => {
    const total = await openEmbedded(page, 'lang=en');
    expect(await seriousViolations(page)).toEqual([]);
    await stepTimes(page, 4, total);
    await expect(page.getByTestId('explanation-text')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('dark, in Chinese, a lossy lesson at its end', async ({ page }) => {
    const total = await openEmbedded(page, 'lang=zh&theme=dark&lesson=lost-final-ack');
    await stepTimes(page, total, total);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('with an error shown, inside the course page', async ({ page, baseURL }) => {
    const { lab } = await openHost(page, baseURL);
    await page.getByTestId('host-load-bad').click();
    await expect(lab.getByTestId('error')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('the example course page works when served by the app', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./embed-example.html');
  const first = page.frameLocator('#lab-handshake');
  const second = page.frameLocator('#lab-teardown');
  await expect(first.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
  await expect(second.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
  const { total } = parseCounter(await first.getByTestId('step-counter').textContent());
  await page.getByRole('button', { name: 'Step ▶' }).click();
  await expect(first.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
  await expect(page.locator('#last-step')).toHaveText(new RegExp(`^Step 1 of ${total}: client `));
  // Only the first widget is driven.
  await expect(second.getByTestId('step-counter')).toHaveText(/^0 \//);
  await page.getByRole('button', { name: 'Load “closed port”' }).click();
  await expect(first.getByTestId('step-counter')).not.toHaveText(new RegExp(` / ${total}$`));
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(first.getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]\d*$/);
  // embed.js sized both iframes from their messages.
  for (const id of ['#lab-handshake', '#lab-teardown']) {
    await expect
      .poll(() => page.locator(id).evaluate((el) => (el as HTMLElement).style.height))
      .toMatch(/^\d+px$/);
  }
  expect(errors).toEqual([]);
});
