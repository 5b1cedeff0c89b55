// Which files of a font to embed: fontsource splits each font into subsets, each with a CSS
// `unicode-range`. For the characters an exported drawing uses, every character is given to the
// first family of its font stack that has it (as a browser would), and only the subsets that cover
// some character are embedded. Pure: no DOM, no fetching.

/** Inclusive code point ranges, sorted by start. */
export type CodeRanges = readonly (readonly [number, number])[];

/** One subset of a family: its name (`latin`, `[87]`) and the characters it covers. */
export interface FontSubset {
  name: string;
  /** As written in the font's CSS, for the @font-face rule. */
  unicodeRange: string;
  ranges: CodeRanges;
}

export interface FamilyCoverage {
  family: string;
  subsets: readonly FontSubset[];
}

/**
 * A CSS `unicode-range` value (`U+0000-00FF, U+0131, U+4??`) as sorted ranges. Parts that are not
 * code points are skipped.
 */
export function parseUnicodeRange(text: string): CodeRanges {
  const out: [number, number][] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim().toUpperCase();
    const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/.exec(part);
    if (!match) continue;
    const first = match[1] ?? '';
    let low: number;
    let high: number;
    if (first.includes('?')) {
      // A wildcard range: U+4?? is U+400-4FF.
      if (match[2] !== undefined) continue;
      low = parseInt(first.replace(/\?/g, '0'), 16);
      high = parseInt(first.replace(/\?/g, 'F'), 16);
    } else {
      low = parseInt(first, 16);
      high = match[2] === undefined ? low : parseInt(match[2], 16);
    }
    if (low <= high) out.push([low, high]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Whether `codePoint` is in the (sorted) ranges: a binary search. */
export function covers(ranges: CodeRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid];
    if (!range) return false;
    if (codePoint < range[0]) high = mid - 1;
    else if (codePoint > range[1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** A family's subsets from fontsource's `unicode.json` (`{ "latin": "U+0000-00FF,…" }`). */
export function familyCoverage(
  family: string,
  unicodeJson: Record<string, string>,
): FamilyCoverage {
  return {
    family,
    subsets: Object.entries(unicodeJson).map(([name, unicodeRange]) => ({
      name,
      unicodeRange,
      ranges: parseUnicodeRange(unicodeRange),
    })),
  };
}

/** The characters a text draws: code points from U+0020 on, each once. */
export function drawnCodePoints(text: string): number[] {
  const seen = new Set<number>();
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint !== 0x7f) seen.add(codePoint);
  }
  return [...seen].sort((a, b) => a - b);
}

/** What to embed: per family, the names of the subsets needed, and the characters nothing has. */
export interface SubsetChoice {
  subsets: Map<string, Set<string>>;
  uncovered: number[];
}

/**
 * For each character, the first family in `stack` that has it and the first of its subsets that
 * does: what to embed for `text` to be drawn in that stack, subsets of later families only for the
 * characters the earlier ones lack.
 */
export function pickSubsets(text: string, stack: readonly FamilyCoverage[]): SubsetChoice {
  const subsets = new Map<string, Set<string>>();
  const uncovered: number[] = [];
  for (const codePoint of drawnCodePoints(text)) {
    let found = false;
    for (const family of stack) {
      const subset = family.subsets.find((s) => covers(s.ranges, codePoint));
      if (!subset) continue;
      let names = subsets.get(family.family);
      if (!names) subsets.set(family.family, (names = new Set()));
      names.add(subset.name);
      found = true;
      break;
    }
    if (!found) uncovered.push(codePoint);
  }
  return { subsets, uncovered };
}
