// Many straight strokes as a few SVG paths, for a run too long to draw one element per segment:
// the overview strip (./Minimap.tsx) and the diagram's whole-run picture (./RunPicture.tsx). Each
// stroke's ends are rounded to a grid (half a pixel where the paths are shown), and strokes that
// round to the same place are drawn once: 200,000 segments drawn a few hundred pixels tall make a
// few thousand strokes, whatever the run's length. A long run's strokes may be worked out in
// slices (`strokePathsWork`, ../../lab/slices.ts).
import { finish, pauses, type Work } from '../../lab/slices';

/** A straight stroke, in the drawing's units. */
export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Grid cells along an axis below which a stroke's ends make two small integer keys (its start,
 * its end), which V8 hashes without allocating: many times faster than one text key per stroke.
 */
const SMALL_SPAN = 2 ** 13;

/**
 * One path (an SVG `d`) per kind: the strokes `strokeOf` gives, their ends rounded to multiples of
 * `grid`, each distinct one once, in the order first given. `strokeOf` fills `out` (reused: a long
 * run allocates nothing per item) and returns the stroke's kind, or null for none.
 */
export function strokePaths<T, K extends string>(
  items: readonly T[],
  kinds: readonly K[],
  strokeOf: (item: T, out: Stroke) => K | null,
  grid: number,
): Record<K, string> {
  return finish(strokePathsWork(items, kinds, strokeOf, grid));
}

/** strokePaths as work that may pause. */
export function* strokePathsWork<T, K extends string>(
  items: readonly T[],
  kinds: readonly K[],
  strokeOf: (item: T, out: Stroke) => K | null,
  grid: number,
): Work<Record<K, string>> {
  const pause = pauses();
  const step = Number.isFinite(grid) && grid > 0 ? grid : 1;
  const n = items.length;
  // First every stroke in grid cells, to know how many cells the keys must tell apart.
  const cells = new Float64Array(n * 4);
  const kindAt = new Int16Array(n).fill(-1);
  const kindIndex = new Map(kinds.map((kind, i) => [kind, i]));
  const out: Stroke = { x1: 0, y1: 0, x2: 0, y2: 0 };
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    if (pause()) yield;
    const kind = strokeOf(items[i] as T, out);
    const k = kind === null ? undefined : kindIndex.get(kind);
    if (k === undefined) continue;
    const a = Math.round(out.x1 / step);
    const b = Math.round(out.y1 / step);
    const c = Math.round(out.x2 / step);
    const d = Math.round(out.y2 / step);
    // A stroke with an end nowhere (an infinite or missing time) is not drawn.
    if (!Number.isFinite(a + b + c + d)) continue;
    cells[i * 4] = a;
    cells[i * 4 + 1] = b;
    cells[i * 4 + 2] = c;
    cells[i * 4 + 3] = d;
    low = Math.min(low, a, b, c, d);
    high = Math.max(high, a, b, c, d);
    kindAt[i] = k;
  }
  const span = high - low + 1;
  const small = span <= SMALL_SPAN;
  // Per kind: each start seen, with the ends drawn from it.
  const seen = kinds.map(() => new Map<number | string, Set<number | string>>());
  const strokes = kinds.map(() => [] as string[]);
  // A coordinate as printed: a multiple of the grid, without float noise (0.1 * 3).
  const at = (cell: number) => Math.round(cell * step * 100) / 100;
  for (let i = 0; i < n; i++) {
    if (pause()) yield;
    const k = kindAt[i] ?? -1;
    const starts = seen[k];
    if (!starts) continue;
    const a = cells[i * 4] ?? 0;
    const b = cells[i * 4 + 1] ?? 0;
    const c = cells[i * 4 + 2] ?? 0;
    const d = cells[i * 4 + 3] ?? 0;
    const start = small ? (a - low) * span + (b - low) : `${a},${b}`;
    const end = small ? (c - low) * span + (d - low) : `${c},${d}`;
    let ends = starts.get(start);
    if (!ends) starts.set(start, (ends = new Set()));
    if (ends.has(end)) continue;
    ends.add(end);
    strokes[k]?.push(`M${at(a)} ${at(b)}L${at(c)} ${at(d)}`);
  }
  const paths = {} as Record<K, string>;
  kinds.forEach((kind, k) => (paths[kind] = (strokes[k] ?? []).join('')));
  return paths;
}
