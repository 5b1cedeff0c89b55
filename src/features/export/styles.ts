// From the browser's computed style of a drawn element to the presentation attributes an exported
// SVG carries instead of the page's stylesheet: resolved colours (no CSS variables, no color-mix),
// plain numbers, the embedded fonts named first. Pure: the caller passes the computed values.

import { parseColor, roundAlpha, type PlainColor } from './colors';

/** Where a computed value comes from: getComputedStyle(el).getPropertyValue in the browser. */
export type ComputedGet = (property: string) => string;
/** Colours the parser cannot read (another colour space), resolved by painting them. */
export type ColorFallback = (value: string) => PlainColor | null;

/** The fonts embedded in every export, named first in each font stack. */
export const EXPORT_FONTS = {
  sans: 'Noto Sans',
  mono: 'Noto Sans Mono',
  cjk: 'Noto Sans SC',
} as const;

export type FontKind = 'sans' | 'mono';

const GENERIC = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'math',
  'emoji',
  'fangsong',
]);

/** The names of a CSS font-family list, unquoted. */
export function fontNames(list: string): string[] {
  const names: string[] = [];
  for (const match of list.matchAll(/\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,]+)\s*(?:,|$)/g)) {
    const raw = (match[1] ?? '').trim();
    const name = /^["']/.test(raw) ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (name !== '') names.push(name);
  }
  return names;
}

function quoteName(name: string): string {
  return GENERIC.has(name) || /^[A-Za-z][\w-]*$/.test(name)
    ? name
    : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Whether a font stack is the monospaced one (its generic family says so). */
export function fontKindOf(list: string): FontKind {
  const names = fontNames(list);
  if (names[0] === EXPORT_FONTS.mono) return 'mono';
  if (names[0] === EXPORT_FONTS.sans) return 'sans';
  return names.some((n) => n === 'monospace' || n === 'ui-monospace') ? 'mono' : 'sans';
}

/** A font stack with the embedded fonts first (Latin, then CJK), the page's own after them. */
export function exportFontFamily(list: string): string {
  const first = fontKindOf(list) === 'mono' ? EXPORT_FONTS.mono : EXPORT_FONTS.sans;
  const ours: string[] = [first, EXPORT_FONTS.cjk];
  const rest = fontNames(list).filter((n) => !ours.includes(n));
  return [...ours, ...rest].map(quoteName).join(', ');
}

/** `4px` → `4`; lists (`7px, 4px`) → `7 4`; keywords as they are. */
export function plainLength(value: string): string {
  const text = value.trim();
  if (text === '' || text === 'none' || text === 'normal') return text;
  return text
    .split(/[\s,]+/)
    .map((part) => {
      const m = /^(-?[\d.]+(?:e-?\d+)?)px$/i.exec(part);
      return m ? String(Math.round(Number(m[1]) * 1000) / 1000) : part;
    })
    .join(' ');
}

function weightOf(value: string): string {
  if (value === 'normal') return '400';
  if (value === 'bold') return '700';
  return value;
}

/** What an SVG reader assumes where nothing is said: attributes equal to these can be left out. */
export const SVG_INITIAL: Readonly<Record<string, string>> = {
  fill: '#000000',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-opacity': '1',
  'stroke-width': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'stroke-miterlimit': '4',
  'paint-order': 'normal',
  'font-family': '',
  'font-size': '',
  'font-weight': '400',
  'font-style': 'normal',
  'letter-spacing': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  visibility: 'visible',
  opacity: '1',
  // Not a presentation attribute: written into `style`.
  'font-variant-numeric': 'normal',
};

/** Inherited by children (all but opacity): written only where they change. */
const NOT_INHERITED = new Set(['opacity']);

/** Style properties written into a `style` attribute rather than as attributes of their own. */
export const STYLE_ONLY = new Set(['font-variant-numeric']);

/** A paint (fill or stroke) and its opacity, the colour's own alpha folded into the opacity. */
function paint(
  value: string,
  opacity: string,
  fallback: ColorFallback,
): { paint: string; opacity: string } {
  const text = value.trim();
  const base = Number(opacity);
  const own = Number.isFinite(base) ? base : 1;
  if (text === 'none' || text === '') return { paint: 'none', opacity: String(roundAlpha(own)) };
  const color = parseColor(text) ?? fallback(text);
  if (!color) return { paint: 'none', opacity: '1' };
  if (color.alpha === 0) return { paint: 'none', opacity: '1' };
  return { paint: color.hex, opacity: String(roundAlpha(own * color.alpha)) };
}

/** Every exported property of one element, as the exported file writes it. */
export function exportedValues(get: ComputedGet, fallback: ColorFallback): Record<string, string> {
  const fill = paint(get('fill'), get('fill-opacity'), fallback);
  const stroke = paint(get('stroke'), get('stroke-opacity'), fallback);
  const values: Record<string, string> = {
    fill: fill.paint,
    'fill-opacity': fill.opacity,
    'fill-rule': get('fill-rule') || 'nonzero',
    stroke: stroke.paint,
    'stroke-opacity': stroke.opacity,
    'stroke-width': plainLength(get('stroke-width')) || '1',
    'stroke-dasharray': plainLength(get('stroke-dasharray')) || 'none',
    'stroke-dashoffset': plainLength(get('stroke-dashoffset')) || '0',
    'stroke-linecap': get('stroke-linecap') || 'butt',
    'stroke-linejoin': get('stroke-linejoin') || 'miter',
    'stroke-miterlimit': get('stroke-miterlimit') || '4',
    'paint-order': get('paint-order') || 'normal',
    'font-family': exportFontFamily(get('font-family')),
    'font-size': plainLength(get('font-size')),
    'font-weight': weightOf(get('font-weight') || '400'),
    'font-style': get('font-style') || 'normal',
    'letter-spacing': plainLength(get('letter-spacing')) || 'normal',
    'text-anchor': get('text-anchor') || 'start',
    'dominant-baseline': get('dominant-baseline') || 'auto',
    visibility: get('visibility') || 'visible',
    opacity: String(roundAlpha(Number(get('opacity') || '1'))),
    'font-variant-numeric': get('font-variant-numeric') || 'normal',
  };
  if (values['letter-spacing'] === '0') values['letter-spacing'] = 'normal';
  return values;
}

/**
 * What an element must say itself: inherited values that differ from its parent's (`parent` is
 * SVG_INITIAL at the root), and non-inherited ones that differ from the initial value. Returns the
 * attributes and the `style` text (empty when none).
 */
export function attributesToWrite(
  own: Readonly<Record<string, string>>,
  parent: Readonly<Record<string, string>>,
): { attrs: Record<string, string>; style: string } {
  const attrs: Record<string, string> = {};
  const style: string[] = [];
  for (const [name, value] of Object.entries(own)) {
    const base = NOT_INHERITED.has(name) ? SVG_INITIAL[name] : parent[name];
    if (value === base) continue;
    if (STYLE_ONLY.has(name)) style.push(`${name}:${value}`);
    else attrs[name] = value;
  }
  return { attrs, style: style.join(';') };
}
