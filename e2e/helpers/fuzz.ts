// The browser fuzz samples' size, seed and failure report. Each sample draws its cases from a seed
// of its own (E2E_FUZZ_SEED replaces it), E2E_FUZZ_CASES of them (default 200); a failure names
// the sample, the seed, the case's number and the case, and E2E_FUZZ_CASE=N replays that case alone.

function envNumber(name: string): number | null {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name}=${text}: not a whole number`);
  }
  return value;
}

/** How many cases each sample opens in the page. */
export const FUZZ_CASES = envNumber('E2E_FUZZ_CASES') ?? 200;

/** The seed a sample draws its cases from: E2E_FUZZ_SEED, else the sample's own. */
export const fuzzSeed = (own: number): number => envNumber('E2E_FUZZ_SEED') ?? own;

/** The one case to replay (E2E_FUZZ_CASE), or null for all. */
const ONLY_CASE = envNumber('E2E_FUZZ_CASE');

/** Whether the whole sample runs (not one case replayed): what it holds can then be counted. */
export const WHOLE_SAMPLE = ONLY_CASE === null;

/** A case as a failure quotes it: at most `max` characters, with its length when cut. */
export function quoteCase(text: string, max = 600): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A sample of cases, and how to tell and to watch them. */
export interface Sample<T> {
  /** Its name in a failure's message. */
  name: string;
  seed: number;
  cases: readonly T[];
  /** A case as a failure quotes it. */
  show: (item: T) => string;
  /** The page's errors as they come (watchErrors): the first one fails the case at once. */
  errors: readonly string[];
  /** Only every `of`-th case from the `index`-th (a sample shared out among tests). */
  part?: { index: number; of: number };
}

/** Rejects as soon as `errors` holds one, until `stop` is called. */
function firstError(errors: readonly string[]): { failed: Promise<never>; stop: () => void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (errors.length > 0) reject(new Error(`the page reported: ${errors.join('\n')}`));
    }, 50);
  });
  return { failed, stop: () => clearInterval(timer) };
}

/**
 * Runs `check` on each case in order (or only on E2E_FUZZ_CASE); a failure, or an error the page
 * reports meanwhile, is rethrown with what replays it.
 */
export async function forEachCase<T>(
  sample: Sample<T>,
  check: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const { name, seed, cases, show, errors, part = { index: 0, of: 1 } } = sample;
  for (const [index, item] of cases.entries()) {
    if (ONLY_CASE !== null ? index !== ONLY_CASE : index % part.of !== part.index) continue;
    const watch = firstError(errors);
    try {
      await Promise.race([check(item, index), watch.failed]);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${name}: case ${index} failed (replay: E2E_FUZZ_SEED=${seed} E2E_FUZZ_CASES=${FUZZ_CASES} ` +
          `E2E_FUZZ_CASE=${index})\n` +
          `case: ${show(item)}\n${why}`,
        { cause: error },
      );
    } finally {
      watch.stop();
    }
  }
}

/** One value in toWire's list: its children are nodes before it, named by their index. */
export type WireNode =
  | ['u']
  | ['n', 'NaN' | 'Infinity' | '-Infinity' | '-0']
  | ['p', string | number | boolean | null]
  | ['a', number[]]
  | ['o', [string, number][]];

/**
 * A value of any shape as flat JSON (its nodes, each after its children; the last one is the
 * value), keeping what JSON and Playwright's arguments would lose or change: `undefined`, NaN,
 * the infinities, -0 and an own property named `__proto__`. Flat, so that no JSON reader or writer
 * on the way needs to go 2,000 levels deep. The page turns it back (e2e/fuzzPage.spec.ts).
 */
export function toWire(value: unknown): WireNode[] {
  const nodes: WireNode[] = [];
  const add = (node: WireNode) => nodes.push(node) - 1;
  const encode = (item: unknown): number => {
    if (item === undefined) return add(['u']);
    if (typeof item === 'number') {
      if (Number.isNaN(item)) return add(['n', 'NaN']);
      if (item === Infinity) return add(['n', 'Infinity']);
      if (item === -Infinity) return add(['n', '-Infinity']);
      if (Object.is(item, -0)) return add(['n', '-0']);
      return add(['p', item]);
    }
    if (item === null || typeof item === 'string' || typeof item === 'boolean') {
      return add(['p', item]);
    }
    if (Array.isArray(item)) return add(['a', item.map(encode)]);
    if (typeof item === 'object') {
      const keys = Object.keys(item);
      return add(['o', keys.map((key): [string, number] => [key, encode(Reflect.get(item, key))])]);
    }
    throw new Error(`toWire: a ${typeof item} cannot be posted`);
  };
  encode(value);
  return nodes;
}
