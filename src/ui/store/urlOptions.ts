// The page's URL query options (CONTRACT.md section 4), read once at load. Pure: tests pass a string.

export type ThemeChoice = 'light' | 'dark';

export interface UrlOptions {
  /** `lesson=ID`, as written (checked against the lessons by the store). */
  lesson: string | null;
  /** `lang=en|zh` (also `zh-CN`), or null to follow the browser. */
  lang: 'en' | 'zh-CN' | null;
  /** `step=N`: the step to show once the run is ready (clamped to the run). */
  step: number | null;
  /** `autoplay=1`. */
  autoplay: boolean;
  /** `theme=light|dark`, or null to follow `prefers-color-scheme`. */
  theme: ThemeChoice | null;
  /** `controls=0` hides every control but the step controls. */
  controls: boolean;
  /** `embed=1`: the compact layout for an iframe (diagram, state badges, step controls). */
  embed: boolean;
  /** `s=…`: a whole scenario, base64url of its JSON, as written (see decodeScenarioParam). */
  scenario: string | null;
  /**
   * `origins=a,b`: origins besides the parent frame's allowed to drive the widget by postMessage
   * (each normalised to scheme://host[:port]; unreadable entries are left out).
   */
  origins: string[];
  /** `dropFinalAck=1` (our extension, for share links): the lab's "drop the final ACK" knob. */
  dropFinalAck: boolean;
}

/** base64url (no padding) of the scenario's JSON as UTF-8: the inverse of decodeScenarioParam. */
export function encodeScenarioParam(scenario: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack for long scenarios.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An origin as `URL.origin` writes it, or null if `text` is not an http(s) origin. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

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

function flag(value: string | null): boolean {
  return value === '1' || value === 'true' || value === '';
}

export function parseUrlOptions(search: string): UrlOptions {
  const query = new URLSearchParams(search);
  const lang = query.get('lang')?.toLowerCase();
  const theme = query.get('theme');
  const stepText = query.get('step');
  const step = stepText !== null && /^\d+$/.test(stepText) ? Number(stepText) : null;
  const controls = query.get('controls');
  return {
    lesson: query.get('lesson'),
    lang: lang === 'en' ? 'en' : lang === 'zh' || lang === 'zh-cn' ? 'zh-CN' : null,
    step,
    autoplay: query.has('autoplay') && flag(query.get('autoplay')),
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    controls: !(controls === '0' || controls === 'false'),
    embed: query.has('embed') && flag(query.get('embed')),
    scenario: query.get('s'),
    origins: (query.get('origins') ?? '')
      .split(',')
      .map(normalizeOrigin)
      .filter((origin): origin is string => origin !== null),
    dropFinalAck: query.has('dropFinalAck') && flag(query.get('dropFinalAck')),
  };
}
