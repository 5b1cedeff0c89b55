// The segment inspector: clicking a delivered segment opens
// `segment-inspector` with every TCP header field and the 20 header bytes in hex; the bytes are
// checked against the engine's segment and an independent checksum over the IPv4 pseudo-header.
// Escape closes it and focus returns to the segment.
import { expect, test, type Page } from '@playwright/test';
import { inspector as enInspector } from '../src/i18n/locales/en/inspector';
import type { SendEvent } from '../src/engine/types';
import { expectRun, lessonScenario, sendsOf } from './helpers/engine';
import { blur, counterOf, openLab, snapshot, watchErrors } from './helpers/page';

const FLAG_BITS: Record<string, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };

/** The 20 header bytes of a segment, built here from the RFC 9293 layout. */
function headerHex(seg: SendEvent, ports: Record<string, number>, ips: Record<string, string>) {
  const to = seg.who === 'client' ? 'server' : 'client';
  const bytes: number[] = [];
  const u16 = (n: number) => bytes.push((n >>> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => {
    u16(Math.floor(n / 0x10000) & 0xffff);
    u16(n & 0xffff);
  };
  u16(ports[seg.who] ?? 0);
  u16(ports[to] ?? 0);
  u32(seg.seq);
  u32(seg.ack);
  bytes.push(
    5 << 4,
    seg.flags.reduce((sum, f) => sum | (FLAG_BITS[f] ?? 0), 0),
  );
  u16(seg.window);
  u16(0); // checksum, filled in below
  u16(0); // urgent pointer
  // Ones' complement sum: pseudo-header (source, destination, zero, protocol 6, TCP length), the
  // header, and `len` zero bytes of data (which add nothing).
  const ip = (a: string) => a.split('.').map(Number);
  const words: number[] = [];
  const pseudo = [...ip(ips[seg.who] ?? ''), ...ip(ips[to] ?? ''), 0, 6];
  for (let i = 0; i < pseudo.length; i += 2)
    words.push(((pseudo[i] ?? 0) << 8) | (pseudo[i + 1] ?? 0));
  words.push((20 + seg.len) & 0xffff, Math.floor((20 + seg.len) / 0x10000));
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
  test('click a delivered segment: header fields and 20 bytes of hex; Escape closes, focus returns', async ({
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

    // The 20 header bytes: 40 hex digits, as shown and as computed here.
    const hexTable = page.getByTestId('segment-header-hex');
    const dataHex = ((await hexTable.getAttribute('data-hex')) ?? '')
      .replace(/\s/g, '')
      .toLowerCase();
    expect(dataHex, '20 bytes = 40 hex digits').toMatch(/^[0-9a-f]{40}$/);
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
});
