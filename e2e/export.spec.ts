// Export: the diagram at the shown step as SVG and PNG, the run's trace as JSON and its
// step explanations as Markdown, each downloaded from the header's Export panel and checked as a
// file: what a teacher would open elsewhere.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioParam } from '../src/lab/shareLink';
import { download } from './helpers/exports';
import { explanationText, openLab, readCounter, watchErrors } from './helpers/page';

const HAN = /\p{Script=Han}/u;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The diagram's size on screen: the drawing's width, from the state header to its bottom. */
async function diagramSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const dg = document.querySelector('[data-testid="diagram"]');
    const canvas = dg?.querySelector('.dg-canvas')?.getBoundingClientRect();
    const head = dg?.querySelector('.dg-head')?.getBoundingClientRect();
    if (!canvas || !head) throw new Error('no diagram on the page');
    // The header sits above the drawing (pinned while the box scrolls, and the camera may have
    // scrolled it): the picture is the two, one above the other.
    return { width: canvas.width, height: head.height + canvas.height };
  });
}

interface SvgFacts {
  parseError: string | null;
  width: number;
  height: number;
  segments: number;
  background: string | null;
  fontFaces: string[];
  firstFonts: string[];
  text: string;
}

/** Parses an exported SVG in the page (DOMParser, as any reader would) and reads it. */
async function readSvg(page: Page, svg: string): Promise<SvgFacts> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const fonts = new Set<string>();
    for (const el of Array.from(doc.querySelectorAll('[font-family]'))) {
      fonts.add((el.getAttribute('font-family') ?? '').split(',')[0]?.trim() ?? '');
    }
    const css = doc.querySelector('style')?.textContent ?? '';
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      segments: doc.querySelectorAll('g.dg-seg').length,
      background: doc.querySelector('rect.dg-background')?.getAttribute('fill') ?? null,
      fontFaces: Array.from(
        css.matchAll(/@font-face\{font-family:'([^']+)'[^}]*src:url\(data:font\/woff2;base64,/g),
        (m) => m[1] ?? '',
      ),
      firstFonts: [...fonts],
      text: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? '').join(' '),
    };
  }, svg);
}

test.describe('export', () => {
  test('the diagram as SVG: a valid, self-contained file of the size shown', async ({ page }) => {
    const errors = watchErrors(page);
    await openLab(page, 'lesson=client-closes-first&step=6&lang=en');
    await expect(page.getByTestId('step-counter')).toHaveText(/^6 \/ /);
    const shown = await page.getByTestId('segment').count();
    expect(shown).toBeGreaterThan(2);
    const size = await diagramSize(page);

    const { name, bytes } = await download(page, 'svg');
    expect(name).toBe('handshake-lab-client-closes-first-step-6.svg');
    const svg = bytes.toString('utf8');
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/<link|@import|href="http/);
    const facts = await readSvg(page, svg);
    expect(facts.parseError).toBeNull();
    expect(facts.width).toBeCloseTo(size.width, 1);
    expect(facts.height).toBeCloseTo(size.height, 1);
    expect(facts.segments).toBe(shown);
    expect(facts.background).toBe('#ffffff');
    // Fonts embedded, and named first wherever a font is named.
    expect(facts.fontFaces).toContain('Noto Sans');
    expect(facts.fontFaces).toContain('Noto Sans Mono');
    for (const first of facts.firstFonts) expect(first).toMatch(/^'Noto Sans( Mono)?'$/);
    expect(facts.text).toContain('ESTABLISHED');
    expect(facts.text).toContain('Client');
    // The page is as it was: no copy of the diagram left behind.
    await expect(page.getByTestId('diagram')).toHaveCount(1);
    await expect(page.getByTestId('segment')).toHaveCount(shown);
    await expect(page.getByTestId('export-status')).toContainText(name);
    expect(errors).toEqual([]);
  });

  test('a dark export of a light page has the dark background; the page stays light', async ({
    page,
  }) => {
    await openLab(page, 'lesson=lost-syn&step=3&lang=en&theme=light');
    const shown = await page.getByTestId('segment').count();
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-theme').selectOption('dark');
    const dark = await readSvg(page, (await download(page, 'svg')).bytes.toString('utf8'));
    expect(dark.parseError).toBeNull();
    expect(dark.background).toBe('#12161b');
    expect(dark.segments).toBe(shown);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const pageBackground = await page
      .getByTestId('diagram')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(pageBackground).toBe('rgb(255, 255, 255)');

    await page.getByTestId('export-theme').selectOption('current');
    const light = await readSvg(page, (await download(page, 'svg')).bytes.toString('utf8'));
    expect(light.background).toBe('#ffffff');
  });

  test('the open panel passes axe, in both themes; Escape closes it', async ({ page }) => {
    for (const theme of ['light', 'dark']) {
      await openLab(page, `lesson=lost-syn&step=2&lang=zh&theme=${theme}`);
      await download(page, 'trace');
      await expect(page.getByTestId('export-status')).toContainText('.json');
      const results = await new AxeBuilder({ page }).include('.export-field').analyze();
      const serious = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
    await page.getByTestId('export-markdown').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-markdown')).toBeHidden();
    await expect(page.getByTestId('export-open')).toBeFocused();
    await expect(page.getByTestId('export-open')).toHaveAttribute('aria-expanded', 'false');
  });

  test('a long run exports every arrow, also those the screen does not draw', async ({ page }) => {
    // 80 writes, each a data segment and its ACK: more than the page draws off screen.
    const scenario = {
      actions: [
        { at: 0, who: 'server', do: 'listen' },
        { at: 100, who: 'client', do: 'connect' },
        ...Array.from({ length: 80 }, (_, i) => ({
          at: 1000 + i * 50,
          who: 'client',
          do: 'send',
          bytes: 10,
        })),
      ],
    };
    await openLab(page, `s=${encodeScenarioParam(scenario)}&step=9999&lang=en`);
    const traced = JSON.parse((await download(page, 'trace')).bytes.toString('utf8')) as {
      events: { type: string }[];
    };
    const sends = traced.events.filter((e) => e.type === 'send').length;
    expect(sends).toBeGreaterThan(150);
    expect(await page.getByTestId('segment').count()).toBeLessThan(sends);
    const svg = await readSvg(page, (await download(page, 'svg')).bytes.toString('utf8'));
    expect(svg.parseError).toBeNull();
    expect(svg.segments).toBe(sends);
  });

  test('the diagram as PNG: twice the SVG size, whatever the screen', async ({ page }) => {
    await openLab(page, 'lesson=client-closes-first&step=4&lang=en');
    const svg = await readSvg(page, (await download(page, 'svg')).bytes.toString('utf8'));
    const { name, bytes } = await download(page, 'png');
    expect(name).toBe('handshake-lab-client-closes-first-step-4.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(Math.round(svg.width * 2));
    expect(bytes.readUInt32BE(20)).toBe(Math.round(svg.height * 2));
  });

  test('the trace as JSON: the contract’s events and final states of the run shown', async ({
    page,
  }) => {
    const total = await openLab(page, 'lesson=lost-final-ack&step=999&lang=en');
    expect((await readCounter(page)).step).toBe(total);
    const { name, bytes } = await download(page, 'trace');
    expect(name).toBe('handshake-lab-lost-final-ack-trace.json');
    const trace = JSON.parse(bytes.toString('utf8')) as {
      events: { type: string; t: number }[];
      final: { client: string; server: string };
      scenario: { actions: unknown[] };
    };
    expect(trace.final).toEqual({
      client: await page.getByTestId('state-client').getAttribute('data-state'),
      server: await page.getByTestId('state-server').getAttribute('data-state'),
    });
    const sends = trace.events.filter((e) => e.type === 'send').length;
    await expect(page.getByTestId('segment')).toHaveCount(sends);
    expect(trace.scenario.actions.length).toBeGreaterThan(0);
  });

  test('in Chinese: the steps as a Markdown handout and CJK glyphs in the SVG', async ({
    page,
  }) => {
    const total = await openLab(page, 'lesson=client-closes-first&step=1&lang=zh');
    await expect(page.getByTestId('explanation-text')).toHaveText(HAN);
    const first = await explanationText(page);

    const { name, bytes } = await download(page, 'markdown');
    expect(name).toBe('handshake-lab-client-closes-first-steps.md');
    const markdown = bytes.toString('utf8');
    const entries = markdown.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(entries).toHaveLength(total);
    expect(entries.map((line) => Number(line.split('.')[0]))).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect(markdown.split('\n')[0]).toMatch(/^# .*\p{Script=Han}/u);
    expect(markdown).toContain(first.replace(/([\\`*[\]<>|])/g, '\\$1'));

    const svgText = (await download(page, 'svg')).bytes.toString('utf8');
    const svg = await readSvg(page, svgText);
    expect(svg.parseError).toBeNull();
    expect(svg.text).toContain('客户端');
    expect(svg.fontFaces).toContain('Noto Sans SC');

    // The PNG was drawn with its fonts in: it matches the SVG drawn again at leisure, Chinese
    // header and axis labels included (text drawn while its font loads would be missing).
    const png = (await download(page, 'png')).bytes;
    const differing = await page.evaluate(
      async ([svgSource, pngBase64]) => {
        const load = async (url: string) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          return image;
        };
        const pixels = (image: HTMLImageElement, width: number, height: number) => {
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no canvas');
          context.drawImage(image, 0, 0, width, height);
          return context.getImageData(0, 0, width, height).data;
        };
        const exported = await load(`data:image/png;base64,${pngBase64}`);
        const { naturalWidth: w, naturalHeight: h } = exported;
        const svgUrl = URL.createObjectURL(new Blob([svgSource], { type: 'image/svg+xml' }));
        const reference = await load(svgUrl);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const a = pixels(exported, w, h);
        const b = pixels(reference, w, h);
        let count = 0;
        for (let i = 0; i < a.length; i += 4) {
          const d = Math.max(
            Math.abs((a[i] ?? 0) - (b[i] ?? 0)),
            Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)),
            Math.abs((a[i + 2] ?? 0) - (b[i + 2] ?? 0)),
          );
          if (d > 24) count++;
        }
        return count;
      },
      [svgText, png.toString('base64')] as const,
    );
    expect(differing).toBeLessThan(20);
  });
});
