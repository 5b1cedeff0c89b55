// Which font files an exported drawing needs, and the @font-face rules that embed them. Each text
// is drawn in the embedded Latin font of its kind (sans or mono), falling back to the embedded CJK
// font for what that lacks (Chinese names, ✕, ↻, ⚠); only the subsets covering the characters used,
// in the weights and styles used, are embedded. Pure: the catalogue of files is passed in.

import { fontKindOf, type FontKind } from './styles';
import { ownText, type SvgElement } from './svgTree';
import { pickSubsets, type FamilyCoverage } from './unicodeRanges';

/** Text drawn in one font: its kind, weight and style, and the characters. */
export interface TextRun {
  kind: FontKind;
  weight: number;
  italic: boolean;
  text: string;
}

/** Elements whose text is not drawn. */
const NOT_DRAWN = new Set(['title', 'desc', 'style', 'metadata']);

/**
 * The drawn text of a tree, with the font each piece is drawn in (font attributes inherited down
 * the tree as an SVG reader does).
 */
export function textRuns(root: SvgElement): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (node: SvgElement, inherited: Record<string, string>) => {
    if (NOT_DRAWN.has(node.tag)) return;
    const font: Record<string, string> = { ...inherited };
    for (const name of ['font-family', 'font-weight', 'font-style']) {
      const value = node.attrs[name];
      if (value !== undefined) font[name] = value;
    }
    const text = node.tag === 'text' || node.tag === 'tspan' ? ownText(node) : '';
    if (text.trim() !== '') {
      runs.push({
        kind: fontKindOf(font['font-family'] ?? ''),
        weight: Number(font['font-weight'] ?? 400) || 400,
        italic: font['font-style'] === 'italic' || font['font-style'] === 'oblique',
        text,
      });
    }
    for (const child of node.children) if (typeof child !== 'string') visit(child, font);
  };
  visit(root, {});
  return runs;
}

/** One woff2 file of a family: the subset it holds, its weight and style. */
export interface FontFile {
  subset: string;
  weight: number;
  italic: boolean;
  url: string;
}

export interface FontCatalog {
  /** Subsets and their ranges per family (fontsource's unicode.json). */
  coverage: Record<'sans' | 'mono' | 'cjk', FamilyCoverage>;
  /** Files per family name. */
  files: Readonly<Record<string, readonly FontFile[]>>;
}

/** An @font-face to write: the family, the file and the unicode-range it serves. */
export interface FontFace {
  family: string;
  weight: number;
  italic: boolean;
  unicodeRange: string;
  url: string;
}

/** The available weight a browser would use for `wanted` (CSS Fonts 4 §5.2, in short). */
export function nearestWeight(available: readonly number[], wanted: number): number | undefined {
  if (available.includes(wanted)) return wanted;
  const below = available.filter((w) => w < wanted).sort((a, b) => b - a);
  const above = available.filter((w) => w > wanted).sort((a, b) => a - b);
  // 400–500: up to 500 first, then down, then up; lighter than 400: down first; bolder: up first.
  if (wanted >= 400 && wanted <= 500) {
    const upTo500 = above.filter((w) => w <= 500);
    return upTo500[0] ?? below[0] ?? above[0];
  }
  return wanted < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0]);
}

/** The file of `family` holding `subset` nearest to the wanted weight and style. */
export function fileFor(
  files: readonly FontFile[],
  subset: string,
  weight: number,
  italic: boolean,
): FontFile | undefined {
  const ofSubset = files.filter((f) => f.subset === subset);
  // A family without italics: the upright face, slanted by the reader (as on the page).
  const styled = ofSubset.some((f) => f.italic === italic)
    ? ofSubset.filter((f) => f.italic === italic)
    : ofSubset;
  const w = nearestWeight([...new Set(styled.map((f) => f.weight))], weight);
  return styled.find((f) => f.weight === w);
}

/** The faces to embed for these runs: one per file, each with its subset's unicode-range. */
export function facesFor(runs: readonly TextRun[], catalog: FontCatalog): FontFace[] {
  // Group the text by the font it asks for: one subset choice per kind, weight and style.
  const groups = new Map<string, { run: Omit<TextRun, 'text'>; text: string }>();
  for (const run of runs) {
    const key = `${run.kind}/${run.weight}/${run.italic}`;
    const group = groups.get(key);
    if (group) group.text += run.text;
    else groups.set(key, { run, text: run.text });
  }
  const faces = new Map<string, FontFace>();
  for (const { run, text } of groups.values()) {
    const stack = [catalog.coverage[run.kind], catalog.coverage.cjk];
    const { subsets } = pickSubsets(text, stack);
    for (const [family, names] of subsets) {
      const coverage = stack.find((c) => c.family === family);
      for (const name of names) {
        const file = fileFor(catalog.files[family] ?? [], name, run.weight, run.italic);
        const subset = coverage?.subsets.find((s) => s.name === name);
        if (!file || !subset || faces.has(file.url)) continue;
        faces.set(file.url, {
          family,
          weight: file.weight,
          italic: file.italic,
          unicodeRange: subset.unicodeRange,
          url: file.url,
        });
      }
    }
  }
  return [...faces.values()].sort(
    (a, b) => a.family.localeCompare(b.family) || a.weight - b.weight || a.url.localeCompare(b.url),
  );
}

/** @font-face rules, each file given as a data: URL (`dataUrls` by the face's url). */
export function fontFaceCss(
  faces: readonly FontFace[],
  dataUrls: ReadonlyMap<string, string>,
): string {
  return faces
    .filter((face) => dataUrls.has(face.url))
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.italic ? 'italic' : 'normal'};` +
        `font-weight:${face.weight};src:url(${dataUrls.get(face.url)}) format('woff2');` +
        `unicode-range:${face.unicodeRange.replace(/\s+/g, '')}}`,
    )
    .join('\n');
}

/** Bytes as base64 (btoa over chunks: no stack overflow on large files). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function woff2DataUrl(bytes: Uint8Array): string {
  return `data:font/woff2;base64,${base64Of(bytes)}`;
}
