// The TCP header: ports, numbers, flags, window, options, and the payload length from the IP
// lengths (what was on the wire, whatever the snap length kept).
import type { Flag } from '../engine/types';
import { DECODED, NO_OPTIONS, type DecodeStatus, type PacketFields } from './packet';
import type { TcpOptionInfo } from './types';

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;
const URG = 0x20;
const ECE = 0x40;
const CWR = 0x80;

type OtherFlag = 'URG' | 'ECE' | 'CWR';

// One frozen array per combination, shared by every segment that has it: the flags of half a
// million segments then cost no memory, and a consumer that tried to modify one would fail loudly.
const FLAG_ARRAYS: Flag[][] = [];
const OTHER_FLAG_ARRAYS: OtherFlag[][] = [];
for (let bits = 0; bits < 32; bits++) {
  const flags: Flag[] = [];
  // The order of FLAGS in ../types: SYN, FIN, RST, PSH, ACK.
  if (bits & SYN) flags.push('SYN');
  if (bits & FIN) flags.push('FIN');
  if (bits & RST) flags.push('RST');
  if (bits & PSH) flags.push('PSH');
  if (bits & ACK) flags.push('ACK');
  FLAG_ARRAYS.push(Object.freeze(flags) as Flag[]);
}
for (let bits = 0; bits < 8; bits++) {
  const flags: OtherFlag[] = [];
  if (bits & (URG >> 5)) flags.push('URG');
  if (bits & (ECE >> 5)) flags.push('ECE');
  if (bits & (CWR >> 5)) flags.push('CWR');
  OTHER_FLAG_ARRAYS.push(Object.freeze(flags) as OtherFlag[]);
}

/** SYN, FIN, RST, PSH, ACK from the header's flag byte (a shared, frozen array). */
export function flagsOf(flagBits: number): Flag[] {
  return FLAG_ARRAYS[flagBits & 0x1f]!;
}

/** URG, ECE, CWR from the header's flag byte (a shared, frozen array). */
export function otherFlagsOf(flagBits: number): OtherFlag[] {
  return OTHER_FLAG_ARRAYS[(flagBits >> 5) & 7]!;
}

/**
 * Reads the TCP header at fields.tcpStart into fields. PROBLEM when the captured bytes stop
 * before the window field, or the header's length does not fit the IP payload.
 */
export function readTcp(bytes: Uint8Array, fields: PacketFields): DecodeStatus {
  const start = fields.tcpStart;
  const capEnd = fields.capEnd;
  // Everything the lab needs is in the first 16 bytes; the rest (checksum, urgent pointer,
  // options) may be missing from a packet the snap length cut.
  if (capEnd - start < 16) return fields.fail('cut short inside its TCP header');
  if (fields.tcpLength < 20) {
    return fields.fail(`IP payload of ${fields.tcpLength} bytes, too short for a TCP header`);
  }
  const headerLength = (bytes[start + 12]! >> 4) * 4;
  if (headerLength < 20) return fields.fail(`TCP header length ${headerLength} (less than 20)`);
  if (headerLength > fields.tcpLength) {
    return fields.fail(
      `TCP header length ${headerLength} longer than the IP payload (${fields.tcpLength})`,
    );
  }
  fields.srcPort = (bytes[start]! << 8) | bytes[start + 1]!;
  fields.dstPort = (bytes[start + 2]! << 8) | bytes[start + 3]!;
  fields.seq = u32(bytes, start + 4);
  fields.ack = u32(bytes, start + 8);
  fields.flagBits = bytes[start + 13]!;
  fields.window = (bytes[start + 14]! << 8) | bytes[start + 15]!;
  const headerEnd = start + headerLength;
  fields.optionsCut = headerEnd > capEnd;
  fields.options =
    headerLength > 20 ? readOptions(bytes, start + 20, Math.min(headerEnd, capEnd)) : NO_OPTIONS;
  const payloadLength = fields.tcpLength - headerLength;
  fields.payloadLength = payloadLength;
  const captured = capEnd - headerEnd;
  fields.capturedLength = captured <= 0 ? 0 : captured < payloadLength ? captured : payloadLength;
  return DECODED;
}

function u32(bytes: Uint8Array, at: number): number {
  return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/**
 * The options between `at` and `end`. Reading stops at End of Options, at an option whose length
 * is impossible, or at one that runs past `end` (cut by the snap length): what came before is kept.
 */
export function readOptions(bytes: Uint8Array, at: number, end: number): TcpOptionInfo[] {
  const options: TcpOptionInfo[] = [];
  while (at < end) {
    const kind = bytes[at]!;
    if (kind === 0) break; // End of Options
    if (kind === 1) {
      at++; // No-Operation
      continue;
    }
    if (end - at < 2) break;
    const length = bytes[at + 1]!;
    if (length < 2 || at + length > end) break;
    const value = at + 2;
    if (kind === 2 && length === 4) {
      options.push({ kind: 'mss', value: (bytes[value]! << 8) | bytes[value + 1]! });
    } else if (kind === 3 && length === 3) {
      options.push({ kind: 'wscale', shift: bytes[value]! });
    } else if (kind === 4 && length === 2) {
      options.push({ kind: 'sack-permitted' });
    } else if (kind === 5 && length % 8 === 2) {
      const blocks: [number, number][] = [];
      for (let block = value; block < at + length; block += 8) {
        blocks.push([u32(bytes, block), u32(bytes, block + 4)]);
      }
      options.push({ kind: 'sack', blocks });
    } else if (kind === 8 && length === 10) {
      options.push({ kind: 'timestamps', value: u32(bytes, value), echo: u32(bytes, value + 4) });
    } else {
      options.push({ kind: 'other', code: kind, length });
    }
    at += length;
  }
  return options.length === 0 ? NO_OPTIONS : options;
}
