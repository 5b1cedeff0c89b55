import { describe, expect, it } from 'vitest';
import { findChromium } from './child';

describe('the browser sections of the bench', () => {
  it('finds no Chromium where there is none, so the section can be skipped', () => {
    expect(findChromium([])).toBeNull();
    expect(findChromium(['/nonexistent/chromium'])).toBeNull();
  });

  it('takes the first candidate that exists', () => {
    expect(findChromium(['/nonexistent/chromium', process.execPath, '/bin/sh'])).toBe(
      process.execPath,
    );
  });
});
