import { describe, expect, it } from 'vitest';
import { hex, hex16 } from './hex';

describe('hex', () => {
  it('groups bytes', () => {
    const bytes = Uint8Array.of(0x9c, 0x40, 0x1f, 0x90, 0x0a);
    expect(hex(bytes)).toBe('9c 40 1f 90 0a');
    expect(hex(bytes, 2)).toBe('9c40 1f90 0a');
    expect(hex(bytes, 4)).toBe('9c401f90 0a');
    expect(hex([])).toBe('');
    expect(hex16(0x3f4)).toBe('0x03f4');
  });
});
