import { describe, expect, it } from 'vitest';
import { labelLines, labelOffsets, LABEL_DY } from './place';

describe('split labels', () => {
  it('read as the one-line label would: flags, then the numbers', () => {
    const text = 'FIN,ACK seq=1 ack=10222';
    expect(labelLines(text, false)).toEqual([text]);
    const lines = labelLines(text, true);
    expect(lines).toEqual(['FIN,ACK ', 'seq=1 ack=10222']);
    expect(lines.join('')).toBe(text);
    // Nothing to split: one line.
    expect(labelLines('SYN', true)).toEqual(['SYN']);
  });

  it('grow away from their arrow, the badges beyond them', () => {
    for (const where of ['above', 'below'] as const) {
      const one = labelOffsets({ where, lift: 0 }, 10);
      const two = labelOffsets({ where, lift: 0, split: true }, 10);
      expect(one.lines).toEqual([LABEL_DY[where]]);
      expect(two.lines).toHaveLength(2);
      // The line nearest the arrow stays where the one-line label was.
      const nearest = where === 'above' ? two.lines[1] : two.lines[0];
      expect(nearest).toBe(LABEL_DY[where]);
      const sign = where === 'above' ? -1 : 1;
      expect(sign * (two.badge - one.badge)).toBeGreaterThan(0);
      expect(Math.abs((two.lines[1] ?? 0) - (two.lines[0] ?? 0))).toBeGreaterThanOrEqual(12);
    }
  });
});
