// The TCP flags: one table of their names, their bits in the header's flag byte (RFC 9293 section
// 3.1, byte 13) and the order the lab writes them in. The engine, the scenario format, the header
// writer and the capture reader all read it, so a flag has one bit and one spelling everywhere.
import type { Flag } from '../types';

/** Every bit of byte 13, most significant first, as RFC 9293's header diagram draws them. */
export const FLAG_BITS = {
  CWR: 0x80,
  ECE: 0x40,
  URG: 0x20,
  ACK: 0x10,
  PSH: 0x08,
  RST: 0x04,
  SYN: 0x02,
  FIN: 0x01,
} as const;
export type HeaderFlag = keyof typeof FLAG_BITS;
/** The header's flags in header order (CWR first, FIN last). */
export const HEADER_FLAGS = Object.keys(FLAG_BITS) as HeaderFlag[];

/**
 * The flags connection management uses (what scenarios name and traces carry), in the order the
 * lab writes them: SYN, FIN, RST, PSH, ACK ("SYN,ACK", "FIN,ACK").
 */
export const FLAGS = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as const;

// The engine's hot path compares bits, not arrays of names.
export const { SYN, FIN, RST, PSH, ACK } = FLAG_BITS;

/** The bits of the lab's flags: the low five of byte 13. */
const LAB_FLAG_MASK = SYN | FIN | RST | PSH | ACK;

// One frozen array per combination, shared by every segment that has it: the flags of half a
// million segments then cost no memory, and code that tried to modify one would fail loudly.
const FLAG_ARRAYS: readonly Flag[][] = Array.from(
  { length: LAB_FLAG_MASK + 1 },
  (_, bits) => Object.freeze(FLAGS.filter((name) => (bits & FLAG_BITS[name]) !== 0)) as Flag[],
);

/** The lab's flags set in a flag byte, in the lab's order (a shared, frozen array). */
export function flagsOf(byte: number): Flag[] {
  return FLAG_ARRAYS[byte & LAB_FLAG_MASK]!;
}

/** The header's other flags set in a flag byte (URG, ECE, CWR), in header order. */
export function otherFlagsOf(byte: number): ('URG' | 'ECE' | 'CWR')[] {
  return (['URG', 'ECE', 'CWR'] as const).filter((name) => (byte & FLAG_BITS[name]) !== 0);
}

/** The flag byte for a list of flag names; RangeError for a name that is not a TCP flag. */
export function flagByte(names: readonly string[]): number {
  let byte = 0;
  for (const name of names) {
    const bit = (FLAG_BITS as Record<string, number | undefined>)[name];
    if (bit === undefined) throw new RangeError(`unknown TCP flag ${JSON.stringify(name)}`);
    byte |= bit;
  }
  return byte;
}

/** The header flags set in a flag byte, in header order. */
export function headerFlagsOf(byte: number): HeaderFlag[] {
  return HEADER_FLAGS.filter((name) => (byte & FLAG_BITS[name]) !== 0);
}

/** A scenario's comma list ("SYN,ACK", already checked by the validator) as a flag byte. */
export function flagListByte(list: string): number {
  return flagByte(list.split(',').map((name) => name.trim().toUpperCase()));
}

/** The flags a fault matches: PSH never counts (the same segment may carry it or not). */
export function faultFlagByte(list: string): number {
  return flagListByte(list) & ~PSH;
}
