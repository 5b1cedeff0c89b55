// The scenario of an `s=` link, decoded, with messages that say which layer of the link is wrong.

/**
 * The scenario in an `s=` option: base64url (padding optional) of UTF-8 JSON. Throws if unreadable,
 * with a one-line message starting `s: ` that says which layer is wrong (shown under the page's
 * "this link could not be opened").
 */
export function decodeScenarioParam(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new Error('s: empty (it should hold a scenario, base64url of its JSON)');
  }
  const bad = /[^A-Za-z0-9\-_+/=]/.exec(trimmed) ?? /=[^=]|={3}/.exec(trimmed);
  if (bad) {
    const char = JSON.stringify(trimmed[bad.index] ?? '');
    throw new Error(`s: not base64url (${char} at position ${bad.index + 1})`);
  }
  const base64 = trimmed.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  // Four characters carry three bytes: one left over carries none, so the text was cut.
  if (base64.length % 4 === 1) {
    throw new Error(
      `s: not base64url (${base64.length} characters is not a possible length; is the link cut short?)`,
    );
  }
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new Error('s: not a scenario (the decoded bytes are not UTF-8 text)', { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // JSON that stops in the middle: most likely a link that lost its end on the way.
    const cut = /unterminated|end of (JSON )?(input|data)/i.test(reason);
    throw new Error(`s: not JSON (${reason})${cut ? '; is the link cut short?' : ''}`, {
      cause: error,
    });
  }
  // Said here, plainly: deeper JSON would only fail later, copying it to the engine's worker, with
  // the browser's "Maximum call stack size exceeded".
  if (nestedDeeperThan(parsed, MAX_SCENARIO_DEPTH)) {
    throw new Error(
      `s: nested more than ${MAX_SCENARIO_DEPTH} levels deep; a scenario needs a few`,
    );
  }
  return parsed;
}

/** Far deeper than any scenario (an injected segment's flags are four levels down). */
const MAX_SCENARIO_DEPTH = 32;

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
