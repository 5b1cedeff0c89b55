// The scenario of an `s=` or `z=` link, decoded, with messages that say which layer of the link is
// wrong. `z=` is `s=` compressed (deflate, raw: RFC 1951), for scenarios too long for a plain link.

import { nestingProblem } from '../engine/nesting';

/** The link options that carry a whole scenario. */
type ScenarioOption = 's' | 'z';

/**
 * The most a `z=` value may decompress to: far above any scenario (the built-in lessons are a few
 * kB), so that a small link cannot make the page inflate gigabytes (a decompression bomb).
 */
export const MAX_INFLATED_BYTES = 1_000_000;

/**
 * The scenario in an `s=` option: base64url (padding optional) of UTF-8 JSON. Throws if unreadable,
 * with a one-line message starting `s: ` that says which layer is wrong (shown under the page's
 * "this link could not be opened").
 */
export function decodeScenarioParam(value: string): unknown {
  return scenarioOfBytes(bytesOfParam(value, 's'), 's');
}

/**
 * The scenario in a `z=` option: base64url of its UTF-8 JSON compressed with raw deflate (what
 * `CompressionStream('deflate-raw')` writes). Rejects, as decodeScenarioParam throws, with a
 * one-line message starting `z: `.
 */
export async function decodeCompressedScenarioParam(value: string): Promise<unknown> {
  return scenarioOfBytes(await inflate(bytesOfParam(value, 'z')), 'z');
}

/** The bytes of a base64url value (padding optional). */
function bytesOfParam(value: string, option: ScenarioOption): Uint8Array {
  const trimmed = value.trim();
  if (trimmed === '') {
    const what = option === 's' ? 'its JSON' : 'its JSON, compressed';
    throw new Error(`${option}: empty (it should hold a scenario, base64url of ${what})`);
  }
  const bad = /[^A-Za-z0-9\-_+/=]/.exec(trimmed) ?? /=[^=]|={3}/.exec(trimmed);
  if (bad) {
    const char = JSON.stringify(trimmed[bad.index] ?? '');
    throw new Error(`${option}: not base64url (${char} at position ${bad.index + 1})`);
  }
  const base64 = trimmed.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  // Four characters carry three bytes: one left over carries none, so the text was cut.
  if (base64.length % 4 === 1) {
    throw new Error(
      `${option}: not base64url (${base64.length} characters is not a possible length; is the link cut short?)`,
    );
  }
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The scenario in a link's bytes: UTF-8 JSON, nested no deeper than a scenario. */
function scenarioOfBytes(bytes: Uint8Array, option: ScenarioOption): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new Error(`${option}: not a scenario (the decoded bytes are not UTF-8 text)`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // JSON that stops in the middle: most likely a link that lost its end on the way.
    const cut = /unterminated|end of (JSON )?(input|data)/i.test(reason);
    throw new Error(`${option}: not JSON (${reason})${cut ? '; is the link cut short?' : ''}`, {
      cause: error,
    });
  }
  const tooDeep = nestingProblem(parsed);
  if (tooDeep !== null) throw new Error(`${option}: ${tooDeep}`);
  return parsed;
}

/** Raw deflate undone, stopping (and saying so) past MAX_INFLATED_BYTES. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const cut = /truncat|unexpected end/i.test(reason);
      throw new Error(
        `z: not compressed with deflate (${reason})${cut ? '; is the link cut short?' : ''}`,
        { cause: error },
      );
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > MAX_INFLATED_BYTES) {
      // Nothing more is inflated: the rest of the stream is dropped unread.
      reader.cancel().catch(() => {});
      throw new Error(
        `z: over ${MAX_INFLATED_BYTES / 1_000_000} MB once decompressed; a scenario takes a few kB`,
      );
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
