import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from './core';
import { formatDuration, formatNumber } from './format';

beforeAll(async () => {
  await loadLocale('zh-CN');
});

const en = (ms: number) => formatDuration(ms, 'en');
const zh = (ms: number) => formatDuration(ms, 'zh-CN');

/** An English duration back to milliseconds (the inverse the properties check against). */
function parseEnglish(text: string): number {
  const factor: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, n = '', u = ''] of text.matchAll(/(\d+(?:\.\d+)?) (ms|s|min|h)\b/g)) {
    total += Number(n) * (factor[u] ?? NaN);
  }
  return total;
}

describe('formatDuration', () => {
  it('writes milliseconds below 1 s, to the microsecond', () => {
    expect(en(0)).toBe('0 ms');
    expect(en(40)).toBe('40 ms');
    expect(en(151)).toBe('151 ms');
    expect(en(0.013)).toBe('0.013 ms');
    expect(en(0.0004)).toBe('0 ms');
    expect(en(999.999)).toBe('999.999 ms');
  });

  it('writes seconds from 1 s to 1 h, to the millisecond', () => {
    expect(en(999.9996)).toBe('1 s');
    expect(en(1000)).toBe('1 s');
    expect(en(1151)).toBe('1.151 s');
    expect(en(1500)).toBe('1.5 s');
    expect(en(6000)).toBe('6 s');
    expect(en(90_000)).toBe('90 s');
    expect(en(240_000)).toBe('240 s');
    expect(en(240_200)).toBe('240.2 s');
    expect(en(240_201)).toBe('240.201 s');
    expect(en(3_599_999)).toBe('3599.999 s');
  });

  it('writes hours, minutes and seconds from 1 h, leaving zero parts out', () => {
    expect(en(3_599_999.6)).toBe('1 h');
    expect(en(3_600_000)).toBe('1 h');
    expect(en(5_400_000)).toBe('1 h 30 min');
    expect(en(7_200_500)).toBe('2 h 0.5 s');
    expect(en(7_261_001)).toBe('2 h 1 min 1.001 s');
  });

  it('keeps a sign, and says what a non-number is rather than inventing one', () => {
    expect(en(-1500)).toBe('-1.5 s');
    expect(en(Number.POSITIVE_INFINITY)).toBe('∞ ms');
    expect(en(Number.NaN)).toBe('NaN ms');
  });

  it('speaks Chinese with the Chinese units', () => {
    expect(zh(40)).toBe('40 毫秒');
    expect(zh(1500)).toBe('1.5 秒');
    expect(zh(90_000)).toBe('90 秒');
    expect(zh(5_400_000)).toBe('1 小时 30 分钟');
  });

  it('reads back as the time it was given (so distinct times never read the same)', () => {
    // Whole milliseconds (the engine's clock) and microseconds below a second (captures).
    const time = fc.oneof(
      fc.integer({ min: 0, max: 100 * 3_600_000 }),
      fc.integer({ min: 0, max: 999_999 }).map((us) => us / 1000),
    );
    fc.assert(
      fc.property(time, (ms) => {
        expect(parseEnglish(en(ms))).toBeCloseTo(ms, 6);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps distinct whole-millisecond times distinct in every locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * 3_600_000 }),
        fc.integer({ min: 1, max: 10 * 3_600_000 }),
        (a, gap) => {
          expect(en(a + gap)).not.toBe(en(a));
          expect(zh(a + gap)).not.toBe(zh(a));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatNumber', () => {
  const intl = (locale: 'en' | 'zh-CN') =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false });

  it('writes every number as Intl.NumberFormat does in both locales', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: 0, max: 1e7, noNaN: true }),
      // Halves at the fourth decimal, where rounding is decided.
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n * 10 + 5) / 10_000),
      fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatNumber(n, 'en')).toBe(intl('en').format(n));
        expect(formatNumber(n, 'zh-CN')).toBe(intl('zh-CN').format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds the fourth decimal half away from zero', () => {
    expect(formatNumber(0.0005, 'en')).toBe('0.001');
    expect(formatNumber(1.9995, 'en')).toBe('2');
    expect(formatNumber(151.0004, 'en')).toBe('151');
    expect(formatNumber(1e21, 'en')).toBe(intl('en').format(1e21));
  });
});
