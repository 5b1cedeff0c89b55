// The segment inspector: clicking a delivered segment opens `segment-inspector` with every TCP
// header field and the header bytes in hex (20 fixed ones, then the options); the bytes are checked
// against the engine's segment and an independent checksum over the IPv4 pseudo-header. Escape
// closes it and focus returns to the segment. A linux lesson's SYN lists its options and a data
// offset of 10 words (40 bytes).
import { expect, test, type Page } from '@playwright/test';
import { inspector as enInspector } from '../src/i18n/locales/en/inspector';
import type { SendEvent, TcpOption } from '../src/engine/types';
import { expectRun, lessonScenario, sendsOf } from './helpers/engine';
import { blur, counterOf, openLab, snapshot, watchErrors } from './helpers/page';

const FLAG_BITS: Record<string, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };

/**
 * The options' bytes as Linux writes them (tcp_options_write(): each option ends on a 32-bit word,
 * NOPs before it; SACK-permitted shares the timestamps' word), for the options the engine sends.
 */
function optionBytes(options: readonly TcpOption[] = []): number[] {
  const out: number[] = [];
  const u32 = (n: number) => out.push(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  options.forEach((option, i) => {
    if (option.kind === 'mss') out.push(2, 4, option.value >>> 8, option.value & 0xff);
    if (option.kind === 'sackPermitted') {
      out.push(...(options[i + 1]?.kind === 'timestamps' ? [4, 2] : [1, 1, 4, 2]));
    }
    if (option.kind === 'timestamps') {
      if (options[i - 1]?.kind !== 'sackPermitted') out.push(1, 1);
      out.push(8, 10);
      u32(option.tsval);
      u32(option.tsecr);
    }
    if (option.kind === 'windowScale') out.push(1, 3, 3, option.shift);
  });
  return out;
}

/** The header bytes of a segment, built here from the RFC 9293 layout. */
function headerHex(seg: SendEvent, ports: Record<string, number>, ips: Record<string, string>) {
  const to = seg.who === 'client' ? 'server' : 'client';
  const bytes: number[] = [];
  const u16 = (n: number) => bytes.push((n >>> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => {
    u16(Math.floor(n / 0x10000) & 0xffff);
    u16(n & 0xffff);
  };
  const options = optionBytes(seg.options);
  const headerLength = 20 + options.length;
  u16(ports[seg.who] ?? 0);
  u16(ports[to] ?? 0);
  u32(seg.seq);
  u32(seg.ack);
  bytes.push(
    (headerLength / 4) << 4,
    seg.flags.reduce((sum, f) => sum | (FLAG_BITS[f] ?? 0), 0),
  );
  u16(seg.window);
  u16(0); // checksum, filled in below
  u16(0); // urgent pointer
  bytes.push(...options);
  // Ones' complement sum: pseudo-header (source, destination, zero, protocol 6, TCP length), the
  // header, and `len` zero bytes of data (which add nothing).
  const ip = (a: string) => a.split('.').map(Number);
  const words: number[] = [];
  const pseudo = [...ip(ips[seg.who] ?? ''), ...ip(ips[to] ?? ''), 0, 6];
  for (let i = 0; i < pseudo.length; i += 2)
    words.push(((pseudo[i] ?? 0) << 8) | (pseudo[i + 1] ?? 0));
  words.push((headerLength + seg.len) & 0xffff, Math.floor((headerLength + seg.len) / 0x10000));
  for (let i = 0; i < bytes.length; i += 2)
    words.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let sum = words.reduce((a, b) => a + b, 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const checksum = ~sum & 0xffff;
  bytes[16] = checksum >>> 8;
  bytes[17] = checksum & 0xff;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The address and port of each side, as the page labels its lifelines ("192.0.2.1:40000"). */
async function endpoints(page: Page) {
  const text = (await page.getByTestId('diagram').textContent()) ?? '';
  const found = [...text.matchAll(/(\d+\.\d+\.\d+\.\d+):(\d+)/g)];
  expect(found.length, 'both lifelines are labelled address:port').toBeGreaterThanOrEqual(2);
  const [client, server] = found;
  return {
    ips: { client: client?.[1] ?? '', server: server?.[1] ?? '' },
    ports: { client: Number(client?.[2]), server: Number(server?.[2]) },
  };
}

test.describe('segment inspector', () => {
  test('click a delivered segment: header fields and its bytes in hex; Escape closes, focus returns', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const run = expectRun(lessonScenario('client-closes-first'));
    const synAck = sendsOf(run.trace, 'server').find((e) => e.flags.includes('SYN'));
    if (!synAck) throw new Error('no SYN+ACK');
    const total = await openLab(page, 'lesson=client-closes-first&lang=en');
    await blur(page);
    const arrow = page.locator(`[data-testid=segment][data-id="${synAck.id}"]`);
    for (let k = 1; k <= total; k++) {
      await page.keyboard.press('ArrowRight');
      await expect(counterOf(page)).toHaveText(`${k} / ${total}`);
      const shot = await snapshot(page);
      if (shot.segments.find((seg) => seg.id === String(synAck.id))?.fate === 'delivered') break;
    }
    await expect(arrow).toHaveAttribute('data-fate', 'delivered');
    const stepShown = await counterOf(page).textContent();

    await arrow.click();
    const inspector = page.getByTestId('segment-inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector).toHaveAttribute('data-id', String(synAck.id));
    // Focus moves into the dialog.
    expect(
      await page.evaluate(() =>
        Boolean(document.activeElement?.closest('[data-testid="segment-inspector"]')),
      ),
      'focus is in the inspector',
    ).toBe(true);

    // Every header field, by its row, with the engine's values.
    const { ips, ports } = await endpoints(page);
    const row = (key: string) => inspector.locator(`tr[data-field="${key}"]`);
    for (const key of Object.keys(enInspector.fields)) {
      await expect(row(key), `the ${key} row`).toBeVisible();
      await expect(row(key)).toContainText(
        enInspector.fields[key as keyof typeof enInspector.fields],
      );
    }
    await expect(row('srcPort')).toContainText(String(ports.server));
    await expect(row('dstPort')).toContainText(String(ports.client));
    await expect(row('seq')).toContainText(String(synAck.seq));
    await expect(row('ack')).toContainText(String(synAck.ack));
    await expect(row('window')).toContainText(String(synAck.window));
    await expect(row('flags')).toContainText('SYN');
    await expect(row('flags')).toContainText('ACK');

    // The header bytes (20, and its options'), as shown and as computed here.
    const hexTable = page.getByTestId('segment-header-hex');
    const dataHex = ((await hexTable.getAttribute('data-hex')) ?? '')
      .replace(/\s/g, '')
      .toLowerCase();
    const length = 20 + optionBytes(synAck.options).length;
    expect(dataHex, `${length} bytes = ${2 * length} hex digits`).toMatch(
      new RegExp(`^[0-9a-f]{${2 * length}}$`),
    );
    expect(dataHex).toBe(headerHex(synAck, ports, ips));
    const cells = await hexTable.locator('code').allTextContents();
    expect(cells.join('').replace(/\s/g, '').toLowerCase(), 'the hex as shown').toBe(dataHex);
    await expect(page.getByTestId('inspector-checksum')).toContainText(dataHex.slice(32, 36), {
      ignoreCase: true,
    });

    // Escape closes it; focus returns to the segment; the run did not move.
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);
    await expect(counterOf(page)).toHaveText(stepShown ?? '');
    const back = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        testid: el?.getAttribute('data-testid') ?? el?.tagName ?? null,
        id: el?.getAttribute('data-id') ?? null,
      };
    });
    expect(back, 'focus returns to the segment that opened the inspector').toEqual({
      testid: 'segment',
      id: String(synAck.id),
    });
    expect(errors).toEqual([]);
  });

  test('opened from the keyboard (Enter on a focused segment), Escape returns focus to it', async ({
    page,
  }) => {
    const total = await openLab(page, 'lesson=client-closes-first&lang=en&step=3');
    await expect(counterOf(page)).toHaveText(`3 / ${total}`);
    const delivered = page.locator('[data-testid=segment][data-fate=delivered]').first();
    await delivered.focus();
    const id = await delivered.getAttribute('data-id');
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('segment-inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector).toHaveAttribute('data-id', id ?? '');
    // Keys belong to the dialog: → does not step the run behind it.
    await page.keyboard.press('ArrowRight');
    await expect(counterOf(page)).toHaveText(`3 / ${total}`);
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);
    await expect(delivered, 'focus is back on the segment').toBeFocused();
  });

  test('a linux lesson: the SYN lists its options, the data offset reads 10 words (40 bytes), later windows are scaled', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const run = expectRun(lessonScenario('delayed-ack-close'));
    const syn = sendsOf(run.trace, 'client').find((e) => e.flags.includes('SYN'));
    const data = sendsOf(run.trace, 'client').find((e) => e.len > 0);
    if (!syn || !data) throw new Error('no SYN or data segment');
    const timestamps = syn.options?.find((o) => o.kind === 'timestamps');
    expect(
      syn.options?.map((o) => o.kind),
      'the engine sends Linux options',
    ).toEqual(['mss', 'sackPermitted', 'timestamps', 'windowScale']);

    // The whole run shown (the step is clamped), then the SYN.
    await openLab(page, 'lesson=delayed-ack-close&lang=en&step=9999');
    await page.locator(`[data-testid=segment][data-id="${syn.id}"]`).click();
    const inspector = page.getByTestId('segment-inspector');
    await expect(inspector).toHaveAttribute('data-id', String(syn.id));
    const options = inspector.getByTestId('inspector-option');
    await expect(options).toHaveCount(4);
    const kinds = await options.evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-kind')),
    );
    expect(kinds).toEqual(['mss', 'sackPermitted', 'timestamps', 'windowScale']);
    await expect(options.nth(0)).toContainText('MSS 1460 bytes');
    await expect(options.nth(1)).toContainText('SACK permitted');
    await expect(options.nth(2)).toContainText(
      `Timestamps: TSval ${timestamps?.kind === 'timestamps' ? timestamps.tsval : '?'}, TSecr 0`,
    );
    await expect(options.nth(3)).toContainText('Window scale ×128 (shift 7)');
    await expect(inspector.getByTestId('inspector-data-offset')).toHaveText('10');
    await expect(inspector.locator('tr[data-field="dataOffset"]')).toContainText(
      '10 words = 40 bytes: 20 fixed + 20 of options',
    );
    const hexTable = page.getByTestId('segment-header-hex');
    await expect(hexTable.locator('tr[data-part=options]')).toHaveCount(5);
    const { ips, ports } = await endpoints(page);
    expect(((await hexTable.getAttribute('data-hex')) ?? '').replace(/\s/g, '')).toBe(
      headerHex(syn, ports, ips),
    );
    // A SYN's window is never scaled.
    await expect(inspector.getByTestId('inspector-window')).toHaveText(String(syn.window));
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);

    // A later segment: timestamps alone, and its window field × 2^7.
    await page.locator(`[data-testid=segment][data-id="${data.id}"]`).click();
    await expect(inspector).toHaveAttribute('data-id', String(data.id));
    await expect(inspector.getByTestId('inspector-option')).toHaveCount(1);
    await expect(inspector.getByTestId('inspector-option')).toHaveAttribute(
      'data-kind',
      'timestamps',
    );
    await expect(inspector.getByTestId('inspector-data-offset')).toHaveText('8');
    await expect(inspector.getByTestId('inspector-window')).toHaveText(
      `${data.window} (× 128 = ${data.window * 128} bytes)`,
    );
    expect(errors).toEqual([]);
  });
});
