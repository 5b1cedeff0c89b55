import { describe, expect, it } from 'vitest';
import { colorFromBytes, parseColor, roundAlpha } from './colors';

describe('parseColor', () => {
  it('reads the forms getComputedStyle gives', () => {
    expect(parseColor('rgb(29, 35, 43)')).toEqual({ hex: '#1d232b', alpha: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ hex: '#000000', alpha: 0 });
    expect(parseColor('rgb(11 98 214 / 0.45)')).toEqual({ hex: '#0b62d6', alpha: 0.45 });
    expect(parseColor('transparent')).toEqual({ hex: '#000000', alpha: 0 });
    expect(parseColor('#FFF')).toEqual({ hex: '#ffffff', alpha: 1 });
    expect(parseColor('#12161b')).toEqual({ hex: '#12161b', alpha: 1 });
  });

  it('reads color(srgb …), what a computed color-mix() becomes', () => {
    expect(parseColor('color(srgb 1 0.5 0)')).toEqual({ hex: '#ff8000', alpha: 1 });
    expect(parseColor('color(srgb 0.0431 0.384 0.839 / 0.14)')).toEqual({
      hex: '#0b62d6',
      alpha: 0.14,
    });
    expect(parseColor('rgb(100%, 0%, 50%)')).toEqual({ hex: '#ff0080', alpha: 1 });
  });

  it('leaves other colour spaces and keywords to the browser', () => {
    expect(parseColor('oklab(0.5 0.1 0.1)')).toBeNull();
    expect(parseColor('color(display-p3 1 0 0)')).toBeNull();
    expect(parseColor('red')).toBeNull();
    expect(parseColor('rgb(1, 2)')).toBeNull();
    expect(parseColor('var(--fg)')).toBeNull();
  });

  it('clamps out-of-range channels', () => {
    expect(parseColor('color(srgb 1.2 -0.1 0.5 / 2)')).toEqual({ hex: '#ff0080', alpha: 1 });
  });
});

describe('bytes and alpha', () => {
  it('turns a painted pixel into hex and alpha', () => {
    expect(colorFromBytes(255, 128, 0, 255)).toEqual({ hex: '#ff8000', alpha: 1 });
    expect(colorFromBytes(0, 0, 0, 51)).toEqual({ hex: '#000000', alpha: 0.2 });
  });

  it('rounds alpha to three decimals within 0…1', () => {
    expect(roundAlpha(0.85)).toBe(0.85);
    expect(roundAlpha(0.123456)).toBe(0.123);
    expect(roundAlpha(-1)).toBe(0);
    expect(roundAlpha(3)).toBe(1);
  });
});
