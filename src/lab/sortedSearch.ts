// One binary search for every sorted list the page looks things up in (segment steps, arrow ends,
// the time axis's rows): long runs have hundreds of thousands of entries, and a step may only
// look at the few near it.

/**
 * How many leading entries of a list sorted by `keyAt` (never decreasing) lie before `value`:
 * those below it, and also those equal to it when `orEqual`. This is where `value` would be
 * inserted before (or after) its equals.
 */
export function countBefore(
  length: number,
  keyAt: (index: number) => number,
  value: number,
  orEqual: boolean,
): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const key = keyAt(mid);
    if (key < value || (orEqual && key === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}
