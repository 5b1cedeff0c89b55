// Colours as an exported SVG writes them: `#rrggbb` plus an opacity, which every SVG reader
// understands (SVG 1.1 has no rgba(), and none has CSS Color 4's color(srgb …) that a computed
// `color-mix()` turns into). Pure: what the parser cannot read is left to the caller.

export interface PlainColor {
  /** `#rrggbb`. */
  hex: string;
  /** 0…1. */
  alpha: number;
}

const clampByte = (n: number) => Math.min(255, Math.max(0, Math.round(n)));
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const hex2 = (n: number) => clampByte(n).toString(16).padStart(2, '0');

/** Rounded so that files do not differ by float noise (0.85 stays 0.85). */
export function roundAlpha(alpha: number): number {
  return Math.round(clamp01(alpha) * 1000) / 1000;
}

function channel(text: string, scale: number): number | null {
  const t = text.trim();
  if (t.endsWith('%')) {
    const n = Number(t.slice(0, -1));
    return Number.isFinite(n) ? (n / 100) * scale : null;
  }
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : null;
}

function alphaOf(text: string | undefined): number | null {
  if (text === undefined) return 1;
  return channel(text, 1);
}

/** Splits `a, b, c / d` or `a b c / d` into three channels and an optional alpha. */
function parts(body: string): { channels: string[]; alpha: string | undefined } | null {
  const [main = '', alpha, extra] = body.split('/');
  if (extra !== undefined) return null;
  const channels = main.includes(',')
    ? main.split(',').map((s) => s.trim())
    : main.trim().split(/\s+/);
  if (channels.length === 4 && alpha === undefined && main.includes(',')) {
    // Legacy rgba(r, g, b, a).
    return { channels: channels.slice(0, 3), alpha: channels[3] };
  }
  return channels.length === 3 ? { channels, alpha } : null;
}

/**
 * A computed colour (`rgb(…)`, `rgba(…)`, `color(srgb …)`, `#rgb`, `#rrggbb`, `transparent`) as hex
 * and alpha; null for anything else (another colour space, a keyword): the caller asks the browser.
 */
export function parseColor(value: string): PlainColor | null {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { hex: '#000000', alpha: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const h = hex[1] ?? '';
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    return { hex: `#${full}`, alpha: 1 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(text);
  if (!fn) return null;
  let body = fn[2] ?? '';
  let scale = 255;
  if (fn[1] === 'color') {
    const space = /^\s*(srgb)\s+(.*)$/.exec(body);
    if (!space) return null;
    body = space[2] ?? '';
    // color(srgb 0.5 0.2 1): channels are 0…1.
    scale = 1;
  }
  const split = parts(body);
  if (!split) return null;
  const rgb = split.channels.map((c) => channel(c, scale));
  const alpha = alphaOf(split.alpha);
  if (rgb.some((c) => c === null) || alpha === null) return null;
  const [r = 0, g = 0, b = 0] = (rgb as number[]).map((c) => (c * 255) / scale);
  return { hex: `#${hex2(r)}${hex2(g)}${hex2(b)}`, alpha: roundAlpha(alpha) };
}

/** A PlainColor from four 0…255 bytes (a pixel the browser painted). */
export function colorFromBytes(r: number, g: number, b: number, a: number): PlainColor {
  return { hex: `#${hex2(r)}${hex2(g)}${hex2(b)}`, alpha: roundAlpha(a / 255) };
}
