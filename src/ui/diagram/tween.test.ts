import { describe, expect, it } from 'vitest';
import { easeInOut } from './tween';

describe("the web component's flight easing", () => {
  it('runs from 0 to 1, symmetric about the middle', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 6);
    for (const t of [0.1, 0.25, 0.4]) expect(easeInOut(t) + easeInOut(1 - t)).toBeCloseTo(1, 6);
  });

  it('never goes back and eases in and out', () => {
    let previous = 0;
    for (let i = 1; i <= 100; i++) {
      const value = easeInOut(i / 100);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    // Slow at both ends: less ground covered in the first and last tenth than linear.
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
  });

  it("matches CSS's ease-in-out, cubic-bezier(0.42, 0, 0.58, 1)", () => {
    // Reference values of that curve (its y at x = 0.25 and x = 0.75).
    expect(easeInOut(0.25)).toBeCloseTo(0.1291, 3);
    expect(easeInOut(0.75)).toBeCloseTo(0.8709, 3);
  });
});
