// The TCP header (RFC 9293 section 3.1), written and read. Written: the 20 bytes of a segment
// without options and its checksum over the IPv4 pseudo-header (RFC 1071 one's complement sum),
// which the page's inspector shows and the pcap writer puts on a packet. The simulator carries no
// payload bytes, so a payload may be given as a length (that many zero bytes). Read: the options
// of a captured segment (the capture reader reads the fixed fields itself, into reused fields).
// The flags' bits are ./flags.ts's.
import { ENDPOINT_ADDRESSES } from '../addresses';
import type { Side } from '../types';
import { flagByte } from './flags';

/** The header without options is five 32-bit words. */
export const TCP_HEADER_BYTES = 20;
/** IP protocol number of TCP. */
export const IPPROTO_TCP = 6;

export interface TcpHeaderFields {
  srcPort: number;
  dstPort: number;
  /** Absolute 32-bit sequence number. */
  seq: number;
  /** Absolute 32-bit acknowledgment number (sent as is, even without ACK). */
  ack: number;
  /** Flag names; unknown names are an error. Order does not matter. */
  flags: readonly string[];
  window: number;
  /** Default 0 (as when computing the checksum). */
  checksum?: number;
  /** Default 0. */
  urgentPointer?: number;
  /** In 32-bit words; default 5 (no options). Only the 4-bit field is written. */
  dataOffset?: number;
}

function check(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  }
  return value;
}

/** The 20 header bytes in network byte order. Throws RangeError on a field out of range. */
export function tcpHeaderBytes(fields: TcpHeaderFields): Uint8Array {
  const bytes = new Uint8Array(TCP_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, check('source port', fields.srcPort, 0xffff));
  view.setUint16(2, check('destination port', fields.dstPort, 0xffff));
  view.setUint32(4, check('sequence number', fields.seq, 0xffffffff));
  view.setUint32(8, check('acknowledgment number', fields.ack, 0xffffffff));
  // Data offset in the high nibble; the low nibble is reserved (zero).
  bytes[12] = check('data offset', fields.dataOffset ?? 5, 15) << 4;
  bytes[13] = flagByte(fields.flags);
  view.setUint16(14, check('window', fields.window, 0xffff));
  view.setUint16(16, check('checksum', fields.checksum ?? 0, 0xffff));
  view.setUint16(18, check('urgent pointer', fields.urgentPointer ?? 0, 0xffff));
  return bytes;
}

/** The four bytes of a dotted-quad IPv4 address (or the bytes themselves, checked). */
export function ipv4Bytes(address: string | Uint8Array): Uint8Array {
  if (typeof address !== 'string') {
    if (address.length !== 4) throw new RangeError('an IPv4 address has 4 bytes');
    return address;
  }
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    throw new RangeError(`not an IPv4 address: ${JSON.stringify(address)}`);
  }
  return Uint8Array.from(parts, Number);
}

/**
 * Adds the 16-bit big-endian words of `bytes` to `sum` (an odd last byte is padded with a zero on
 * the right, RFC 1071). Carries are kept in the high bits and folded at the end; an unfolded sum stays
 * far below 2^53 for any input a browser can hold.
 */
function addWords(sum: number, bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  for (; i + 1 < n; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < n) sum += bytes[i]! << 8;
  return sum;
}

function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** The 16-bit one's complement sum (not complemented) of byte strings laid end to end in pairs. */
export function onesComplementSum(...chunks: Uint8Array[]): number {
  let sum = 0;
  for (const chunk of chunks) {
    if (chunk.length % 2 !== 0 && chunk !== chunks[chunks.length - 1]) {
      throw new RangeError('only the last chunk may have an odd length');
    }
    sum = addWords(sum, chunk);
  }
  return fold(sum);
}

/** The 12-byte IPv4 pseudo-header: source, destination, zero, protocol 6, TCP length. */
export function ipv4PseudoHeader(
  srcIp: string | Uint8Array,
  dstIp: string | Uint8Array,
  tcpLength: number,
): Uint8Array {
  const bytes = new Uint8Array(12);
  bytes.set(ipv4Bytes(srcIp), 0);
  bytes.set(ipv4Bytes(dstIp), 4);
  bytes[9] = IPPROTO_TCP;
  new DataView(bytes.buffer).setUint16(10, check('TCP length', tcpLength, 0xffff));
  return bytes;
}

/**
 * The TCP checksum: the one's complement of the one's complement sum of the pseudo-header, the header
 * and the payload (RFC 9293 section 3.1). The header is summed as given: pass it with a zero checksum
 * field to compute the value to send; over a header that already carries a correct checksum the result
 * is 0. `payload` is the data, or its length when the data is all zero bytes (the simulator's case).
 */
export function tcpChecksum(
  srcIp: string | Uint8Array,
  dstIp: string | Uint8Array,
  header: Uint8Array,
  payload: Uint8Array | number = 0,
): number {
  if (header.length % 2 !== 0) throw new RangeError('a TCP header has an even length');
  const payloadLength = typeof payload === 'number' ? payload : payload.length;
  check('payload length', payloadLength, 0xffff);
  const pseudo = ipv4PseudoHeader(srcIp, dstIp, header.length + payloadLength);
  // Zero bytes add nothing to the sum; only their count (in the pseudo-header) matters.
  const sum =
    typeof payload === 'number'
      ? onesComplementSum(pseudo, header)
      : onesComplementSum(pseudo, header, payload);
  return ~sum & 0xffff;
}

export interface BuiltHeader {
  fields: Required<TcpHeaderFields>;
  /** The 20 bytes with the checksum filled in. */
  bytes: Uint8Array;
  checksum: number;
}

/** The header bytes with a correct checksum for the given addresses and payload. */
export function buildTcpHeader(
  fields: TcpHeaderFields,
  srcIp: string | Uint8Array,
  dstIp: string | Uint8Array,
  payload: Uint8Array | number = 0,
): BuiltHeader {
  const zeroed = tcpHeaderBytes({ ...fields, checksum: 0 });
  const checksum = tcpChecksum(srcIp, dstIp, zeroed, payload);
  const full: Required<TcpHeaderFields> = {
    urgentPointer: 0,
    dataOffset: 5,
    ...fields,
    checksum,
  };
  return { fields: full, bytes: tcpHeaderBytes(full), checksum };
}

/** A segment as the page knows it (a subset of SegmentInfo), with its endpoints' ports. */
export interface SegmentHeaderInput {
  from: Side;
  to: Side;
  flags: readonly string[];
  seq: number;
  ack: number;
  len: number;
  window: number;
}

/** The header a simulated segment would carry between ENDPOINT_ADDRESSES, payload `len` zeros. */
export function segmentHeader(
  segment: SegmentHeaderInput,
  ports: Readonly<Record<Side, number>>,
): BuiltHeader {
  return buildTcpHeader(
    {
      srcPort: ports[segment.from],
      dstPort: ports[segment.to],
      seq: segment.seq >>> 0,
      ack: segment.ack >>> 0,
      flags: segment.flags,
      window: segment.window,
    },
    ENDPOINT_ADDRESSES[segment.from],
    ENDPOINT_ADDRESSES[segment.to],
    segment.len,
  );
}

// ---- reading ----

/** A TCP option the lab reads (RFC 9293 section 3.2 and the RFCs that define them). */
export type TcpOptionInfo =
  | { kind: 'mss'; value: number }
  | { kind: 'wscale'; shift: number }
  | { kind: 'sack-permitted' }
  | { kind: 'sack'; blocks: [number, number][] }
  | { kind: 'timestamps'; value: number; echo: number }
  | { kind: 'other'; code: number; length: number };

/** The big-endian 32-bit number at `at`. */
export function u32(bytes: Uint8Array, at: number): number {
  return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/**
 * The options between `at` and `end` (`none` when there are none: a caller may share one empty
 * array). Reading stops at End of Options, at an option whose length is impossible, or at one
 * that runs past `end` (cut by a capture's snap length): what came before is kept.
 */
export function readTcpOptions(
  bytes: Uint8Array,
  at: number,
  end: number,
  none: TcpOptionInfo[] = [],
): TcpOptionInfo[] {
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
  return options.length === 0 ? none : options;
}
