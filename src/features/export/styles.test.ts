import { describe, expect, it } from 'vitest';
import {
  attributesToWrite,
  exportedValues,
  exportFontFamily,
  fontKindOf,
  fontNames,
  plainLength,
  SVG_INITIAL,
} from './styles';

/** A computed style as Chromium reports one for the diagram's text and lines. */
function computed(overrides: Record<string, string> = {}): (p: string) => string {
  const base: Record<string, string> = {
    fill: 'rgb(29, 35, 43)',
    'fill-opacity': '1',
    'fill-rule': 'nonzero',
    stroke: 'none',
    'stroke-opacity': '1',
    'stroke-width': '1px',
    'stroke-dasharray': 'none',
    'stroke-dashoffset': '0px',
    'stroke-linecap': 'butt',
    'stroke-linejoin': 'miter',
    'stroke-miterlimit': '4',
    'paint-order': 'normal',
    'font-family': 'system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif',
    'font-size': '16px',
    'font-weight': '400',
    'font-style': 'normal',
    'letter-spacing': 'normal',
    'text-anchor': 'start',
    'dominant-baseline': 'auto',
    visibility: 'visible',
    opacity: '1',
    'font-variant-numeric': 'normal',
    ...overrides,
  };
  return (p) => base[p] ?? '';
}

const noFallback = () => null;

describe('font stacks', () => {
  it('splits a computed font-family list, quotes and all', () => {
    expect(fontNames('system-ui, "Noto Sans", \'Noto Sans CJK SC\', sans-serif')).toEqual([
      'system-ui',
      'Noto Sans',
      'Noto Sans CJK SC',
      'sans-serif',
    ]);
  });

  it('names the embedded fonts first, Latin then CJK, and keeps the page’s after them', () => {
    expect(exportFontFamily('system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif')).toBe(
      "'Noto Sans', 'Noto Sans SC', system-ui, 'Noto Sans CJK SC', sans-serif",
    );
    expect(exportFontFamily('ui-monospace, SFMono-Regular, Menlo, Consolas, monospace')).toBe(
      "'Noto Sans Mono', 'Noto Sans SC', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    );
  });

  it('tells the monospaced stack from the others, also once rewritten', () => {
    expect(fontKindOf('ui-monospace, Menlo, monospace')).toBe('mono');
    expect(fontKindOf("'Noto Sans Mono', 'Noto Sans SC', monospace")).toBe('mono');
    expect(fontKindOf("'Noto Sans', 'Noto Sans SC', sans-serif")).toBe('sans');
    expect(fontKindOf('')).toBe('sans');
  });
});

describe('plainLength', () => {
  it('drops px and turns dash lists into SVG lists', () => {
    expect(plainLength('4px')).toBe('4');
    expect(plainLength('9.5px')).toBe('9.5');
    expect(plainLength('7px, 4px')).toBe('7 4');
    expect(plainLength('none')).toBe('none');
    expect(plainLength('0.32px')).toBe('0.32');
  });
});

describe('exportedValues', () => {
  it('resolves colours to hex, their alpha into the opacity, transparent to none', () => {
    const values = exportedValues(
      computed({
        fill: 'color(srgb 0.0431 0.384 0.839 / 0.14)',
        'fill-opacity': '0.5',
        stroke: 'rgba(0, 0, 0, 0)',
        'stroke-width': '0.75px',
      }),
      noFallback,
    );
    expect(values.fill).toBe('#0b62d6');
    expect(values['fill-opacity']).toBe('0.07');
    expect(values.stroke).toBe('none');
    expect(values['stroke-width']).toBe('0.75');
    expect(values['font-family']).toMatch(/^'Noto Sans', 'Noto Sans SC'/);
  });

  it('asks the fallback for colours it cannot read, and never writes a CSS variable', () => {
    const asked: string[] = [];
    const values = exportedValues(computed({ fill: 'oklab(0.5 0 0)', stroke: 'var(--x)' }), (v) => {
      asked.push(v);
      return v.startsWith('oklab') ? { hex: '#636363', alpha: 1 } : null;
    });
    expect(asked).toEqual(['oklab(0.5 0 0)', 'var(--x)']);
    expect(values.fill).toBe('#636363');
    expect(values.stroke).toBe('none');
    expect(Object.values(values).join(' ')).not.toContain('var(');
  });
});

describe('attributesToWrite', () => {
  it('writes only what differs from the parent, and opacity only when not 1', () => {
    const parent = exportedValues(computed(), noFallback);
    const child = exportedValues(
      computed({ 'font-weight': '600', 'text-anchor': 'middle', opacity: '0.55' }),
      noFallback,
    );
    expect(attributesToWrite(child, parent)).toEqual({
      attrs: { 'font-weight': '600', 'text-anchor': 'middle', opacity: '0.55' },
      style: '',
    });
    expect(attributesToWrite(parent, parent)).toEqual({ attrs: {}, style: '' });
  });

  it('writes everything that is not SVG’s own default at the root', () => {
    const root = attributesToWrite(exportedValues(computed(), noFallback), SVG_INITIAL);
    expect(root.attrs).toEqual({
      fill: '#1d232b',
      'font-family': "'Noto Sans', 'Noto Sans SC', system-ui, 'Noto Sans CJK SC', sans-serif",
      'font-size': '16',
    });
  });

  it('puts what is not a presentation attribute into style', () => {
    const parent = exportedValues(computed(), noFallback);
    const child = exportedValues(computed({ 'font-variant-numeric': 'tabular-nums' }), noFallback);
    expect(attributesToWrite(child, parent)).toEqual({
      attrs: {},
      style: 'font-variant-numeric:tabular-nums',
    });
  });
});
