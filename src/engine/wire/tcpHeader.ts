// The TCP header (RFC 9293 section 3.1), written and read. Written: the 20 fixed bytes of a
// segment, its options laid out as Linux lays them out, and its checksum over the IPv4
// pseudo-header (RFC 1071 one's complement sum), which the page's inspector shows and the pcap
// writer puts on a packet. The simulator carries no payload bytes, so a payload may be given as a
// length (that many zero bytes). Read: the options of a captured segment (the capture reader reads
// the fixed fields itself, into reused fields). One option model for both directions: the trace's
// TcpOption (../types.ts) and what a capture may carry besides. The flags' bits are ./flags.ts's.
import { ENDPOINT_ADDRESSES } from '../addresses';
import type { Side, TcpOption } from '../types';
import { flagByte } from './flags';

/** The header without options is five 32-bit words. */
export const TCP_HEADER_BYTES = 20;
/** The data offset is 4 bits of 32-bit words: at most 60 header bytes, 40 of them options. */
export const MAX_TCP_OPTION_BYTES = 40;

/**
 * A TCP option as the lab reads and writes it (RFC 9293 section 3.2 and the RFCs that define
 * them): the trace's options, SACK blocks (RFC 2018) and any other kind by its code and length
 * (its content is not kept; written back as zero bytes).
 */
export type TcpOptionInfo =
  | TcpOption
  | { kind: 'sack'; blocks: [number, number][] }
  | { kind: 'other'; code: number; length: number };

/** Whether the trace can carry an option (SACK blocks and unknown kinds it cannot). */
export function isTraceOption(option: TcpOptionInfo): option is TcpOption {
  return option.kind !== 'sack' && option.kind !== 'other';
}

/** Option kinds (the IANA "TCP Option Kind Numbers" registry). */
export const TCP_OPTION_CODES = {
  eol: 0,
  nop: 1,
  mss: 2,
  windowScale: 3,
  sackPermitted: 4,
  sack: 5,
  timestamps: 8,
} as const;

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
  /** Default none. They set the data offset (5 words plus theirs) and count in the checksum. */
  options?: readonly TcpOptionInfo[];
}

function check(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  }
  return value;
}

/**
 * The header bytes in network byte order: the 20 fixed ones, then the options (tcpOptionBytes).
 * Throws RangeError on a field out of range or options that do not fit.
 */
export function tcpHeaderBytes(fields: TcpHeaderFields): Uint8Array {
  const options = tcpOptionBytes(fields.options ?? []);
  const bytes = new Uint8Array(TCP_HEADER_BYTES + options.length);
  bytes.set(options, TCP_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, check('source port', fields.srcPort, 0xffff));
  view.setUint16(2, check('destination port', fields.dstPort, 0xffff));
  view.setUint32(4, check('sequence number', fields.seq, 0xffffffff));
  view.setUint32(8, check('acknowledgment number', fields.ack, 0xffffffff));
  // Data offset in the high nibble; the low nibble is reserved (zero).
  bytes[12] = (bytes.length / 4) << 4;
  bytes[13] = flagByte(fields.flags);
  view.setUint16(14, check('window', fields.window, 0xffff));
  view.setUint16(16, check('checksum', fields.checksum ?? 0, 0xffff));
  view.setUint16(18, check('urgent pointer', fields.urgentPointer ?? 0, 0xffff));
  return bytes;
}

/** An option's kind number and length in bytes (kind, length and value: without alignment). */
export function tcpOptionKindLength(option: TcpOptionInfo): { code: number; length: number } {
  const c = TCP_OPTION_CODES;
  switch (option.kind) {
    case 'mss':
      return { code: c.mss, length: 4 };
    case 'sackPermitted':
      return { code: c.sackPermitted, length: 2 };
    case 'timestamps':
      return { code: c.timestamps, length: 10 };
    case 'windowScale':
      return { code: c.windowScale, length: 3 };
    case 'sack':
      return { code: c.sack, length: 2 + 8 * option.blocks.length };
    case 'other':
      return { code: option.code, length: option.length };
  }
}

/**
 * Whether `code` and `length` are those of an option the reader decodes by name: an `other`
 * option with them would read back as that option, so the writer refuses it.
 */
function decodedAs(code: number, length: number): boolean {
  const c = TCP_OPTION_CODES;
  return (
    (code === c.mss && length === 4) ||
    (code === c.windowScale && length === 3) ||
    (code === c.sackPermitted && length === 2) ||
    (code === c.sack && length % 8 === 2) ||
    (code === c.timestamps && length === 10)
  );
}

/**
 * The option bytes of a segment, in the order given, laid out as Linux's tcp_options_write()
 * (net/ipv4/tcp_output.c) does so that an exported capture looks like a real Linux one: every
 * option starts its own 32-bit word, after the NOPs (kind 1) that align its end, MSS first
 * (02 04 vv vv); SACK-permitted just before timestamps shares their word (04 02 08 0a, then TSval
 * and TSecr), timestamps alone take 01 01 08 0a, SACK-permitted alone 01 01 04 02, window scale
 * 01 03 03 ss, SACK blocks 01 01 05 nn and the blocks. So a Linux SYN (MSS, SACK-permitted,
 * timestamps, window scale) has 20 bytes of options and a later segment's timestamps 12. An
 * `other` option (content unknown) is written as its code, its length and zero bytes, NOPs before
 * it to align it likewise. The result is a whole number of words, at most 40 bytes; throws a
 * RangeError for more, for a value out of its field's range, or for an `other` option the reader
 * would decode as a known one.
 */
export function tcpOptionBytes(options: readonly TcpOptionInfo[]): Uint8Array {
  const c = TCP_OPTION_CODES;
  const out: number[] = [];
  const u16 = (n: number) => out.push(n >>> 8, n & 0xff);
  const u32 = (n: number) => out.push(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  /** NOPs so that an option of `length` bytes ends on a word boundary. */
  const align = (length: number) => {
    for (let pad = (4 - ((out.length + length) % 4)) % 4; pad > 0; pad--) out.push(c.nop);
  };
  options.forEach((option, i) => {
    switch (option.kind) {
      case 'mss':
        align(4);
        out.push(c.mss, 4);
        u16(check('MSS', option.value, 0xffff));
        return;
      case 'sackPermitted':
        // Linux's one shared word: SACK-permitted right before timestamps needs no padding.
        if (options[i + 1]?.kind === 'timestamps') out.push(c.sackPermitted, 2);
        else {
          align(2);
          out.push(c.sackPermitted, 2);
        }
        return;
      case 'timestamps':
        if (out.length % 4 !== 2) align(10);
        out.push(c.timestamps, 10);
        u32(check('TSval', option.tsval, 0xffffffff));
        u32(check('TSecr', option.tsecr, 0xffffffff));
        return;
      case 'windowScale':
        align(3);
        out.push(c.windowScale, 3, check('window scale shift', option.shift, 0xff));
        return;
      case 'sack': {
        const length = 2 + 8 * option.blocks.length;
        if (option.blocks.length === 0) throw new RangeError('a SACK option has 1 to 4 blocks');
        align(length);
        out.push(c.sack, check('SACK option length', length, MAX_TCP_OPTION_BYTES));
        for (const [left, right] of option.blocks) {
          u32(check('SACK block edge', left, 0xffffffff));
          u32(check('SACK block edge', right, 0xffffffff));
        }
        return;
      }
      case 'other': {
        const { code, length } = option;
        check('option length', length, MAX_TCP_OPTION_BYTES);
        if (code < 2 || code > 0xff || !Number.isInteger(code) || length < 2) {
          throw new RangeError(`not an option with a length: kind ${code}, length ${length}`);
        }
        if (decodedAs(code, length)) {
          throw new RangeError(`kind ${code} with length ${length} is a known option`);
        }
        align(length);
        out.push(code, length);
        for (let k = 2; k < length; k++) out.push(0);
        return;
      }
    }
  });
  if (out.length > MAX_TCP_OPTION_BYTES) {
    throw new RangeError(
      `the options take ${out.length} bytes: a TCP header holds at most ${MAX_TCP_OPTION_BYTES}`,
    );
  }
  return Uint8Array.from(out);
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
  fields: Required<TcpHeaderFields> & {
    /** In 32-bit words: 5 plus the options' words. */
    dataOffset: number;
  };
  /** The header with the checksum filled in: 20 fixed bytes, then `optionBytes` of options. */
  bytes: Uint8Array;
  checksum: number;
  optionBytes: number;
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
  const bytes = zeroed.slice();
  new DataView(bytes.buffer).setUint16(16, checksum);
  const full: BuiltHeader['fields'] = {
    urgentPointer: 0,
    options: [],
    ...fields,
    checksum,
    dataOffset: bytes.length / 4,
  };
  return { fields: full, bytes, checksum, optionBytes: bytes.length - TCP_HEADER_BYTES };
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
  /** The options its send event carries (none when absent). */
  options?: readonly TcpOptionInfo[];
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
      options: segment.options ?? [],
    },
    ENDPOINT_ADDRESSES[segment.from],
    ENDPOINT_ADDRESSES[segment.to],
    segment.len,
  );
}

// ---- reading ----

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
    if (kind === TCP_OPTION_CODES.eol) break;
    if (kind === TCP_OPTION_CODES.nop) {
      at++; // No-Operation
      continue;
    }
    if (end - at < 2) break;
    const length = bytes[at + 1]!;
    if (length < 2 || at + length > end) break;
    const value = at + 2;
    // The same (kind, length) pairs as decodedAs().
    if (kind === TCP_OPTION_CODES.mss && length === 4) {
      options.push({ kind: 'mss', value: (bytes[value]! << 8) | bytes[value + 1]! });
    } else if (kind === TCP_OPTION_CODES.windowScale && length === 3) {
      options.push({ kind: 'windowScale', shift: bytes[value]! });
    } else if (kind === TCP_OPTION_CODES.sackPermitted && length === 2) {
      options.push({ kind: 'sackPermitted' });
    } else if (kind === TCP_OPTION_CODES.sack && length % 8 === 2) {
      const blocks: [number, number][] = [];
      for (let block = value; block < at + length; block += 8) {
        blocks.push([u32(bytes, block), u32(bytes, block + 4)]);
      }
      options.push({ kind: 'sack', blocks });
    } else if (kind === TCP_OPTION_CODES.timestamps && length === 10) {
      options.push({ kind: 'timestamps', tsval: u32(bytes, value), tsecr: u32(bytes, value + 4) });
    } else {
      options.push({ kind: 'other', code: kind, length });
    }
    at += length;
  }
  return options.length === 0 ? none : options;
}
