// The smaller holes an outside review found, each as a reader meets it: embed.js resizing frames
// that are not the lab's (or switched off by an element named HandshakeLab), a `lesson=` link
// echoed whole into the page, the lab in a sandboxed iframe, a deeply nested scenario from a
// course page, share links too long for servers (`z=`), and the built page's Content-Security-
// Policy. The course pages are e2e/hosts/holes-course.html, served by e2e/helpers/hostServer.ts.
import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { expect, test, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { encodeScenarioParam } from '../src/lab/shareLink';
import { download } from './helpers/exports';
import { hostPage } from './helpers/hosts';
import { expectRun, LESSON_IDS, lessonScenario } from './helpers/engine';
import { counterOf, openLab, scrubToEnd, snapshot, showStep, watchErrors } from './helpers/page';
import { kernelCapturePath } from '../src/testing/kernelCaptures';

/** The lab's origin (the app's). */
const appOrigin = (baseURL: string | undefined) =>
  new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;

const HEIGHT_9999 = { source: 'handshake-lab', type: 'height', height: 9999 };

/** The holes course page with these options; resolves once the lab in it shows a run. */
async function openCourse(page: Page, baseURL: string | undefined, query: string): Promise<Frame> {
  await page.goto(hostPage(baseURL, 'holes-course', query));
  const frame = page.frame({ name: 'lab' });
  if (!frame) throw new Error('no frame named "lab"');
  await expect(frame.getByTestId('step-counter')).toHaveText(/^\d+ \/ [1-9]\d*$/);
  return frame;
}

/** The iframe's height as the course page set it (its style, in CSS px). */
const frameHeight = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((el: HTMLIFrameElement) => el.getBoundingClientRect().height);

/** The lab's own height reports, as the course page heard them. */
const reportedHeights = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { received: { type?: string; height?: number }[] }).received
      .filter((m) => m.type === 'height')
      .map((m) => m.height ?? 0),
  );

test.describe('embed.js sizes only the lab’s frames', () => {
  test('a frame from another site posting a height message is not resized; the lab’s is', async ({
    page,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    await openCourse(page, baseURL, 'foreign=1');
    const foreign = page.frame({ url: /embed-poster\.html/ });
    if (!foreign) throw new Error('no frame from another site');
    await expect(page.locator('#foreign')).toBeVisible();
    // The lab's frame takes the height the lab reports.
    await expect
      .poll(async () => {
        const last = (await reportedHeights(page)).at(-1);
        return last !== undefined && Math.abs((await frameHeight(page, 'lab')) - last) < 1;
      })
      .toBe(true);
    expect(await frameHeight(page, 'lab')).not.toBe(300);
    // The other site's frame says the same words, and stays as the course page made it.
    await foreign.evaluate((message) => window.parent.postMessage(message, '*'), HEIGHT_9999);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await frameHeight(page, 'foreign')).toBe(60);
    expect(errors).toEqual([]);
  });

  test('an element with id="HandshakeLab" on the course page does not switch it off', async ({
    page,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    const lab = await openCourse(page, baseURL, 'clobber=1');
    await expect(page.locator('#HandshakeLab')).toBeVisible();
    await expect
      .poll(async () => {
        const last = (await reportedHeights(page)).at(-1);
        return last !== undefined && Math.abs((await frameHeight(page, 'lab')) - last) < 1;
      })
      .toBe(true);
    expect(await frameHeight(page, 'lab')).not.toBe(300);
    // HandshakeLab.send works too: the course page steps the lab with it.
    const total = Number((await lab.getByTestId('step-counter').textContent())?.split('/')[1]);
    await page.evaluate(() => {
      const api = (window as unknown as { HandshakeLab: { send(f: unknown, t: string): void } })
        .HandshakeLab;
      api.send(document.getElementById('lab'), 'step');
    });
    await expect(lab.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
    expect(errors).toEqual([]);
  });
});

test.describe('what a link or a course page sends is said plainly', () => {
  test('a lesson= of any text is quoted short in the error line', async ({ page }) => {
    const pretence =
      'Your session has expired. To keep your progress, submit your password to ' +
      'https://evil.example/login within 5 minutes. ';
    const lesson = pretence.repeat(Math.ceil(1725 / pretence.length)).slice(0, 1725);
    await openLab(page, `lesson=${encodeURIComponent(lesson)}&lang=en`);
    const error = page.getByTestId('error');
    await expect(error).toContainText(enUi.share.linkLead);
    await expect(error).toContainText(`lesson: no lesson "${lesson.slice(0, 40)}…"`);
    await expect(error).not.toContainText('evil.example');
    const detail = (await error.locator('.error-detail').textContent()) ?? '';
    expect(detail.length).toBeLessThan(100);
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
  });

  test('a course page’s deeply nested scenario gets the words a share link gets', async ({
    page,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    const deep = JSON.stringify(lessonScenario('lost-syn')).replace(
      /"seed":\d+/,
      `"seed":${'['.repeat(5000)}${']'.repeat(5000)}`,
    );
    // The same scenario as an s= link: its words, after "s: ".
    const linked = await page.context().newPage();
    await openLab(linked, `s=${Buffer.from(deep).toString('base64url')}&lang=en`);
    const linkDetail =
      (await linked.getByTestId('error').locator('.error-detail').textContent()) ?? '';
    expect(linkDetail).toMatch(/^s: nested more than \d+ levels deep/);
    await linked.close();

    const lab = await openCourse(page, baseURL, 'q=embed%3D1%26lang%3Den');
    const total = Number((await lab.getByTestId('step-counter').textContent())?.split('/')[1]);
    // Commands count once the lab has said its first step.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { received: { type?: string }[] }).received.filter(
              (m) => m.type === 'step',
            ).length,
        ),
      )
      .toBeGreaterThan(0);
    // As JSON text, and as an object (1,000 levels: as deep as a browser's postMessage copies).
    const deepObject = deep.replace(/\[{5000}\]{5000}/, `${'['.repeat(1000)}${']'.repeat(1000)}`);
    for (const [text, asObject] of [
      [deep, false],
      [deepObject, true],
    ] as const) {
      await page.evaluate(
        ([text, parse, origin]) => {
          const scenario: unknown = parse ? JSON.parse(text) : text;
          const lab = document.getElementById('lab') as HTMLIFrameElement;
          lab.contentWindow?.postMessage(
            { target: 'handshake-lab', type: 'load', scenario },
            origin,
          );
        },
        [text, asObject, appOrigin(baseURL)] as const,
      );
      const error = lab.getByTestId('error');
      await expect(error).toContainText(enUi.share.loadLead);
      await expect(error.locator('.error-detail')).toHaveText(linkDetail.replace(/^s: /, 'load: '));
      await expect(error).not.toContainText('call stack');
      await lab.getByRole('button', { name: 'Dismiss' }).click();
    }
    // The lesson shown before stays, and steps.
    await lab.getByTestId('step-forward').click();
    await expect(lab.getByTestId('step-counter')).toHaveText(`1 / ${total}`);
    expect(errors).toEqual([]);
  });
});

test.describe('in a sandboxed iframe (allow-scripts, no allow-same-origin)', () => {
  /**
   * A frame sandboxed without allow-same-origin has an opaque origin: every script and stylesheet
   * it asks for is a cross-origin request, which the lab's host must allow with
   * Access-Control-Allow-Origin (as GitHub Pages does: `*`). The preview server allows only
   * localhost origins, not `null`: these tests stand in for such a host.
   */
  async function allowAnyOrigin(context: BrowserContext, baseURL: string | undefined) {
    await context.route(`${appOrigin(baseURL)}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'access-control-allow-origin': '*' },
      });
    });
  }

  test('the lab runs, steps, switches lessons and reads a capture with its workers', async ({
    page,
    context,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    await allowAnyOrigin(context, baseURL);
    // Not the lesson the page's HTML carries a run for: the engine worker must run this one.
    const lab = await openCourse(
      page,
      baseURL,
      'sandbox=allow-scripts&q=lang%3Den%26lesson%3Dlost-syn',
    );
    expect(await lab.evaluate(() => origin)).toBe('null');
    const expected = expectRun(lessonScenario('lost-syn'));
    const counter = lab.getByTestId('step-counter');
    const total = Number((await counter.textContent())?.split('/')[1]);
    for (let step = 1; step <= total; step++) {
      await lab.getByTestId('step-forward').click();
      await expect(counter).toHaveText(`${step} / ${total}`);
    }
    await expect(lab.getByTestId('state-client')).toHaveAttribute(
      'data-state',
      expected.final.client,
    );
    await expect(lab.getByTestId('state-server')).toHaveAttribute(
      'data-state',
      expected.final.server,
    );
    await expect(lab.getByTestId('segment')).toHaveCount(expected.segments.length);
    // Another lesson: another run in the engine worker.
    await lab.getByTestId('lesson-select').selectOption('abort');
    await expect(counter).toHaveText(/^0 \/ [1-9]\d*$/);
    await expect(lab.getByTestId('lesson-select')).toHaveValue('abort');
    // A capture is read in a worker of its own.
    await lab.getByTestId('open-capture').setInputFiles(kernelCapturePath('half-close'));
    await expect(lab.getByTestId('capture-connection').first()).toBeAttached();
    await expect(lab.getByTestId('error')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('long share links (z=)', () => {
  /** `lesson` with `count` faults that never match: a long scenario, as repetitive as real ones. */
  const padded = (count: number) => {
    const lesson = lessonScenario('lost-syn');
    const never = Array.from({ length: count }, (_, i) => ({
      who: 'server',
      flags: 'RST',
      nth: i + 1,
      fate: 'drop',
    }));
    return { ...lesson, faults: [...(lesson.faults ?? []), ...never] };
  };
  const z = (value: unknown) =>
    deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url');

  async function share(page: Page, context: BrowserContext, baseURL: string | undefined) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.getByTestId('share').click();
    await expect(page.getByRole('status').filter({ hasText: enUi.share.copied })).toBeVisible();
    return page.evaluate(() => navigator.clipboard.readText());
  }

  test('a scenario whose plain link is over 8,000 characters is shared compressed', async ({
    page,
    context,
    baseURL,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const scenario = padded(120);
    const plain = `s=${encodeScenarioParam(scenario)}`;
    expect(plain.length).toBeGreaterThan(8000);
    await openLab(page, `${plain}&lang=en`);
    await showStep(page, 3);
    const shown = await snapshot(page);
    const link = await share(page, context, baseURL);
    const url = new URL(link);
    expect(url.searchParams.has('s')).toBe(false);
    expect(url.searchParams.get('z')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2000);
    await expect(page.getByTestId('share-too-long')).toHaveCount(0);
    const other = await context.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(link);
    expect(await snapshot(other, shown.counter)).toEqual(shown);
    await expect(other.getByTestId('error')).toHaveCount(0);
    await expect(other.getByTestId('lesson-select')).toHaveValue('custom');
    expect([...errors, ...otherErrors]).toEqual([]);
  });

  test('a link still too long says so, and what to do instead', async ({
    page,
    context,
    baseURL,
  }) => {
    const errors = watchErrors(page);
    // Random text does not compress: even as z= the link is over 8,000 characters.
    const description = randomBytes(7000).toString('base64');
    await openLab(page, `z=${z({ ...lessonScenario('lost-syn'), description })}&lang=en`);
    await expect(page.getByTestId('error')).toHaveCount(0);
    const link = await share(page, context, baseURL);
    expect(link.length).toBeGreaterThan(8000);
    const warning = page.getByTestId('share-too-long');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(`This link is ${link.length} characters long`);
    await expect(warning).toContainText('Export → Trace as JSON');
    expect(errors).toEqual([]);
  });

  const broken: { name: string; query: string; message: RegExp }[] = [
    { name: 'not base64url', query: 'z=ab$cd', message: /z: not base64url \("\$" at position 3\)/ },
    {
      name: 'not deflate',
      query: `z=${encodeScenarioParam(lessonScenario('lost-syn'))}`,
      message: /z: not compressed with deflate \(.+\)/,
    },
    {
      name: 'a decompression bomb',
      // 2 kB that inflate to 2 MB (a link must stay under the server's 16 kB).
      query: `z=${deflateRawSync(Buffer.alloc(2_000_000, 0x20), { level: 9 }).toString('base64url')}`,
      message: /z: over 1 MB once decompressed; a scenario takes a few kB/,
    },
  ];
  for (const { name, query, message } of broken) {
    test(`a z= link ${name}: says so over the default lesson`, async ({ page }) => {
      const errors = watchErrors(page);
      const total = await openLab(page, `${query}&lang=en`);
      const error = page.getByTestId('error');
      await expect(error).toContainText(enUi.share.linkLead);
      await expect(error).toContainText(message);
      await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
      await page.getByTestId('step-forward').click();
      await expect(counterOf(page)).toHaveText(`1 / ${total}`);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('Content-Security-Policy', () => {
  const POLICY =
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; " +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
    "object-src 'none'; base-uri 'none'";

  test('the built page and every lesson entry carry the policy, before any script', async ({
    request,
  }) => {
    for (const path of ['./', ...LESSON_IDS.map((id) => `./lesson/${id}/`)]) {
      const html = await (await request.get(path)).text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      expect(meta?.[1], path).toBe(POLICY);
      expect(html.indexOf('Content-Security-Policy'), path).toBeLessThan(html.indexOf('<script'));
    }
  });

  test('nothing the page does breaks it', async ({ page, context, baseURL }) => {
    test.slow();
    await page.setViewportSize({ width: 1440, height: 900 });
    // Every frame of the page (the Embed dialog's preview too) counts its violations.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
        // Told to the test as well, from any frame.
        console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text()))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

    // The prerendered page, with its run in a JSON data block (never executed, never a violation).
    await openLab(page, 'lang=en');
    await expect(page.locator('script#first-run[type="application/json"]')).toBeAttached();
    // Stepping, with the arrows' flights (framer-motion's inline styles).
    for (let step = 1; step <= 3; step++) await page.getByTestId('step-forward').click();
    // A lesson switch: a run in the engine worker.
    await page.getByTestId('lesson-select').selectOption('lost-final-ack');
    await expect(page.getByTestId('lesson-select')).toHaveValue('lost-final-ack');
    await expect(counterOf(page)).toHaveText(/^0 \/ [1-9]\d*$/);
    // Settings.
    await page.getByTestId('loss-rate').fill('20');
    await page.getByTestId('drop-final-ack').check();
    await expect(counterOf(page)).toHaveText(/^\d+ \/ [1-9]\d*$/);
    // The inspector, on a segment no longer in flight.
    await scrubToEnd(page);
    await page.locator('[data-testid="segment"]:not([data-fate="in-flight"])').first().click();
    await expect(page.getByTestId('segment-inspector')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('segment-inspector')).toHaveCount(0);
    // Share, and the Embed dialog with its live preview (the page again, in an iframe).
    await page.getByTestId('share').click();
    await expect(page.getByRole('status').filter({ hasText: enUi.share.copied })).toBeVisible();
    await page.getByTestId('embed-open').click();
    const preview = page.frameLocator('[data-testid="embed-dialog"] iframe');
    await expect(preview.getByTestId('step-counter')).toHaveText(/^\d+ \/ [1-9]\d*$/);
    await page.keyboard.press('Escape');
    // Every export: fonts fetched, data: and blob: URLs drawn.
    for (const kind of ['svg', 'png', 'trace', 'markdown'] as const) {
      const file = await download(page, kind);
      expect(file.bytes.length, kind).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    // A capture file, read in its worker.
    await page.getByTestId('open-capture').setInputFiles(kernelCapturePath('half-close'));
    await expect(page.getByTestId('capture-connection').first()).toBeAttached();
    await page.getByTestId('lesson-select').selectOption('client-closes-first');
    // The answer cards' comparison: two more runs, drawn whole.
    const card = page.locator('[data-testid="answer-card"][data-answer="why-three"]');
    await card.locator('summary').click();
    await card.getByTestId('compare-open').click();
    await expect(page.getByTestId('compare-why-three')).toHaveAttribute('data-ready', 'true');
    // Predict mode, loaded on demand.
    await page.getByTestId('mode-toggle').check();
    await expect(page.getByTestId('predict-score')).toBeVisible();
    await page.getByTestId('reset').click();
    for (let i = 0; i < 3 && !(await page.getByTestId('predict').isVisible()); i++) {
      await page.getByTestId('step-forward').click();
    }
    await expect(page.getByTestId('predict')).toBeVisible();
    await page.getByTestId('predict-reveal').click();
    await expect(page.getByTestId('predict-result')).toBeVisible();

    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    expect(problems.filter((p) => /Content.Security.Policy|CSP violation/i.test(p))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
