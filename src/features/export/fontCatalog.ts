// The catalogue of embeddable fonts: which subset, weight and style each file holds, and which
// characters each subset covers. The files and tables are chunks fetched with the first export
// (./fontFiles.ts, the CJK table).

import type { FontCatalog, FontFile } from './fontFaces';
import { EXPORT_FONTS } from './styles';
import { familyCoverage, type FamilyCoverage } from './unicodeRanges';

/**
 * A file's subset, weight and style from its name (`noto-sans-sc-87-400-normal.woff2`): subsets
 * named by number are `[87]` in unicode.json.
 */
export function parseFontFileName(path: string, prefix: string): Omit<FontFile, 'url'> | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!name.startsWith(`${prefix}-`)) return null;
  const match = /^(.+)-(\d{3})-(normal|italic)\.woff2$/.exec(name.slice(prefix.length + 1));
  if (!match) return null;
  const subset = match[1] ?? '';
  return {
    subset: /^\d+$/.test(subset) ? `[${subset}]` : subset,
    weight: Number(match[2]),
    italic: match[3] === 'italic',
  };
}

function filesOf(glob: Record<string, unknown>, prefix: string): FontFile[] {
  const out: FontFile[] = [];
  for (const [path, url] of Object.entries(glob)) {
    const parsed = parseFontFileName(path, prefix);
    if (parsed && typeof url === 'string') out.push({ ...parsed, url });
  }
  return out;
}

/**
 * A family's subsets that have files here: a character only they cover (a Cyrillic one, say) falls
 * through to the next family rather than to a file that is not there.
 */
export function coverageOf(
  family: string,
  unicodeJson: Record<string, string>,
  files: readonly FontFile[],
): FamilyCoverage {
  const present = new Set(files.map((f) => f.subset));
  const coverage = familyCoverage(family, unicodeJson);
  return { ...coverage, subsets: coverage.subsets.filter((s) => present.has(s.name)) };
}

let catalog: Promise<FontCatalog> | null = null;

/** The catalogue, with the CJK subset table loaded (once). */
export function loadFontCatalog(): Promise<FontCatalog> {
  catalog ??= Promise.all([
    import('./fontFiles'),
    import('@fontsource/noto-sans-sc/unicode.json'),
  ]).then(
    ([fonts, cjk]) => {
      const files = {
        sans: filesOf(fonts.SANS_FILES, 'noto-sans'),
        mono: filesOf(fonts.MONO_FILES, 'noto-sans-mono'),
        cjk: filesOf(fonts.CJK_FILES, 'noto-sans-sc'),
      };
      return {
        coverage: {
          sans: coverageOf(EXPORT_FONTS.sans, fonts.sansUnicode, files.sans),
          mono: coverageOf(EXPORT_FONTS.mono, fonts.monoUnicode, files.mono),
          cjk: coverageOf(EXPORT_FONTS.cjk, cjk.default, files.cjk),
        },
        files: {
          [EXPORT_FONTS.sans]: files.sans,
          [EXPORT_FONTS.mono]: files.mono,
          [EXPORT_FONTS.cjk]: files.cjk,
        },
      };
    },
    (error: unknown) => {
      catalog = null;
      throw error;
    },
  );
  return catalog;
}
