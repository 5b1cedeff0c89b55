// Capture times that no date holds: a pcapng interface whose time resolution is whole seconds under
// a high timestamp word, or whose time offset is ±2^62 s. The reader flags them where it reads
// them, the connection says what its times are, and nothing on the way throws.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCaptureService } from '../worker/captureService';
import { findConnections } from './connections';
import { isDateMs, isExactTime, MAX_DATE_MS } from './dates';
import { captureRun } from './infer';
import { parseCapture } from './parse';
import type { CaptureFile } from './types';
import { kernelCapturePath } from '../testing/kernelCaptures';
import {
  connectionsOnInterfaces,
  microseconds,
  pcapFrames,
  type StampedInterface,
} from '../testing/pcapng';

/** At least 1,000; PROPERTY_RUNS=50000 npx vitest run … searches deeper. */
const NUM_RUNS = Math.max(1000, Number(process.env.PROPERTY_RUNS ?? 0) || 0);

/** The handshake of a real loopback connection (client port 40000): three Ethernet frames. */
const capture = pcapFrames(readFileSync(kernelCapturePath('normal-client-close')));
const handshake = { linkType: capture.linkType, frames: capture.frames.slice(0, 3) };
const CLIENT_PORT = 40000;

/** The handshake recorded on a good interface (port 40000) and on `bad` (port 40001). */
function twoConnections(bad: StampedInterface): Uint8Array<ArrayBuffer> {
  return connectionsOnInterfaces(handshake, CLIENT_PORT, [
    { clientPort: CLIENT_PORT, stamp: microseconds },
    { ...bad, clientPort: CLIENT_PORT + 1 },
  ]);
}

/** Whole seconds (if_tsresol 0), one second apart, from `first`. */
const secondsFrom =
  (first: bigint) =>
  (_frame: unknown, i: number): bigint =>
    first + BigInt(i);

const BAD_INTERFACES: [string, StampedInterface, 'relative' | 'unusable'][] = [
  [
    'if_tsresol 0 under a high word of 2^20 (2^52 s: exact, no date)',
    { resolution: 0, stamp: secondsFrom(1n << 52n) },
    'relative',
  ],
  [
    'if_tsresol 0 under a high word of 0xffffffff (past 2^53 s)',
    { resolution: 0, stamp: secondsFrom(0xffffffff_00000000n) },
    'unusable',
  ],
  ['if_tsoffset 2^62', { offsetSec: 1n << 62n, stamp: microseconds }, 'unusable'],
  ['if_tsoffset -2^62', { offsetSec: -(1n << 62n), stamp: microseconds }, 'unusable'],
];

describe('capture times that no date holds', () => {
  it('is a file as small as the review found', () => {
    const [, bad] = BAD_INTERFACES[2] ?? [];
    expect(bad && twoConnections(bad).length).toBeLessThan(800);
  });

  describe.each(BAD_INTERFACES)('%s', (_name, bad, times) => {
    const bytes = twoConnections(bad);

    it('flags every time that is no date or not exact, where it reads them', () => {
      const file = parseCapture(bytes);
      expect(file.segments).toHaveLength(6);
      const good = file.segments.filter((s) => s.iface === 0);
      const flagged = file.segments.filter((s) => s.iface === 1);
      for (const seg of good) {
        expect(isDateMs(seg.timeMs)).toBe(true);
        expect(seg.notADate).toBeUndefined();
        expect(seg.inexactTime).toBeUndefined();
      }
      for (const seg of flagged) {
        expect(isDateMs(seg.timeMs)).toBe(false);
        expect(seg.notADate).toBe(true);
        expect(seg.inexactTime).toBe(times === 'unusable' ? true : undefined);
      }
    });

    it('lists both connections, the bad one with a note instead of a date', () => {
      const service = createCaptureService();
      const opened = service.open(bytes.slice().buffer);
      // In the order they started: an offset of -2^62 s puts the bad one first.
      const byPort = (port: number) => opened.connections.find((c) => c.client.port === port);
      const first = byPort(CLIENT_PORT);
      const second = byPort(CLIENT_PORT + 1);
      expect(opened.connections).toHaveLength(2);
      expect(first).toMatchObject({ client: { port: CLIENT_PORT }, times: 'dated', notes: [] });
      expect(isDateMs(first?.startMs ?? NaN)).toBe(true);
      expect(second).toMatchObject({ client: { port: CLIENT_PORT + 1 }, times });
      expect(second?.notes.map((note) => note.code)).toEqual([
        times === 'relative' ? 'time-not-a-date' : 'time-unusable',
      ]);

      // The good one draws as it would alone.
      const good = service.connection(opened.captureId, first?.id ?? -1);
      expect(good.run.final).toMatchObject({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
      expect(good.notes.map((note) => note.code)).not.toContain('time-not-a-date');
      const sends = good.run.events.filter((e) => e.type === 'send').map((e) => e.t);
      expect(sends).toEqual([0, 0.013, 0.026]);

      if (times === 'relative') {
        // Its times from the first packet are exact: drawn, one second apart, with its note.
        const relative = service.connection(opened.captureId, second?.id ?? -1);
        expect(relative.notes[0]?.code).toBe('time-not-a-date');
        const at = relative.run.events.filter((e) => e.type === 'send').map((e) => e.t);
        expect(at).toEqual([0, 1000, 2000]);
        expect(relative.run.final).toMatchObject({ client: 'ESTABLISHED' });
      } else {
        expect(() => service.connection(opened.captureId, second?.id ?? -1)).toThrow(
          /too large to be exact; it cannot be drawn$/,
        );
      }
    });
  });

  it('a date holds exactly ±8.64e15 ms', () => {
    expect(isDateMs(MAX_DATE_MS)).toBe(true);
    expect(isDateMs(-MAX_DATE_MS)).toBe(true);
    expect(isDateMs(MAX_DATE_MS + 1)).toBe(false);
    expect(isDateMs(Number.NaN)).toBe(false);
    expect(() => new Date(MAX_DATE_MS).toISOString()).not.toThrow();
    expect(() => new Date(MAX_DATE_MS + 1).toISOString()).toThrow(RangeError);
    expect(isExactTime(2 ** 53 - 1, 0)).toBe(true);
    expect(isExactTime(2 ** 53, 0)).toBe(false);
  });
});

/** A 64-bit word's halves as the property draws them. */
const word32 = fc.integer({ min: 0, max: 0xffffffff });

/** Every time the reader reports is a date or flagged, exact or flagged; nothing throws. */
function checkTimes(file: CaptureFile): void {
  for (const seg of file.segments) {
    expect(Number.isFinite(seg.timeMs)).toBe(true);
    expect(isDateMs(seg.timeMs) || seg.notADate === true).toBe(true);
    expect(isExactTime(seg.timeSec ?? NaN, seg.timeNs ?? NaN) || seg.inexactTime === true).toBe(
      true,
    );
  }
  for (const connection of findConnections(file)) {
    if (connection.times === 'dated') {
      expect(isDateMs(connection.startMs) && isDateMs(connection.endMs)).toBe(true);
    }
    if (connection.times === 'unusable') continue;
    const { run } = captureRun(file, connection);
    for (const event of run.events) expect(Number.isFinite(event.t)).toBe(true);
  }
}

describe('any time resolution, offset and timestamp', () => {
  it('the reader never throws, and every time it reports is a date or flagged', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
        fc.option(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), { nil: undefined }),
        fc.array(fc.tuple(word32, word32), { minLength: 1, maxLength: 3 }),
        (resolution, offsetSec, words) => {
          const stamps = words.map(([high, low]) => (BigInt(high) << 32n) | BigInt(low));
          const bytes = twoConnections({
            ...(resolution === undefined ? {} : { resolution }),
            ...(offsetSec === undefined ? {} : { offsetSec }),
            stamp: (_frame, i) => stamps[i % stamps.length] ?? 0n,
          });
          checkTimes(parseCapture(bytes));
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // A file built, read and drawn a thousand times: seconds on a busy machine.
  }, 60_000);
});
