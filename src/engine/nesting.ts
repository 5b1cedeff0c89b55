// How deep a scenario's JSON may nest, checked before anything walks it recursively. Far deeper
// input only fails later and worse: copying it to the engine's worker (structured clone), or
// serializing it, overflows the browser's stack ("Maximum call stack size exceeded"). Every way a
// scenario comes in (a share link, a course page's `load` message, the validator itself) asks this
// one check, so each says the same thing. Apart from the validator so that the page's store can ask
// it without loading the validator.

/** Far deeper than any scenario (an injected segment's flags are four levels down). */
export const MAX_SCENARIO_DEPTH = 32;

/** Why `value` nests too deep to be a scenario, or null when it does not. */
export function nestingProblem(value: unknown): string | null {
  return nestedDeeperThan(value, MAX_SCENARIO_DEPTH)
    ? `nested more than ${MAX_SCENARIO_DEPTH} levels deep; a scenario needs a few`
    : null;
}

/** Whether objects and arrays nest more than `limit` levels in `value` (without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.node !== 'object' || item.node === null) continue;
    if (item.depth > limit) return true;
    for (const child of Object.values(item.node)) {
      stack.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}
