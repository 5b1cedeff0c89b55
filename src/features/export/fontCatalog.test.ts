import { describe, expect, it } from 'vitest';
import { coverageOf, loadFontCatalog, parseFontFileName } from './fontCatalog';
import { facesFor } from './fontFaces';

describe('parseFontFileName', () => {
  it('reads subset, weight and style from fontsource’s file names', () => {
    expect(parseFontFileName('/x/noto-sans-sc-87-400-normal.woff2', 'noto-sans-sc')).toEqual({
      subset: '[87]',
      weight: 400,
      italic: false,
    });
    expect(parseFontFileName('/x/noto-sans-latin-ext-600-italic.woff2', 'noto-sans')).toEqual({
      subset: 'latin-ext',
      weight: 600,
      italic: true,
    });
    expect(
      parseFontFileName('/x/noto-sans-mono-latin-700-normal.woff2', 'noto-sans-sc'),
    ).toBeNull();
    expect(parseFontFileName('/x/noto-sans-latin-400-normal.woff', 'noto-sans')).toBeNull();
  });
});

describe('coverageOf', () => {
  it('keeps only the subsets that have files', () => {
    const coverage = coverageOf('Noto Sans', { latin: 'U+0000-00FF', cyrillic: 'U+0400-045F' }, [
      { subset: 'latin', weight: 400, italic: false, url: 'x' },
    ]);
    expect(coverage.subsets.map((s) => s.name)).toEqual(['latin']);
  });
});

describe('the shipped catalogue', () => {
  it('has a file for every subset it covers, in each weight the diagram uses', async () => {
    const catalog = await loadFontCatalog();
    const families = [
      { coverage: catalog.coverage.sans, weights: [400, 600, 700], italic: true },
      { coverage: catalog.coverage.mono, weights: [400, 600, 700], italic: false },
      { coverage: catalog.coverage.cjk, weights: [400, 700], italic: false },
    ];
    for (const { coverage, weights, italic } of families) {
      const files = catalog.files[coverage.family] ?? [];
      expect(coverage.subsets.length, coverage.family).toBeGreaterThan(0);
      for (const subset of coverage.subsets) {
        for (const weight of weights) {
          for (const style of italic ? [false, true] : [false]) {
            const file = files.find(
              (f) => f.subset === subset.name && f.weight === weight && f.italic === style,
            );
            expect(file?.url, `${coverage.family} ${subset.name} ${weight}`).toMatch(/\.woff2/);
          }
        }
      }
    }
    expect(catalog.coverage.cjk.subsets.length).toBeGreaterThan(90);
  });

  it('finds faces for a Chinese diagram’s text', async () => {
    const faces = facesFor(
      [{ kind: 'sans', weight: 600, italic: false, text: '客户端 服务器 重传 TIME_WAIT' }],
      await loadFontCatalog(),
    );
    expect(faces.map((f) => f.family)).toContain('Noto Sans SC');
    expect(faces.map((f) => f.family)).toContain('Noto Sans');
  });
});
