import cjkUnicode from '@fontsource/noto-sans-sc/unicode.json';
import monoUnicode from '@fontsource/noto-sans-mono/unicode.json';
import sansUnicode from '@fontsource/noto-sans/unicode.json';
import { describe, expect, it } from 'vitest';
import {
  base64Of,
  facesFor,
  fileFor,
  fontFaceCss,
  nearestWeight,
  textRuns,
  woff2DataUrl,
  type FontCatalog,
  type FontFile,
} from './fontFaces';
import { el } from './svgTree';
import { familyCoverage } from './unicodeRanges';

const SANS = "'Noto Sans', 'Noto Sans SC', system-ui, sans-serif";
const MONO = "'Noto Sans Mono', 'Noto Sans SC', ui-monospace, monospace";

describe('textRuns', () => {
  it('gives each drawn text the font it inherits, and skips titles', () => {
    const root = el('svg', { 'font-family': SANS, 'font-size': '16' }, [
      el('title', {}, ['Not drawn']),
      el('g', { 'font-weight': '600' }, [
        el('text', { 'font-family': MONO }, ['SYN seq=0']),
        el('text', { 'font-style': 'italic' }, ['↻ retransmission']),
      ]),
      el('text', {}, ['客户端', el('tspan', { 'font-weight': '700' }, ['due'])]),
      el('text', {}, ['   ']),
    ]);
    expect(textRuns(root)).toEqual([
      { kind: 'mono', weight: 600, italic: false, text: 'SYN seq=0' },
      { kind: 'sans', weight: 600, italic: true, text: '↻ retransmission' },
      { kind: 'sans', weight: 400, italic: false, text: '客户端' },
      { kind: 'sans', weight: 700, italic: false, text: 'due' },
    ]);
  });
});

describe('weights and files', () => {
  it('picks the weight a browser would', () => {
    expect(nearestWeight([400, 700], 600)).toBe(700);
    expect(nearestWeight([400, 700], 500)).toBe(400);
    expect(nearestWeight([400, 600, 700], 600)).toBe(600);
    expect(nearestWeight([400, 700], 300)).toBe(400);
    expect(nearestWeight([600, 700], 400)).toBe(600);
    expect(nearestWeight([], 400)).toBeUndefined();
  });

  it('uses the upright face when a family has no italics', () => {
    const files: FontFile[] = [
      { subset: 'latin', weight: 400, italic: false, url: 'r' },
      { subset: 'latin', weight: 700, italic: false, url: 'b' },
    ];
    expect(fileFor(files, 'latin', 600, true)?.url).toBe('b');
    expect(fileFor(files, 'latin-ext', 400, false)).toBeUndefined();
  });
});

/** A catalogue with every subset of the three fonts, in the weights the export ships. */
function fullCatalog(): FontCatalog {
  const files = (family: string, unicode: Record<string, string>, weights: number[]) =>
    Object.keys(unicode).flatMap((subset) =>
      weights.flatMap((weight) => [
        { subset, weight, italic: false, url: `${family}/${subset}/${weight}` },
        ...(family === 'sans'
          ? [{ subset, weight, italic: true, url: `${family}/${subset}/${weight}i` }]
          : []),
      ]),
    );
  return {
    coverage: {
      sans: familyCoverage('Noto Sans', sansUnicode),
      mono: familyCoverage('Noto Sans Mono', monoUnicode),
      cjk: familyCoverage('Noto Sans SC', cjkUnicode),
    },
    files: {
      'Noto Sans': files('sans', sansUnicode, [400, 600, 700]),
      'Noto Sans Mono': files('mono', monoUnicode, [400, 600, 700]),
      'Noto Sans SC': files('cjk', cjkUnicode, [400, 700]),
    },
  };
}

describe('facesFor', () => {
  const catalog = fullCatalog();

  it('embeds an English drawing with Latin subsets only, one face per weight and style used', () => {
    const faces = facesFor(
      [
        { kind: 'mono', weight: 400, italic: false, text: 'SYN seq=0 ack=1' },
        { kind: 'mono', weight: 700, italic: false, text: 'ESTABLISHED' },
        { kind: 'sans', weight: 600, italic: true, text: 'retransmission' },
        { kind: 'sans', weight: 400, italic: false, text: '150 ms' },
      ],
      catalog,
    );
    expect(faces.map((f) => f.url)).toEqual([
      'sans/latin/400',
      'sans/latin/600i',
      'mono/latin/400',
      'mono/latin/700',
    ]);
    expect(faces[1]).toMatchObject({ family: 'Noto Sans', weight: 600, italic: true });
  });

  it('adds the CJK subsets covering Chinese text and the symbols, in the nearest weight', () => {
    const faces = facesFor(
      [
        { kind: 'sans', weight: 600, italic: false, text: '客户端 ✕' },
        { kind: 'sans', weight: 400, italic: false, text: '服务器' },
      ],
      catalog,
    );
    const cjk = faces.filter((f) => f.family === 'Noto Sans SC');
    expect(cjk.length).toBeGreaterThan(0);
    expect(new Set(cjk.map((f) => f.weight))).toEqual(new Set([400, 700]));
    // A handful of subsets, not the font's hundred.
    expect(cjk.length).toBeLessThanOrEqual(8);
    expect(faces.some((f) => f.family === 'Noto Sans')).toBe(true);
  });
});

describe('fontFaceCss', () => {
  it('writes one @font-face per face with a data: URL and its unicode-range', () => {
    const css = fontFaceCss(
      [
        {
          family: 'Noto Sans',
          weight: 400,
          italic: false,
          unicodeRange: 'U+0000-00FF, U+0131',
          url: 'a',
        },
        { family: 'Noto Sans', weight: 600, italic: true, unicodeRange: 'U+0100', url: 'missing' },
      ],
      new Map([['a', 'data:font/woff2;base64,AAAA']]),
    );
    expect(css).toBe(
      "@font-face{font-family:'Noto Sans';font-style:normal;font-weight:400;" +
        "src:url(data:font/woff2;base64,AAAA) format('woff2');unicode-range:U+0000-00FF,U+0131}",
    );
  });
});

describe('base64', () => {
  it('encodes bytes as Node does, also past one chunk', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(woff2DataUrl(new Uint8Array([119, 79, 70, 50]))).toBe('data:font/woff2;base64,d09GMg==');
  });
});
