import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FLAG_BITS,
  FLAGS,
  faultFlagByte,
  flagByte,
  flagListByte,
  flagsOf,
  HEADER_FLAGS,
  headerFlagsOf,
  otherFlagsOf,
} from './flags';

/** Any value of byte 13, the header's flag byte. */
const anyFlagByte = fc.integer({ min: 0, max: 0xff });

describe('the flag table', () => {
  it('gives each of byte 13’s bits one name, in header order (CWR high, FIN low)', () => {
    expect(HEADER_FLAGS).toEqual(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);
    expect(HEADER_FLAGS.map((name) => FLAG_BITS[name])).toEqual([
      0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01,
    ]);
  });

  it('writes the lab’s flags in one order: SYN, FIN, RST, PSH, ACK', () => {
    expect(FLAGS).toEqual(['SYN', 'FIN', 'RST', 'PSH', 'ACK']);
    expect(flagsOf(0x12)).toEqual(['SYN', 'ACK']);
    expect(flagsOf(0x11)).toEqual(['FIN', 'ACK']);
    expect(flagsOf(0x18)).toEqual(['PSH', 'ACK']);
  });

  it('reads every byte back to the flags it was made of', () => {
    fc.assert(
      fc.property(anyFlagByte, (byte) => {
        const lab = flagsOf(byte);
        const other = otherFlagsOf(byte);
        expect(flagByte([...lab, ...other])).toBe(byte);
        expect(headerFlagsOf(byte).sort()).toEqual([...lab, ...other].sort());
        expect(FLAGS.filter((name) => lab.includes(name))).toEqual(lab);
      }),
      { numRuns: 1_000 },
    );
  });

  it('shares one frozen array per combination', () => {
    expect(flagsOf(0x12)).toBe(flagsOf(0x12 | 0x20));
    expect(Object.isFrozen(flagsOf(0x12))).toBe(true);
  });

  it('reads a scenario’s comma list; a fault ignores PSH', () => {
    expect(flagListByte('SYN,ACK')).toBe(0x12);
    expect(flagListByte(' fin , ack ')).toBe(0x11);
    expect(faultFlagByte('PSH,ACK')).toBe(FLAG_BITS.ACK);
    expect(() => flagByte(['NS'])).toThrow(RangeError);
  });
});
