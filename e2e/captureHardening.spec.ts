// Capture files that used to freeze or crash the page: a small pcapng whose second connection has
// times no date holds (listed with a warning, the other one drawn and stepped), a file of 65,536
// interface blocks (read with progress, the lesson stepping meanwhile), and a file big and slow
// enough to cancel (its worker terminated, the lesson stepping on).
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { kernelCapturePath } from '../src/testing/kernelCaptures';
import {
  connectionsOnInterfaces,
  manyInterfaces,
  microseconds,
  pcapFrames,
  type StampedInterface,
} from '../src/testing/pcapng';
import { seriousViolations } from './helpers/axe';
import { blur, counterOf, openLab, readCounter, snapshot, watchErrors } from './helpers/page';

/** The handshake of a real loopback connection (client port 40000). */
const capture = pcapFrames(readFileSync(kernelCapturePath('normal-client-close')));
const handshake = { linkType: capture.linkType, frames: capture.frames.slice(0, 3) };

/** A pcapng of two connections: the handshake on a good interface, and again on `bad`. */
function twoConnections(bad: StampedInterface): Buffer {
  const bytes = connectionsOnInterfaces(handshake, 40000, [
    { clientPort: 40000, stamp: microseconds },
    { ...bad, clientPort: 40001 },
  ]);
  return Buffer.from(bytes);
}

async function openPage(page: Page): Promise<number> {
  const total = await openLab(page, 'lang=en');
  await expect(page.getByTestId('open-capture')).toBeAttached();
  return total;
}

/** One step forward with the button, from whatever step is shown; returns the step reached. */
async function stepOnce(page: Page): Promise<void> {
  const { step, total } = await readCounter(page);
  await snapshot(page, `${step + 1} / ${total}`, 'step-forward');
}

/** Draws connection `entry` and steps it to its end with the button. */
async function drawAndStep(page: Page, entry: number): Promise<void> {
  const entries = page.getByTestId('capture-connection');
  await entries.nth(entry).click();
  await expect(entries.nth(entry)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
  const { total } = await readCounter(page);
  await page.getByTestId('reset').click();
  await expect(counterOf(page)).toHaveText(`0 / ${total}`);
  for (let step = 1; step <= total; step++) {
    await snapshot(page, `${step} / ${total}`, 'step-forward');
  }
  await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'ESTABLISHED');
  await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'ESTABLISHED');
}

/** Files a test wrote that go when it ends, passed or failed. */
const testCleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  await Promise.all(testCleanups.splice(0).map((cleanup) => cleanup()));
});

test.describe('capture files that used to freeze or crash the page', () => {
  test('times past any date: both connections listed, the bad one warned, the good one drawn', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openPage(page);
    // A time offset of 2^62 s: no date, and too large for its packets to be told apart.
    const file = twoConnections({ offsetSec: 1n << 62n, stamp: microseconds });
    expect(file.length).toBeLessThan(800);
    await page.getByTestId('open-capture').setInputFiles({
      name: 'offset.pcapng',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    const entries = page.getByTestId('capture-connection');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('127.0.0.1:40000 → 127.0.0.1:8080');
    await expect(entries.nth(0)).toContainText(/from \d/);
    await expect(entries.nth(0).getByTestId('capture-connection-note')).toHaveCount(0);
    const bad = entries.nth(1);
    await expect(bad).toContainText('127.0.0.1:40001 → 127.0.0.1:8080');
    await expect(bad).not.toContainText(/from \d/);
    await expect(bad.getByTestId('capture-connection-note')).toHaveAttribute(
      'data-code',
      'time-unusable',
    );
    await expect(bad).toContainText('too large to be exact');
    await expect(bad).toBeDisabled();
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    await drawAndStep(page, 0);
    await expect(page.getByTestId('diagram').locator('.dg-end-addr').first()).toHaveText(
      '127.0.0.1:40000',
    );
    expect(errors).toEqual([]);
  });

  test('whole seconds under a high timestamp word: the bad connection is drawn from its first packet', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openPage(page);
    // if_tsresol 0 and a high word of 2^20: 2^52 s after 1970, far past any date, yet exact.
    const file = twoConnections({
      resolution: 0,
      stamp: (_frame, i) => (1n << 52n) + BigInt(i),
    });
    await page.getByTestId('open-capture').setInputFiles({
      name: 'seconds.pcapng',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    const entries = page.getByTestId('capture-connection');
    await expect(entries).toHaveCount(2);
    const bad = entries.nth(1);
    await expect(bad).toContainText('127.0.0.1:40001');
    await expect(bad).not.toContainText(/from \d/);
    await expect(bad.getByTestId('capture-connection-note')).toHaveAttribute(
      'data-code',
      'time-not-a-date',
    );

    await drawAndStep(page, 1);
    await expect(
      page.getByTestId('capture-notes').locator('[data-code="time-not-a-date"]'),
    ).toContainText('timed from the first');
    await drawAndStep(page, 0);
    expect(errors).toEqual([]);
  });

  test('65,536 interface blocks: progress moves (or the file is read at once), the lesson steps', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openPage(page);
    await blur(page);
    // Every frame while the file is read: the values the progress bar showed.
    await page.evaluate(() => {
      const record = { values: [] as number[], max: 0 };
      (window as unknown as { __progress: typeof record }).__progress = record;
      const tick = () => {
        const bar = document.querySelector('[data-testid="capture-progress"]');
        if (bar?.closest('[data-phase]')?.getAttribute('data-phase') === 'parsing') {
          record.values.push(Number(bar.getAttribute('value')));
          record.max = Number(bar.getAttribute('max'));
        }
        if (!document.querySelector('[data-testid="capture-summary"]')) {
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
    });
    const file = Buffer.from(manyInterfaces(65536));
    await page.getByTestId('open-capture').setInputFiles({
      name: 'interfaces.pcapng',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    // The lesson steps while the file is read.
    await snapshot(page, `1 / ${total}`, 'step-forward');
    await expect(page.getByTestId('capture-summary')).toContainText('TCP connections: 0');
    const record = await page.evaluate(
      () => (window as unknown as { __progress: { values: number[]; max: number } }).__progress,
    );
    // Either the bar moved while the worker read, or the reading was over in a frame or two.
    const moved = record.values.some((v) => v > 0 && v < record.max);
    expect(moved || record.values.length <= 2, JSON.stringify(record.values.slice(0, 40))).toBe(
      true,
    );
    expect(record.values).toEqual([...record.values].sort((a, b) => a - b));
    await stepOnce(page);
    await expect(counterOf(page)).toHaveText(`2 / ${total}`);
    expect(errors).toEqual([]);
  });

  test('Cancel stops a big file at once: its worker ends, the panel says so, the lesson steps', async ({
    page,
  }, testInfo) => {
    test.slow();
    const errors = watchErrors(page);
    const total = await openPage(page);
    await blur(page);
    // Two million interface blocks (38 MB): seconds of reading, reported as the bytes go by.
    const path = testInfo.outputPath('slow.pcapng');
    await writeFile(path, manyInterfaces(2_000_000));
    testCleanups.push(() => rm(path, { force: true }));
    const captureWorkers: Worker[] = [];
    const ended: Worker[] = [];
    page.on('worker', (worker) => {
      if (!worker.url().includes('capture')) return;
      captureWorkers.push(worker);
      worker.on('close', () => ended.push(worker));
    });
    // Cancel from the page as soon as the bar shows the worker under way, before it can finish.
    await page.evaluate(() => {
      const record = { cancelledAt: -1, max: 0 };
      (window as unknown as { __cancel: typeof record }).__cancel = record;
      const tick = () => {
        const bar = document.querySelector('[data-testid="capture-progress"]');
        const value = Number(bar?.getAttribute('value') ?? 0);
        const max = Number(bar?.getAttribute('max') ?? 0);
        if (bar && value > 0 && value < max) {
          record.cancelledAt = value;
          record.max = max;
          (document.querySelector('[data-testid="capture-cancel"]') as HTMLElement).click();
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('open-capture').setInputFiles(path);
    await expect(page.getByTestId('capture-cancelled')).toHaveText(
      'Stopped reading slow.pcapng; what was shown before stays.',
    );
    const record = await page.evaluate(
      () => (window as unknown as { __cancel: { cancelledAt: number; max: number } }).__cancel,
    );
    expect(record.cancelledAt).toBeGreaterThan(0);
    expect(record.cancelledAt).toBeLessThan(record.max);
    await expect(page.getByTestId('capture-progress')).toHaveCount(0);
    await expect(page.getByTestId('capture-cancel')).toHaveCount(0);
    // Its worker was terminated mid-read.
    await expect.poll(() => ended.length).toBe(1);
    expect(captureWorkers).toHaveLength(1);
    // The lesson shown is still the lesson, and steps.
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
    await snapshot(page, `1 / ${total}`, 'step-forward');
    await expect(page.getByTestId('capture-summary')).toHaveCount(0);
    await expect(page.getByTestId('error')).toHaveCount(0);

    // The next file gets a new worker, and the line goes.
    await page.getByTestId('open-capture').setInputFiles(kernelCapturePath('half-close'));
    await expect(page.getByTestId('capture-connection')).toHaveCount(1);
    await expect(page.getByTestId('capture-cancelled')).toHaveCount(0);
    expect(captureWorkers).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
