// The web component: a course page on another origin than the app loads
// dist-lib/handshake-lab.js and shows two <handshake-lab> elements (e2e/hosts/components.html).
// Each is a widget of its own: its lesson, step, language, theme and engine worker; its styles and
// the page's never mix; a bad `scenario` attribute is reported inside that element only.
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { ui as zhUi } from '../src/i18n/locales/zh-CN/ui';
import { hostPage } from './helpers/hosts';
import { parseCounter, watchErrors } from './helpers/page';

const DEFAULT_LESSON = 'client-closes-first';

/** Playwright's `test`, with `errors`: the page's errors from the test's start (watchErrors). */
const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    await use(watchErrors(page));
  },
});

/** Opens the course page and waits until both widgets show a run (`0 / M`, M > 0). */
async function openComponents(page: Page, baseURL: string | undefined) {
  await page.goto(hostPage(baseURL, 'components'));
  const en = page.locator('#lab-en');
  const zh = page.locator('#lab-zh');
  for (const lab of [en, zh]) {
    await expect(lab.getByTestId('lifeline-client')).toBeAttached();
    await expect(lab.getByTestId('lifeline-server')).toBeAttached();
    await expect(counter(lab)).toHaveText(/^0 \/ [1-9]\d*$/);
  }
  return { en, zh };
}

const counter = (lab: Locator): Locator => lab.getByTestId('step-counter');

async function readStep(lab: Locator): Promise<{ step: number; total: number }> {
  return parseCounter(await counter(lab).textContent());
}

/** Adds a <handshake-lab> with these attributes to the page; returns a locator for it. */
async function addElement(page: Page, id: string, attributes: Record<string, string>) {
  await page.evaluate(
    ([elementId, attrs]) => {
      const element = document.createElement('handshake-lab');
      element.id = elementId;
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
      document.body.append(element);
    },
    [id, attributes] as const,
  );
  return page.locator(`#${id}`);
}

/**
 * In the page: clicks the element's step-forward button and records the x2 of the new arrow's
 * shaft each time it changes, until it has been still for a second ([] when no arrow flies).
 */
function stepAndWatchFlight(element: Element): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const root = element.shadowRoot;
    const forward = root?.querySelector<HTMLElement>('[data-testid=step-forward]');
    if (!root || !forward) return reject(new Error('no shadow root or step button'));
    const ends: number[] = [];
    let settle = 0;
    const done = () => {
      observer.disconnect();
      clearTimeout(settle);
      resolve(ends);
    };
    const doneAfter = (ms: number) => {
      clearTimeout(settle);
      settle = window.setTimeout(done, ms);
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const shaft = record.target as Element;
        if (shaft.matches('.dg-seg--new .dg-shaft')) ends.push(Number(shaft.getAttribute('x2')));
      }
      doneAfter(1000);
    });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['x2'] });
    forward.click();
    // Once the step is drawn: no new arrow, nothing to watch.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!root.querySelector('.dg-seg--new')) done();
        else if (ends.length === 0) doneAfter(10_000);
      }),
    );
  });
}

const backgroundOf = (lab: Locator): Promise<string> =>
  lab.evaluate((element) => getComputedStyle(element).backgroundColor);

test.describe('<handshake-lab> on a course page', () => {
  test('two elements show their own lesson, language and theme, and step independently', async ({
    page,
    baseURL,
    errors,
  }) => {
    const { en, zh } = await openComponents(page, baseURL);

    await expect(en.getByTestId('lesson-select')).toHaveValue(DEFAULT_LESSON);
    await expect(zh.getByTestId('lesson-select')).toHaveValue('lost-syn');
    await expect(en.locator('.tagline')).toHaveText(enUi.app.tagline);
    await expect(zh.locator('.tagline')).toHaveText(zhUi.app.tagline);
    await expect(en.getByTestId('step-forward')).toHaveAttribute(
      'aria-label',
      enUi.controls.stepForward,
    );
    await expect(zh.getByTestId('step-forward')).toHaveAttribute(
      'aria-label',
      zhUi.controls.stepForward,
    );

    const enTotal = (await readStep(en)).total;
    const zhTotal = (await readStep(zh)).total;
    await en.getByTestId('step-forward').click();
    await en.getByTestId('step-forward').click();
    await expect(counter(en)).toHaveText(`2 / ${enTotal}`);
    await expect(en.getByTestId('segment')).toHaveCount(1);
    await expect(counter(zh)).toHaveText(`0 / ${zhTotal}`);
    await expect(zh.getByTestId('segment')).toHaveCount(0);

    await zh.getByTestId('step-forward').click();
    await expect(counter(zh)).toHaveText(`1 / ${zhTotal}`);
    await expect(counter(en)).toHaveText(`2 / ${enTotal}`);

    // theme="dark" on one only; the other follows the (light) system setting.
    expect(await backgroundOf(zh)).toBe('rgb(18, 22, 27)');
    expect(await backgroundOf(en)).toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
  });

  test("the course page's styles and the widgets' stay apart", async ({ page, baseURL }) => {
    const { en, zh } = await openComponents(page, baseURL);
    // The page hides .lab-header and h1 and paints buttons magenta: not inside the widgets.
    await expect(en.locator('h1')).toBeVisible();
    await expect(zh.locator('.lab-header')).toBeVisible();
    const buttonBackground = await en
      .getByTestId('step-forward')
      .evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(buttonBackground).not.toBe('rgb(255, 0, 255)');
    // The widgets' theme, language and fonts do not reach the page.
    const pageLooks = await page.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? null,
      lang: document.documentElement.lang,
      font: getComputedStyle(document.body).fontFamily,
      color: getComputedStyle(document.getElementById('course-title') as HTMLElement).color,
    }));
    expect(pageLooks).toEqual({
      theme: null,
      lang: 'en',
      font: 'Georgia, serif',
      color: 'rgb(120, 0, 0)',
    });
  });

  test('keys step only the widget that has focus', async ({ page, baseURL }) => {
    const { en, zh } = await openComponents(page, baseURL);
    const enTotal = (await readStep(en)).total;
    const zhTotal = (await readStep(zh)).total;

    // Nothing focused: the page's keys belong to the page, not to either widget.
    await page.locator('#course-title').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await expect(counter(en)).toHaveText(`0 / ${enTotal}`);
    await expect(counter(zh)).toHaveText(`0 / ${zhTotal}`);

    // A click inside a widget (not on a control) gives it the keys.
    await zh.getByTestId('diagram').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(counter(zh)).toHaveText(`2 / ${zhTotal}`);
    await page.keyboard.press('ArrowLeft');
    await expect(counter(zh)).toHaveText(`1 / ${zhTotal}`);
    await expect(counter(en)).toHaveText(`0 / ${enTotal}`);

    await en.getByTestId('step-forward').focus();
    await page.keyboard.press('ArrowRight');
    await expect(counter(en)).toHaveText(`1 / ${enTotal}`);
    await page.keyboard.press('r');
    await expect(counter(en)).toHaveText(`0 / ${enTotal}`);
    await expect(counter(zh)).toHaveText(`1 / ${zhTotal}`);
  });

  test('the segment inspector works inside the shadow root: focus goes in and comes back', async ({
    page,
    baseURL,
  }) => {
    const { en, zh } = await openComponents(page, baseURL);
    const { total } = await readStep(en);
    for (let k = 1; k <= 3; k++) await en.getByTestId('step-forward').click();
    await expect(counter(en)).toHaveText(`3 / ${total}`);
    const delivered = en.locator('[data-testid=segment][data-fate=delivered]').first();
    await delivered.focus();
    await page.keyboard.press('Enter');
    const inspector = en.getByTestId('segment-inspector');
    await expect(inspector).toBeVisible();
    const focusInside = () =>
      en.evaluate((element) =>
        Boolean(element.shadowRoot?.activeElement?.closest('[data-testid="segment-inspector"]')),
      );
    await expect.poll(focusInside, 'focus is in the inspector').toBe(true);
    // Keys belong to the dialog: → steps neither widget.
    await page.keyboard.press('ArrowRight');
    await expect(counter(en)).toHaveText(`3 / ${total}`);
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);
    await expect(delivered, 'focus is back on the segment').toBeFocused();
    await expect(zh.getByTestId('segment-inspector')).toHaveCount(0);
  });

  test('a bad scenario attribute is reported in that element only, over the default lesson', async ({
    page,
    baseURL,
    errors,
  }) => {
    const { en, zh } = await openComponents(page, baseURL);
    const refused = await addElement(page, 'lab-refused', {
      lesson: 'lost-syn',
      scenario: JSON.stringify({ actions: [{ at: 0, who: 'client', do: 'jump' }] }),
    });
    const broken = await addElement(page, 'lab-broken', { scenario: '{"actions": [' });

    await expect(refused.getByTestId('error')).toContainText('actions[0].do');
    // The lesson shown before the scenario was tried stays: here its `lesson` attribute.
    await expect(refused.getByTestId('lesson-select')).toHaveValue('lost-syn');
    await expect(refused.getByTestId('lifeline-client')).toBeAttached();
    await expect(counter(refused)).toHaveText(/^0 \/ [1-9]\d*$/);

    await expect(broken.getByTestId('error')).toContainText('not JSON');
    await expect(broken.getByTestId('lesson-select')).toHaveValue(DEFAULT_LESSON);
    await expect(counter(broken)).toHaveText(/^0 \/ [1-9]\d*$/);

    await expect(en.getByTestId('error')).toHaveCount(0);
    await expect(zh.getByTestId('error')).toHaveCount(0);
    // Only the widgets' own messages: no uncaught error, nothing on the console.
    expect(errors).toEqual([]);
  });

  test('a good scenario attribute is shown as a lesson of its own', async ({ page, baseURL }) => {
    await openComponents(page, baseURL);
    const scenario = {
      actions: [
        { at: 0, who: 'server', do: 'listen' },
        { at: 10, who: 'client', do: 'connect' },
        { at: 500, who: 'client', do: 'close' },
      ],
    };
    const custom = await addElement(page, 'lab-custom', { scenario: JSON.stringify(scenario) });
    await expect(custom.getByTestId('lesson-select')).toHaveValue('custom');
    await expect(counter(custom)).toHaveText(/^0 \/ [1-9]\d*$/);
    await expect(custom.getByTestId('error')).toHaveCount(0);
  });

  test('autoplay plays by itself; controls="0" leaves only the step controls', async ({
    page,
    baseURL,
  }) => {
    const { en } = await openComponents(page, baseURL);
    const playing = await addElement(page, 'lab-playing', {
      lesson: 'lost-syn',
      autoplay: '',
      controls: '0',
    });
    await expect(counter(playing)).not.toHaveText(/^0 \//, { timeout: 10_000 });
    await expect(playing.getByTestId('pause')).toBeVisible();
    await expect(playing.getByTestId('step-forward')).toBeVisible();
    await expect(playing.getByTestId('lesson-select')).toHaveCount(0);
    await expect(playing.getByTestId('theme-select')).toHaveCount(0);
    // The one without autoplay stays where it was.
    await expect(counter(en)).toHaveText(/^0 \//);
  });

  test('attributes changed later apply to that element', async ({ page, baseURL }) => {
    const { en, zh } = await openComponents(page, baseURL);
    const set = (name: string, value: string | null) =>
      en.evaluate(
        (element, [attribute, text]) => {
          if (text === null) element.removeAttribute(attribute);
          else element.setAttribute(attribute, text);
        },
        [name, value] as const,
      );

    await set('lang', 'zh');
    await expect(en.locator('.tagline')).toHaveText(zhUi.app.tagline);
    await set('lesson', 'lost-syn-ack');
    await expect(en.getByTestId('lesson-select')).toHaveValue('lost-syn-ack');
    await set('theme', 'dark');
    await expect.poll(() => backgroundOf(en)).toBe('rgb(18, 22, 27)');
    await set('controls', '0');
    await expect(en.getByTestId('lesson-select')).toHaveCount(0);
    await expect(en.getByTestId('step-forward')).toBeVisible();
    await set('scenario', '{"actions": 3}');
    await expect(en.getByTestId('error')).toBeVisible();
    await set('controls', null);
    await expect(en.getByTestId('lesson-select')).toHaveValue('lost-syn-ack');

    // The other element did not follow.
    await expect(zh.getByTestId('lesson-select')).toHaveValue('lost-syn');
    await expect(zh.getByTestId('error')).toHaveCount(0);
  });

  test('a new arrow flies to its end; a click on an arrow opens the inspector, which closes again', async ({
    page,
    baseURL,
    errors,
  }) => {
    const { en } = await openComponents(page, baseURL);
    const { total } = await readStep(en);
    // The slowest speed: the flight lasts longer than many frames, however busy the machine.
    await en.getByTestId('speed').selectOption('0.25');
    await expect(en.getByTestId('speed')).toHaveValue('0.25');

    // Step forward until a step sends a segment (the first steps may only change a state), and
    // record where its arrow's shaft ends each time the flight moves it.
    let shaftEnds: number[] = [];
    for (let step = 1; step <= 4 && shaftEnds.length === 0; step++) {
      shaftEnds = await en.evaluate(stepAndWatchFlight);
      await expect(counter(en)).toHaveText(`${step} / ${total}`);
    }
    const moves = new Set(shaftEnds);
    expect(moves.size, `the shaft's end moved through ${shaftEnds.join(', ')}`).toBeGreaterThan(2);
    // One way only, from the sender towards where the arrow is drawn at this step.
    const sorted = [...shaftEnds].sort((a, b) => a - b);
    const ascending = shaftEnds.every((x, i) => x === sorted[i]);
    const descending = shaftEnds.every((x, i) => x === sorted[sorted.length - 1 - i]);
    expect(ascending || descending, shaftEnds.join(', ')).toBe(true);
    const arrow = en.locator('.dg-seg--new[data-testid=segment]');
    // It stays where the flight ended.
    expect(Number(await arrow.locator('.dg-shaft').getAttribute('x2'))).toBe(shaftEnds.at(-1));

    // A click on an arrow in flight drops it: step on until one has arrived, and click that one.
    const delivered = en.locator('[data-testid=segment][data-fate=delivered]').first();
    for (let step = 2; step <= 6 && (await delivered.count()) === 0; step++) {
      await en.getByTestId('step-forward').click();
    }
    await delivered.click();
    const inspector = en.getByTestId('segment-inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector.getByTestId('segment-header-hex')).not.toBeEmpty();
    await expect(en.getByTestId('inspector-explanation')).not.toBeEmpty();
    await inspector.getByTestId('segment-inspector-close').click();
    await expect(inspector).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('each element has its own engine worker, stopped when it leaves the page', async ({
    page,
    baseURL,
  }) => {
    await openComponents(page, baseURL);
    await expect.poll(() => page.workers().length).toBe(2);
    const closed = Promise.race(
      page
        .workers()
        .map((worker) => new Promise<void>((resolve) => worker.once('close', () => resolve()))),
    );
    await page.locator('#lab-en').evaluate((element) => element.remove());
    await closed;
    await expect.poll(() => page.workers().length).toBe(1);
    // The one left still works.
    const zh = page.locator('#lab-zh');
    const { total } = await readStep(zh);
    await zh.getByTestId('step-forward').click();
    await expect(counter(zh)).toHaveText(`1 / ${total}`);
  });
});
