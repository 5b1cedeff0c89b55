// What a long run draws down its whole length (time labels, scale marks, breaks, application
// calls), thinned for its whole-run picture (./RunPicture.tsx): fitted into the box, hundreds of
// them share a pixel row, and drawing each would freeze the page as its arrows would.
import { countBefore } from '../../lab/sortedSearch';

/** Items looked at within one band before the next band is searched for. */
const SCAN = 8;

/**
 * Of the first `length` of `items` (all by default), in order down the drawing (`yOf` never
 * decreases): the first of each band `gap` tall, each band starting at the first item below the
 * last, and in a band also the first item of each other `lane` among its first few. Costs
 * O(k log n) for the k items kept, never a visit of all.
 */
export function thinOut<T>(
  items: readonly T[],
  yOf: (item: T) => number,
  gap: number,
  { lane, length = items.length }: { lane?: (item: T) => string; length?: number } = {},
): T[] {
  const kept: T[] = [];
  const n = Math.min(length, items.length);
  const yAt = (i: number) => yOf(items[i] as T);
  let i = 0;
  while (i < n) {
    const end = yAt(i) + Math.max(0, gap);
    const lanes = new Set<string>();
    for (let j = i; j < n && j < i + SCAN && (j === i || yAt(j) < end); j++) {
      const item = items[j] as T;
      const own = lane ? lane(item) : '';
      if (lanes.has(own)) continue;
      lanes.add(own);
      kept.push(item);
    }
    // The next band starts at the first item at or below the end of this one.
    i = Math.max(i + 1, countBefore(n, yAt, end, false));
  }
  return kept;
}
