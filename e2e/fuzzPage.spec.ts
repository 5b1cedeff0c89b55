// The fuzzers' cases (src/testing/fuzzCases/) opened in the built page, a sample of each: share
// links with random and mutated `s=`, `z=`, `lesson=` and other options; messages posted to a lab
// embedded in a course page from every kind of frame; mutated capture files opened through the
// header's file input. Whatever comes, the page raises no error, never goes blank, and → still
// steps. E2E_FUZZ_CASES sets the sample's size, E2E_FUZZ_SEED its seed (e2e/helpers/fuzz.ts).
import { inspect } from 'node:util';
import fc from 'fast-check';
import { expect, test, type Frame, type Page, type Route } from '@playwright/test';
import { LONGEST_SAFE_LINK } from '../src/lab/shareLink';
import { parseInboundMessage } from '../src/features/embed/messages';
import type { PageMessage, Sender } from '../src/testing/fuzzCases/messages';
import {
  captureFixtures,
  mutatedCaptureSample,
  type MutatedCapture,
} from '../src/testing/fuzzCases/captures';
import {
  FUZZ_CASES,
  forEachCase,
  fuzzSeed,
  quoteCase,
  toWire,
  WHOLE_SAMPLE,
  type WireNode,
} from './helpers/fuzz';
import { hostOrigin, hostPage } from './helpers/hosts';
import './helpers/jsonHook';
import { openLab, watchErrors } from './helpers/page';

// After the hook is registered: the cases start from the lessons, imported as JSON.
const links = await import('../src/testing/fuzzCases/links');
const messages = await import('../src/testing/fuzzCases/messages');

// Hundreds of steps each: a trace of a failure keeps its actions, not a picture of the page at
// each one (taking those would take most of the time). The failure names the case to replay.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

/** Generous for one case: a link may ask for a run of a million events. */
const CASE_TIMEOUT_MS = 30_000;
test.setTimeout(FUZZ_CASES * 3_000 + 60_000);

/** Waits, looking at each frame, until the step counter in `frame` reads `want`. */
async function counterReads(frame: Page | Frame, want: string): Promise<void> {
  await frame.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid="step-counter"]')?.textContent?.trim() === wanted,
    want,
    { timeout: CASE_TIMEOUT_MS },
  );
}

/**
 * Waits (looking at each frame) until a run is drawn and can be stepped: the lifelines are visible
 * and R works. Takes the focus off any control, so that the page's keys reach it, and returns the
 * step shown, the run's number of steps and whether it plays.
 */
async function readyToStep(page: Page): Promise<{ step: number; total: number; playing: boolean }> {
  const answer = await page.waitForFunction(
    () => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
      const reset = q('reset');
      const lifeline = q('lifeline-client');
      if (!(reset instanceof HTMLButtonElement) || reset.disabled || !lifeline) return null;
      if (!lifeline.checkVisibility() || lifeline.getBoundingClientRect().height === 0) return null;
      const counter = /^(\d+) \/ (\d+)$/.exec(q('step-counter')?.textContent?.trim() ?? '');
      if (!counter) return null;
      const active = document.activeElement;
      if (active instanceof HTMLElement || active instanceof SVGElement) active.blur();
      return { step: Number(counter[1]), total: Number(counter[2]), playing: q('pause') !== null };
    },
    null,
    { timeout: CASE_TIMEOUT_MS },
  );
  return (await answer.jsonValue()) as { step: number; total: number; playing: boolean };
}

/**
 * The run shown steps: → takes it one step on (from step 0 after R where it plays or is at its
 * end; a run of no step cannot step: → is disabled).
 */
async function stepsOn(page: Page): Promise<void> {
  const { step: shown, total, playing } = await readyToStep(page);
  let step = shown;
  if (playing || step === total) {
    await page.keyboard.press('r');
    await counterReads(page, `0 / ${total}`);
    step = 0;
  }
  if (total === 0) {
    await expect(page.getByTestId('step-forward')).toBeDisabled();
    return;
  }
  await page.keyboard.press('ArrowRight');
  await counterReads(page, `${step + 1} / ${total}`);
}

/**
 * The links are shared out among this many tests, which run side by side: each case loads the
 * whole page, the slowest thing these samples do.
 */
const LINK_PARTS = 2;

test.describe('fuzzed links in the page', () => {
  for (let part = 0; part < LINK_PARTS; part++) {
    test(`part ${part + 1} of ${LINK_PARTS} of ${FUZZ_CASES} generated queries and the extreme ones: a run or an error line, and → steps`, async ({
      page,
      baseURL,
    }) => {
      const seed = fuzzSeed(20260415);
      const extreme = links.extremeLinkTexts().map((text) => `?s=${links.base64url(text)}`);
      const cases = [...extreme, ...fc.sample(links.pageQuery, { seed, numRuns: FUZZ_CASES })];
      // Common servers refuse a request line this long (README, "Share links"): the page reads its
      // query itself, so such a link is served the page without it, as a host with a higher limit
      // would serve it. Routed for those links alone: a route sends every request through here.
      const app = new URL('./', baseURL).href;
      const isLong = (url: URL) => url.href.length > LONGEST_SAFE_LINK;
      const withoutQuery = async (route: Route) =>
        route.fulfill({ response: await route.fetch({ url: app }) });
      const errors = watchErrors(page);
      // Each option's value, cut short: a long `s=` leaves room for the options after it.
      const show = (query: string) =>
        [...new URLSearchParams(query)]
          .map(([key, value]) => `${key}=${quoteCase(value, 200)}`)
          .join('&');
      const sample = {
        name: 'links',
        seed,
        cases,
        show,
        errors,
        part: { index: part, of: LINK_PARTS },
      };
      await forEachCase(sample, async (query) => {
        const long = query.length > LONGEST_SAFE_LINK;
        if (long) await page.route(isLong, withoutQuery);
        await page.goto(`./${query}`, { waitUntil: 'commit' });
        if (long) await page.unroute(isLong, withoutQuery);
        // The link's run, or the default lesson's under the line saying why, drawn and stepping.
        await stepsOn(page);
        expect(errors).toEqual([]);
        const named = new URLSearchParams(query);
        const wanted = named.get('s') || named.get('z') ? 'custom' : named.get('lesson') || null;
        const shown = await page.evaluate(() => ({
          lesson: document.querySelector<HTMLSelectElement>('[data-testid="lesson-select"]')?.value,
          error: document.querySelector('[data-testid="error"]')?.textContent ?? '',
        }));
        if (wanted !== null && shown.lesson !== undefined && shown.lesson !== wanted) {
          expect(shown.error, `the link asks for ${wanted}, ${shown.lesson} is shown`).toMatch(
            /\S/,
          );
        }
      });
      expect(errors).toEqual([]);
    });
  }
});

/** A connect to a closed port from a client port of its own: the page shows when it is drawn. */
const probeScenario = (port: number) => ({
  seed: 7,
  client: { port, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [{ at: 150, who: 'client', do: 'connect' }],
});

/**
 * Posts `wire`'s value from `frame` to the lab (the frame named `lab` below the course page, or
 * the lab's own document), as that frame's page would.
 */
async function postFrom(frame: Frame, wire: WireNode[]): Promise<void> {
  await frame.evaluate((nodes) => {
    const values: unknown[] = [];
    for (const node of nodes) {
      if (node[0] === 'u') values.push(undefined);
      else if (node[0] === 'n') values.push(node[1] === '-0' ? -0 : Number(node[1]));
      else if (node[0] === 'p') values.push(node[1]);
      else if (node[0] === 'a') values.push(node[1].map((child) => values[child]));
      else {
        const object = {};
        for (const [key, child] of node[1]) {
          // A key `__proto__` stays an own property, as in a structured clone.
          Object.defineProperty(object, key, {
            value: values[child],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        values.push(object);
      }
    }
    const lab = window.name === 'lab' ? window : window.parent.frames['lab' as unknown as number];
    if (!lab) throw new Error('no frame named "lab"');
    lab.postMessage(values.at(-1), '*');
  }, wire);
}

test.describe('fuzzed course-page messages in the page', () => {
  test(`${FUZZ_CASES} generated messages from four origins: the lab answers a good one after each that counts`, async ({
    page,
    baseURL,
  }) => {
    const seed = fuzzSeed(20260416);
    const cases = fc.sample(messages.pageMessage, { seed, numRuns: FUZZ_CASES });
    const other = hostOrigin(baseURL, true);
    const errors = watchErrors(page);
    // The lab in the compact layout, driven by its course page and by the other site beside it.
    const labQuery = `embed=1&lang=en&origins=${encodeURIComponent(other)}`;
    const course = `q=${encodeURIComponent(labQuery)}&poster=1`;
    await page.goto(hostPage(baseURL, 'embed-course', course));
    const counter = page.frameLocator('#lab').getByTestId('step-counter');
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    // A frame with the opaque origin `null`, as a sandboxed one anywhere has.
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.name = 'opaque';
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = '<p>A sandboxed frame</p>';
      document.getElementById('slot')?.append(frame);
    });
    const frameWhere = async (find: () => Frame | null): Promise<Frame> => {
      await expect.poll(() => find() !== null).toBe(true);
      return find()!;
    };
    const labFrame = await frameWhere(() => page.frame({ name: 'lab' }));
    const senders: Record<Sender, Frame> = {
      course: page.mainFrame(),
      allowed: await frameWhere(() => page.frame({ url: /\/hosts\/embed-poster\.html$/ })),
      opaque: await frameWhere(() => page.frame({ name: 'opaque' })),
      self: labFrame,
    };
    // Counts what reaches the lab, after its own listener has handled it.
    await labFrame.evaluate(() => {
      const seen = window as unknown as { fuzzSeen: number };
      seen.fuzzSeen = 0;
      window.addEventListener('message', () => seen.fuzzSeen++);
    });
    let seen = 0;
    /** Posts and waits until the lab's listener has had it. */
    const post = async (from: Frame, data: unknown) => {
      await postFrom(from, toWire(data));
      seen++;
      await labFrame.waitForFunction(
        (n) => (window as unknown as { fuzzSeen: number }).fuzzSeen >= n,
        seen,
      );
    };
    /** What the lab shows, once anything a message set off at once has been drawn. */
    const shown = () =>
      labFrame.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
        return { counter: q('step-counter')?.textContent, error: q('error')?.textContent ?? null };
      });
    let probes = 0;
    /** A good `load` from the course page is drawn, and a good `step` steps it. */
    const answersGood = async () => {
      const port = 50000 + probes++;
      await post(senders.course, {
        target: 'handshake-lab',
        type: 'load',
        scenario: probeScenario(port),
      });
      // Its client's address shows once its run is drawn, at step 0, with no error line.
      const drawn = await labFrame.waitForFunction(
        (address) => {
          const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
          if (!document.body.innerText.includes(address)) return null;
          if (!q('lifeline-client')?.checkVisibility()) return null;
          const counter = /^0 \/ ([1-9]\d*)$/.exec(q('step-counter')?.textContent?.trim() ?? '');
          return counter && !q('error') ? Number(counter[1]) : null;
        },
        `192.0.2.1:${port}`,
        { timeout: CASE_TIMEOUT_MS },
      );
      const total = (await drawn.jsonValue()) as number;
      await post(senders.course, { target: 'handshake-lab', type: 'step' });
      await counterReads(labFrame, `1 / ${total}`);
    };

    const show = ({ from, data }: PageMessage) =>
      `from ${from}: ${quoteCase(inspect(data, { depth: 6, breakLength: Infinity }))}`;
    const tally = { commands: 0, ignored: 0 };
    const sample = { name: 'messages', seed, cases, show, errors };
    await forEachCase(sample, async ({ from, data }) => {
      const allowed = from === 'course' || from === 'allowed';
      const command = allowed ? parseInboundMessage(data) : null;
      tally[command ? 'commands' : 'ignored']++;
      const before = command ? null : await shown();
      await post(senders[from], data);
      if (command) await answersGood();
      // Ignored (another origin, or not a command): nothing changed.
      else expect(await shown()).toEqual(before);
      expect(errors).toEqual([]);
    });
    await answersGood();
    console.log(
      `messages (seed ${seed}): ${tally.commands} commands from allowed origins, each followed ` +
        `by a good load and step; ${tally.ignored} ignored`,
    );
    if (WHOLE_SAMPLE) expect(tally.commands).toBeGreaterThan(FUZZ_CASES / 10);
    expect(errors).toEqual([]);
  });
});

/** What opening a capture file came to: refused, or its connections listed (and one drawn). */
type Opened =
  { outcome: 'refused' } | { outcome: 'listed' | 'drawn'; connections: number; drawable: boolean };

/**
 * Waits until the page has refused the file `name` (with its name in the error line) or listed its
 * connections, drawing one where it draws one by itself (a file of one) or `mustDraw` asks.
 */
async function openedCapture(page: Page, name: string, mustDraw: boolean): Promise<Opened> {
  const answer = await page.waitForFunction(
    ([file, draw]) => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
      const error = q('error');
      if (error instanceof HTMLElement && error.dataset.kind === 'file') {
        if (error.textContent?.includes(file)) return { outcome: 'refused' as const };
      }
      const panel = q('capture-panel');
      if (!panel?.querySelector('h2')?.textContent?.includes(file)) return null;
      if (!q('capture-summary') || q('capture-progress')) return null;
      const entries = [...panel.querySelectorAll('[data-testid="capture-connection"]')];
      if (entries.some((entry) => entry.getAttribute('aria-busy') === 'true')) return null;
      const drawn = entries.some((entry) => entry.getAttribute('aria-current') === 'true');
      const drawable = entries.some((entry) => !(entry as HTMLButtonElement).disabled);
      if ((draw || entries.length === 1) && drawable && !drawn) return null;
      return {
        outcome: drawn ? ('drawn' as const) : ('listed' as const),
        connections: entries.length,
        drawable,
      };
    },
    [name, mustDraw] as const,
    { timeout: CASE_TIMEOUT_MS },
  );
  return (await answer.jsonValue()) as Opened;
}

test.describe('fuzzed capture files in the page', () => {
  test(`${FUZZ_CASES} mutated captures through the file input: connections or an error, and → steps`, async ({
    page,
  }) => {
    const seed = fuzzSeed(20260417);
    const cases = mutatedCaptureSample(captureFixtures(), FUZZ_CASES, seed);
    const errors = watchErrors(page);
    await openLab(page, 'lang=en');
    const input = page.getByTestId('open-capture');
    await expect(input).toBeAttached();
    const outcomes = { refused: 0, listed: 0, drawn: 0 };
    const show = ({ label }: MutatedCapture) => label;
    await forEachCase(
      { name: 'captures', seed, cases, show, errors },
      async ({ label, bytes }, index) => {
        const name = `fuzz-${index}.${label.split(',')[0]?.split('.').pop() ?? 'pcap'}`;
        await input.setInputFiles({
          name,
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(bytes),
        });
        let opened = await openedCapture(page, name, false);
        if (opened.outcome === 'listed' && opened.drawable) {
          // Several connections: draw the first that can be drawn.
          await page.locator('[data-testid="capture-connection"]:not([disabled])').first().click();
          opened = await openedCapture(page, name, true);
        }
        outcomes[opened.outcome]++;
        if (opened.outcome === 'drawn') {
          await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
        }
        await stepsOn(page);
        expect(errors).toEqual([]);
      },
    );
    console.log(
      `captures (seed ${seed}): ${outcomes.drawn} drawn, ${outcomes.listed} listed without ` +
        `a connection to draw, ${outcomes.refused} refused`,
    );
    if (WHOLE_SAMPLE) {
      // The sample reaches both ends: files drawn and stepped, files refused.
      expect(outcomes.drawn).toBeGreaterThan(FUZZ_CASES / 2);
      expect(outcomes.refused).toBeGreaterThan(0);
    }
  });
});
