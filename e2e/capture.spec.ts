// Captures: the real Linux loopback captures (src/testing/kernel/captures) opened through the header's
// file input (`open-capture`) or dropped on the page, each drawn with the segments and the states the
// kernel reported (its JSON); files that are not captures, or are cut short, reported with the byte
// where they stopped making sense while the lesson keeps working; a big file read in the worker with
// progress while the page stays responsive; and any run saved as a .pcap.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  KERNEL_CAPTURES,
  kernelCaptureExpectation as kernelCapture,
  kernelCapturePath as capturePath,
  type KernelCaptureExpectation,
} from '../src/testing/kernelCaptures';
import { seriousViolations } from './helpers/axe';
import { download } from './helpers/exports';
import {
  blur,
  counterOf,
  openLab,
  readCounter,
  scrubToEnd,
  snapshot,
  watchErrors,
} from './helpers/page';

/** Opens the page and waits for the header's file input (it comes after the first diagram). */
async function openPage(page: Page, query = 'lang=en'): Promise<number> {
  const total = await openLab(page, query);
  await expect(page.getByTestId('open-capture')).toBeAttached();
  return total;
}

/** The segments drawn, as the kernel's JSON lists them (a SYN's absent ack is the packet's 0). */
async function drawnSegments(page: Page) {
  const shown = await snapshot(page);
  return shown.segments.map(({ from, flags, seq, ack, len }) => ({ from, flags, seq, ack, len }));
}

function expectedSegments(kernel: KernelCaptureExpectation) {
  return kernel.segments.map((s) => ({
    from: s.from,
    flags: s.flags.join(','),
    seq: String(s.seq),
    ack: String(s.ack ?? 0),
    len: String(s.len),
  }));
}

/** Files a test wrote that go when it ends, passed or failed. */
const testCleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  await Promise.all(testCleanups.splice(0).map((cleanup) => cleanup()));
});

test.describe('captures', () => {
  for (const name of KERNEL_CAPTURES) {
    test(`${name}: opened from the file input, drawn as the kernel sent it`, async ({ page }) => {
      const errors = watchErrors(page);
      const kernel = kernelCapture(name);
      await openPage(page);
      await page.getByTestId('open-capture').setInputFiles(capturePath(name));
      const entries = page.getByTestId('capture-connection');
      await expect(entries).toHaveCount(1);
      await expect(entries.first()).toContainText(
        `:${kernel.client_port} → 127.0.0.1:${kernel.server_port}`,
      );
      await expect(entries.first()).toContainText(`packets: ${kernel.segments.length}`);
      await entries.first().click();
      await expect(entries.first()).toHaveAttribute('aria-current', 'true');
      await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
      await expect(page.getByTestId('capture-inferred')).toContainText('inferred');
      await expect(page.getByTestId('lifeline-client')).toBeAttached();

      // Step to the end with the button: every step draws, the last shows the kernel's states.
      const { total } = await readCounter(page);
      await page.getByTestId('reset').click();
      await expect(counterOf(page)).toHaveText(`0 / ${total}`);
      for (let step = 1; step <= total; step++) {
        await snapshot(page, `${step} / ${total}`, 'step-forward');
      }
      const last = kernel.steps.at(-1)?.states;
      await expect(page.getByTestId('state-client')).toHaveAttribute(
        'data-state',
        last?.client ?? '',
      );
      await expect(page.getByTestId('state-server')).toHaveAttribute(
        'data-state',
        last?.server ?? '',
      );
      expect(await drawnSegments(page)).toEqual(expectedSegments(kernel));
      expect(errors).toEqual([]);
    });
  }

  test('a connection from a capture names its own endpoints, and a lesson can be picked again', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openPage(page);
    await page.getByTestId('open-capture').setInputFiles(capturePath('half-close'));
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    const addresses = page.getByTestId('diagram').locator('.dg-end-addr');
    await expect(addresses).toHaveText(['127.0.0.1:40000', '127.0.0.1:8080']);
    // Nothing can be re-run: the knobs that would are gone, the inspector still opens.
    await expect(page.getByTestId('numbering-absolute')).toBeVisible();
    await expect(page.getByTestId('loss-rate')).toHaveCount(0);
    await expect(page.getByTestId('drop-final-ack')).toHaveCount(0);
    await expect(page.getByTestId('share')).toHaveCount(0);
    await scrubToEnd(page);
    await page.getByTestId('segment').first().click();
    await expect(page.getByTestId('inspector-rel-seq')).toBeVisible();

    // The panel, the note and the list pass axe, in both themes.
    await expect(page.getByTestId('capture-note')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('theme-select').selectOption('dark');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('lesson-select').selectOption('lost-syn');
    await expect(page.getByTestId('lesson-select')).toHaveValue('lost-syn');
    await expect(page.getByTestId('capture-note')).toHaveCount(0);
    await expect(page.getByTestId('loss-rate')).toBeVisible();
    await expect(addresses.first()).toHaveText(/^192\.0\.2\.1:/);
    // The file stays open: its connection can be drawn again.
    await page.getByTestId('capture-connection').click();
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    expect(errors).toEqual([]);
  });

  test('a file that is not a capture, or is cut short, says where; the lesson keeps working', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openPage(page);
    const input = page.getByTestId('open-capture');
    await input.setInputFiles({
      name: 'notes.pcap',
      mimeType: 'text/plain',
      buffer: Buffer.from('These are my lecture notes, not a capture.\n'),
    });
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-kind', 'file');
    await expect(error).toContainText('notes.pcap');
    await expect(error).toContainText(/not a pcap or pcapng file .* at byte 0/);
    await expect(page.getByTestId('capture-connection')).toHaveCount(0);
    // The lesson is still there and steps.
    await expect(page.getByTestId('lesson-select')).toHaveValue('client-closes-first');
    await blur(page);
    await snapshot(page, `1 / ${total}`, 'step-forward');

    // Cut inside the file's header: nothing can be read.
    const whole = await readFile(capturePath('normal-client-close'));
    await input.setInputFiles({
      name: 'cut.pcap',
      mimeType: 'application/vnd.tcpdump.pcap',
      buffer: whole.subarray(0, 20),
    });
    await expect(error).toContainText('cut.pcap');
    await expect(error).toContainText(/at byte 20/);
    await snapshot(page, `2 / ${total}`, 'step-forward');

    // Cut inside its last packet: what came before is drawn, and the page says where it ended.
    await input.setInputFiles({
      name: 'cut-late.pcap',
      mimeType: 'application/vnd.tcpdump.pcap',
      buffer: whole.subarray(0, whole.length - 10),
    });
    await expect(page.getByTestId('capture-warnings')).toContainText(/at byte \d+/);
    await expect(page.getByTestId('capture-connection')).toHaveCount(1);
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a file dropped anywhere on the page opens it', async ({ page }) => {
    const errors = watchErrors(page);
    await openPage(page);
    const bytes = [...(await readFile(capturePath('simultaneous-close')))];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'dropped.pcap'));
      return dt;
    }, bytes);
    const target = page.getByTestId('diagram');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(page.getByTestId('capture-drop')).toBeVisible();
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('capture-drop')).toHaveCount(0);
    await expect(page.getByTestId('capture-connection')).toHaveCount(1);
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    await expect(page.getByRole('heading', { name: /dropped\.pcap/ }).first()).toBeVisible();
    await scrubToEnd(page);
    await expect(page.getByTestId('state-client')).toHaveAttribute('data-state', 'TIME_WAIT');
    await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'TIME_WAIT');
    expect(errors).toEqual([]);
  });

  test('a 50 MB file is read in the worker: progress is shown and the page keeps answering', async ({
    page,
  }, testInfo) => {
    test.slow();
    const errors = watchErrors(page);
    // The shared capture's connection again and again, each copy one second after the last and
    // from another client port (Ethernet + a 20-byte IPv4 header: the TCP ports are at 34 and 36).
    const base = await readFile(capturePath('normal-client-close'));
    const header = base.subarray(0, 24);
    const records = base.subarray(24);
    const copies = Math.ceil((50 * 1024 * 1024) / records.length);
    const big = Buffer.alloc(24 + copies * records.length);
    header.copy(big, 0);
    for (let k = 0; k < copies; k++) {
      const at = 24 + k * records.length;
      records.copy(big, at);
      const port = 1024 + (k % 60_000);
      for (let offset = at; offset < at + records.length;) {
        big.writeUInt32LE(big.readUInt32LE(offset) + k, offset); // seconds
        const tcp = offset + 16 + 34;
        big.writeUInt16BE(port, big.readUInt16BE(tcp) === 40000 ? tcp : tcp + 2);
        offset += 16 + big.readUInt32LE(offset + 8); // record header + captured bytes
      }
    }
    const path = testInfo.outputPath('big.pcap');
    await writeFile(path, big);
    // 50 MB is not worth keeping once the test is over, whatever its outcome.
    testCleanups.push(() => rm(path, { force: true }));

    const total = await openPage(page);
    await blur(page);
    // Watches every frame while the file is parsed: the values the progress bar showed, and a
    // step pressed once the worker has reported progress (the page must answer it at once).
    await page.evaluate(() => {
      const record = { values: [] as number[], max: 0, stepped: '', answered: '' };
      (window as unknown as { __capture: typeof record }).__capture = record;
      const tick = () => {
        const bar = document.querySelector('[data-testid="capture-progress"]');
        const phase = bar?.closest('[data-phase]')?.getAttribute('data-phase');
        if (bar && phase === 'parsing') {
          const value = Number(bar.getAttribute('value'));
          record.values.push(value);
          record.max = Number(bar.getAttribute('max'));
          if (value > 0 && !record.stepped) {
            const counter = () => document.querySelector('[data-testid="step-counter"]');
            record.stepped = counter()?.textContent ?? '';
            (document.querySelector('[data-testid="step-forward"]') as HTMLElement).click();
            // Still parsing (the bar is up) when the step shows.
            void Promise.resolve().then(() => {
              if (document.querySelector('[data-testid="capture-progress"]')) {
                record.answered = counter()?.textContent ?? '';
              }
            });
          }
        }
        if (!document.querySelector('[data-testid="capture-connection"]')) {
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('open-capture').setInputFiles(path);
    await expect(page.getByTestId('capture-connection').first()).toBeVisible({ timeout: 120_000 });
    const record = await page.evaluate(
      () =>
        (
          window as unknown as {
            __capture: { values: number[]; max: number; stepped: string; answered: string };
          }
        ).__capture,
    );
    expect(record.max).toBe(big.length);
    // The bar moved while the worker parsed: the page painted between its reports.
    expect(record.values.some((v) => v > 0 && v < record.max)).toBe(true);
    expect(record.stepped).toBe(`0 / ${total}`);
    expect(record.answered).toBe(`1 / ${total}`);
    // A page of connections, with more on demand.
    const summary = (await page.getByTestId('capture-summary').textContent()) ?? '';
    const listedPackets = Number(/Packets: ([\d,]+)/.exec(summary)?.[1]?.replace(/,/g, ''));
    const connections = Number(/TCP connections: ([\d,]+)/.exec(summary)?.[1]?.replace(/,/g, ''));
    expect(listedPackets % copies).toBe(0);
    expect(connections).toBeGreaterThanOrEqual(copies);
    await expect(page.getByTestId('capture-connection')).toHaveCount(100);
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await expect(page.getByTestId('capture-connection')).toHaveCount(200);
    await page.getByTestId('capture-connection').nth(150).click();
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    await expect(page.getByTestId('diagram').locator('.dg-end-addr').first()).toHaveText(
      '127.0.0.1:1174',
    );
    expect(errors).toEqual([]);
  });

  test('Save as .pcap downloads a capture of the run shown', async ({ page }) => {
    const errors = watchErrors(page);
    await openPage(page);
    const shown = await download(page, 'pcap');
    expect(shown.name).toBe('handshake-lab-client-closes-first.pcap');
    // libpcap's magic number, little-endian.
    expect([...shown.bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);

    // A capture opened here saves as one too.
    await page.getByTestId('open-capture').setInputFiles(capturePath('normal-server-close'));
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    const saved = await download(page, 'pcap');
    expect(saved.name).toBe('handshake-lab-capture.pcap');
    expect([...saved.bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
    expect(errors).toEqual([]);
  });

  test('an opened capture’s options show in the inspector, and its windows scaled as Wireshark does', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openPage(page);
    await page.getByTestId('open-capture').setInputFiles(capturePath('half-close'));
    await expect(page.getByTestId('lesson-select')).toHaveValue('capture');
    await scrubToEnd(page);
    await blur(page);

    // The SYN as the kernel sent it on loopback: MSS 65495, window scale 10 (tshark reads the same).
    await page.locator('[data-testid=segment][data-id="1"]').click();
    const inspector = page.getByTestId('segment-inspector');
    await expect(inspector).toHaveAttribute('data-id', '1');
    const options = inspector.getByTestId('inspector-option');
    await expect(options).toHaveCount(4);
    await expect(options.nth(0)).toContainText('MSS 65495 bytes');
    await expect(options.nth(1)).toContainText('SACK permitted');
    await expect(options.nth(2)).toContainText('Timestamps: TSval 68106037, TSecr 0');
    await expect(options.nth(3)).toContainText('Window scale ×1024 (shift 10)');
    await expect(inspector.getByTestId('inspector-data-offset')).toHaveText('10');
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);

    // The ACK that ends the handshake: its field 64, which Wireshark calls a window of 65536.
    await page.locator('[data-testid=segment][data-id="3"]').click();
    await expect(inspector).toHaveAttribute('data-id', '3');
    await expect(inspector.getByTestId('inspector-window')).toHaveText('64 (× 1024 = 65536 bytes)');
    await expect(inspector.getByTestId('inspector-option')).toHaveText(
      /Timestamps: TSval 68106037, TSecr 3329392491/,
    );
    await expect(inspector.getByTestId('inspector-data-offset')).toHaveText('8');
    expect(errors).toEqual([]);
  });

  test('a linux lesson saved as .pcap carries its handshake’s options', async ({ page }) => {
    await openPage(page, 'lesson=delayed-ack-close&lang=en');
    const { bytes } = await download(page, 'pcap');
    // The first record: 24 bytes of file header, 16 of record header, 14 Ethernet, 20 IPv4.
    const tcp = bytes.subarray(24 + 16 + 14 + 20);
    expect(tcp[13], 'the SYN').toBe(0x02);
    expect(tcp[12]! >> 4, 'data offset: 10 words').toBe(10);
    // MSS 1460, SACK-permitted and timestamps in one word, and NOP + window scale 7 at the end.
    expect([...tcp.subarray(20, 28)]).toEqual([2, 4, 0x05, 0xb4, 4, 2, 8, 10]);
    expect([...tcp.subarray(36, 40)]).toEqual([1, 3, 3, 7]);
  });

  test('in Chinese, the page says in Chinese what a capture cannot show', async ({ page }) => {
    await openPage(page, 'lang=zh');
    await page.getByTestId('open-capture').setInputFiles(capturePath('lost-final-ack'));
    await expect(page.getByTestId('capture-inferred')).toContainText(/\p{Script=Han}/u);
    await expect(page.getByTestId('capture-notes')).toContainText('再次发送');
  });
});
