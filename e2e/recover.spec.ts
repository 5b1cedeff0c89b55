// No input breaks the widget for good. A scenario the validator refuses, sent by a course page's
// `load` (e2e/hosts/embed-course.html) or given as a <handshake-lab>'s `scenario` attribute
// (e2e/hosts/components.html), shows the refusal and leaves the lesson shown and stepping; the
// next good scenario is drawn. A part of the lab that fails (here the state diagram: its chunk
// throws when it renders, or does not load) says so in its place while → still steps.
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { REFUSED_SCENARIOS } from '../src/testing/refusedScenarios';
import { hostPage } from './helpers/hosts';
import { parseCounter, watchErrors } from './helpers/page';

/** A connect to a closed port (as embed-course.html's "Load a closed port"): a run of its own. */
const GOOD = {
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [{ at: 150, who: 'client', do: 'connect' }],
};

/** What the widget says of a refused scenario: the course page's lead, then the reason. */
const refusal = (reason: string) => `${enUi.share.loadLead} load: ${reason}`;

async function total(counter: Locator): Promise<number> {
  await expect(counter).toHaveText(/^\d+ \/ [1-9]\d*$/);
  return parseCounter(await counter.textContent()).total;
}

/** Sends a `load` to the widget in the course page's iframe, as the course page would. */
function sendLoad(page: Page, scenario: unknown): Promise<void> {
  return page.evaluate((payload) => {
    const lab = document.getElementById('lab') as HTMLIFrameElement;
    lab.contentWindow?.postMessage(
      { target: 'handshake-lab', type: 'load', scenario: payload },
      '*',
    );
  }, scenario);
}

/** The widget goes on stepping: → takes it one step on, and the counter says so. */
async function stepsOn(step: () => Promise<void>, counter: Locator): Promise<void> {
  const before = parseCounter(await counter.textContent());
  await step();
  await expect(counter).toHaveText(`${before.step + 1} / ${before.total}`);
}

test.describe('a course page’s refused scenario, then a good one', () => {
  // The full page in a frame shows the settings at once; the compact one the lesson's preview.
  for (const q of ['lang=en', 'embed=1&lang=en']) {
    for (const { scenario, reason } of REFUSED_SCENARIOS) {
      test(`${q}: ${JSON.stringify(scenario)}`, async ({ page, baseURL }) => {
        const errors = watchErrors(page);
        await page.goto(hostPage(baseURL, 'embed-course', `q=${encodeURIComponent(q)}`));
        const lab: FrameLocator = page.frameLocator('#lab');
        const counter = lab.getByTestId('step-counter');
        const lessonTotal = await total(counter);
        // Its late parts are in (the settings read the options a load would change).
        await expect(lab.getByTestId('lesson-frame')).toBeAttached();
        await page.getByTestId('host-step').click();
        await expect(counter).toHaveText(`1 / ${lessonTotal}`);

        await sendLoad(page, scenario);
        await expect(lab.getByTestId('error')).toContainText(refusal(reason));
        // The lesson from before, on its step, still driven by the course page and the keys.
        await expect(counter).toHaveText(`1 / ${lessonTotal}`);
        await stepsOn(() => page.getByTestId('host-step').click(), counter);
        await stepsOn(() => lab.getByTestId('step-forward').click(), counter);
        await expect(lab.getByTestId('lifeline-client')).toBeVisible();

        await sendLoad(page, GOOD);
        await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
        await expect(lab.getByTestId('error')).toHaveCount(0);
        const loaded = await total(counter);
        expect(loaded).not.toBe(lessonTotal);
        // Drawn: its SYN flies on the first step.
        await page.getByTestId('host-step').click();
        await expect(counter).toHaveText(`1 / ${loaded}`);
        await expect(lab.locator('[data-testid="segment"][data-flags="SYN"]')).toHaveCount(1);
        expect(errors).toEqual([]);
      });
    }
  }
});

test.describe('<handshake-lab>: a refused scenario attribute, then a good one', () => {
  for (const [index, { scenario, reason }] of REFUSED_SCENARIOS.entries()) {
    test(JSON.stringify(scenario), async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      await page.goto(hostPage(baseURL, 'components'));
      await expect(page.locator('#lab-en').getByTestId('step-counter')).toHaveText(/^0 \/ [1-9]/);
      // Refused as the element starts, and as its attribute changes later (on a step kept).
      for (const late of [false, true]) {
        const id = `lab-refused-${index}-${late ? 'later' : 'start'}`;
        await page.evaluate(
          ([elementId, text, later]) => {
            const element = document.createElement('handshake-lab');
            element.id = elementId;
            element.setAttribute('lesson', 'lost-syn');
            element.setAttribute('lang', 'en');
            if (!later) element.setAttribute('scenario', text);
            document.body.append(element);
          },
          [id, JSON.stringify(scenario), late] as const,
        );
        const lab = page.locator(`#${id}`);
        const counter = lab.getByTestId('step-counter');
        const lessonTotal = await total(counter);
        if (late) {
          await stepsOn(() => lab.getByTestId('step-forward').click(), counter);
          await lab.evaluate(
            (element, text) => element.setAttribute('scenario', text),
            JSON.stringify(scenario),
          );
        }
        await expect(lab.getByTestId('error')).toContainText(refusal(reason));
        await expect(lab.getByTestId('lesson-select')).toHaveValue('lost-syn');
        await expect(counter).toHaveText(`${late ? 1 : 0} / ${lessonTotal}`);
        await stepsOn(() => lab.getByTestId('step-forward').click(), counter);

        await lab.evaluate(
          (element, text) => element.setAttribute('scenario', text),
          JSON.stringify(GOOD),
        );
        await expect(lab.getByTestId('lesson-select')).toHaveValue('custom');
        await expect(lab.getByTestId('error')).toHaveCount(0);
        await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
        expect(await total(counter)).not.toBe(lessonTotal);
        await stepsOn(() => lab.getByTestId('step-forward').click(), counter);
        await expect(lab.locator('[data-testid="segment"][data-flags="SYN"]')).toHaveCount(1);
        await lab.evaluate((element) => element.remove());
      }
      expect(errors).toEqual([]);
    });
  }
});

test.describe('a part that fails', () => {
  /** The state diagram's chunk, made to throw when it renders until the page says it is fixed. */
  const THROWING_PART = `
    export function StateMachineSection() {
      if (!window.stateDiagramFixed) throw new Error('the state diagram broke');
      return null;
    }
  `;

  test('shows its message in its place while → still steps; “Try again” mounts it anew', async ({
    page,
  }) => {
    await page.route('**/assets/StateMachineSection-*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: THROWING_PART }),
    );
    await page.goto('./?lang=en&lesson=client-closes-first');
    const counter = page.getByTestId('step-counter');
    const lessonTotal = await total(counter);
    const failed = page.getByTestId('part-error');
    await expect(failed).toHaveText(
      `${enUi.errors.part.replace('{message}', 'the state diagram broke')}${enUi.errors.retry}`,
    );
    // In the side column, under the explanation and the lesson's frame, which are there.
    await expect(page.locator('.lab-side').getByTestId('part-error')).toBeVisible();
    await expect(page.getByTestId('explanation')).toBeVisible();
    await expect(page.getByTestId('lesson-frame')).toBeVisible();
    await expect(page.getByTestId('loss-rate')).toBeVisible();
    await expect(page.getByTestId('error')).toHaveCount(0);

    await page.locator('body').press('ArrowRight');
    await expect(counter).toHaveText(`1 / ${lessonTotal}`);
    await stepsOn(() => page.getByTestId('step-forward').click(), counter);
    await expect(page.locator('[data-testid="segment"]')).not.toHaveCount(0);

    await page.evaluate(() => {
      (window as unknown as { stateDiagramFixed: boolean }).stateDiagramFixed = true;
    });
    await page.getByTestId('part-retry').click();
    await expect(failed).toHaveCount(0);
    await stepsOn(() => page.getByTestId('step-forward').click(), counter);
  });

  test('one whose code does not load says so, and the rest of the lab comes', async ({ page }) => {
    await page.route('**/assets/StateMachineSection-*.js', (route) =>
      route.fulfill({ status: 500, body: 'broken' }),
    );
    await page.goto('./?lang=en&lesson=client-closes-first');
    const counter = page.getByTestId('step-counter');
    const lessonTotal = await total(counter);
    await expect(page.getByTestId('part-error')).toContainText(
      enUi.errors.part.replace('{message}', ''),
    );
    await expect(page.getByTestId('lesson-frame')).toBeVisible();
    await expect(page.getByTestId('loss-rate')).toBeVisible();
    await stepsOn(() => page.getByTestId('step-forward').click(), counter);
    expect(parseCounter(await counter.textContent()).total).toBe(lessonTotal);
  });
});
