import cjkUnicode from '@fontsource/noto-sans-sc/unicode.json';
import sansUnicode from '@fontsource/noto-sans/unicode.json';
import { describe, expect, it } from 'vitest';
import {
  covers,
  drawnCodePoints,
  familyCoverage,
  parseUnicodeRange,
  pickSubsets,
} from './unicodeRanges';

describe('parseUnicodeRange', () => {
  it('reads single code points, ranges and wildcards, sorted', () => {
    expect(parseUnicodeRange('U+0131, U+0000-00FF,u+4??')).toEqual([
      [0x0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ]);
  });

  it('skips what is not a range', () => {
    expect(parseUnicodeRange('latin, U+, U+00FF-0010, U+1F600-1F64F')).toEqual([
      [0x1f600, 0x1f64f],
    ]);
  });
});

describe('covers', () => {
  const ranges = parseUnicodeRange('U+0000-00FF,U+0131,U+2000-206F');
  it('finds code points inside ranges and at their ends, and nothing between', () => {
    expect(covers(ranges, 0x41)).toBe(true);
    expect(covers(ranges, 0xff)).toBe(true);
    expect(covers(ranges, 0x131)).toBe(true);
    expect(covers(ranges, 0x2014)).toBe(true);
    expect(covers(ranges, 0x100)).toBe(false);
    expect(covers(ranges, 0x4e2d)).toBe(false);
    expect(covers([], 0x41)).toBe(false);
  });
});

describe('drawnCodePoints', () => {
  it('lists each drawn character once, without control characters', () => {
    expect(drawnCodePoints('aba\n\t客户端 ✕😀')).toEqual(
      [0x20, 0x61, 0x62, 0x2715, 0x5ba2, 0x6237, 0x7aef, 0x1f600].sort((a, b) => a - b),
    );
  });
});

describe('pickSubsets with the fontsource tables', () => {
  const sans = familyCoverage('Noto Sans', sansUnicode);
  const cjk = familyCoverage('Noto Sans SC', cjkUnicode);

  it('draws English in the Latin subset of the Latin font only', () => {
    const choice = pickSubsets('Client ESTABLISHED seq=1 ack=1 · 1150 ms', [sans, cjk]);
    expect([...choice.subsets.keys()]).toEqual(['Noto Sans']);
    expect([...(choice.subsets.get('Noto Sans') ?? [])]).toEqual(['latin']);
    expect(choice.uncovered).toEqual([]);
  });

  it('gives Chinese and the symbols the Latin font lacks to the CJK font, few subsets', () => {
    const choice = pickSubsets('客户端 服务器 ✕ ↻ ⚠ ESTABLISHED', [sans, cjk]);
    const names = [...(choice.subsets.get('Noto Sans SC') ?? [])];
    expect(choice.subsets.get('Noto Sans')).toEqual(new Set(['latin']));
    // Every character found, in some subset of the CJK font that covers it.
    for (const char of '客户端服务器✕↻⚠') {
      const codePoint = char.codePointAt(0) ?? 0;
      const subsets = cjk.subsets.filter((s) => names.includes(s.name));
      expect(
        subsets.some((s) => covers(s.ranges, codePoint)),
        char,
      ).toBe(true);
    }
    expect(names.length).toBeLessThanOrEqual(9);
    expect(names.length).toBeLessThan(cjk.subsets.length / 10);
    expect(choice.uncovered).toEqual([]);
  });

  it('reports what no family has', () => {
    const choice = pickSubsets('a\u{10FFFD}', [sans]);
    expect(choice.uncovered).toEqual([0x10fffd]);
  });
});
