// IPv4 and IPv6: the addresses, and where the TCP header starts and how many TCP bytes the IP
// lengths give. IPv4 options are stepped over; IPv6 extension headers are walked. Fragments are not
// reassembled: a later fragment of a TCP segment is skipped with a warning.
import { DECODED, NOT_TCP, type DecodeStatus, type PacketFields } from './packet';

const PROTOCOL_TCP = 6;
// IPv6 extension headers with the generic layout (next header, length in 8-byte units - 1):
// hop-by-hop, routing, destination options, mobility, HIP, shim6.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTHENTICATION = 51;
const DESTINATION_OPTIONS = 60;
const MOBILITY = 135;
const HIP = 139;
const SHIM6 = 140;

/**
 * Printable addresses, made once per address: a capture repeats a handful of addresses over and
 * over, so most packets find theirs here instead of building a string.
 */
export class AddressBook {
  private readonly v4 = new Map<number, string>();
  private readonly v6 = new Map<number, Ipv6Entry>();

  ipv4(bytes: Uint8Array, at: number): string {
    const key =
      ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    let text = this.v4.get(key);
    if (text === undefined) {
      text = `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
      this.v4.set(key, text);
    }
    return text;
  }

  ipv6(bytes: Uint8Array, at: number): string {
    const w0 = word(bytes, at);
    const w1 = word(bytes, at + 4);
    const w2 = word(bytes, at + 8);
    const w3 = word(bytes, at + 12);
    const hash =
      w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b) ^ Math.imul(w3, 0xc2b2ae35);
    const first = this.v6.get(hash);
    for (let entry = first; entry !== undefined; entry = entry.next) {
      if (entry.w0 === w0 && entry.w1 === w1 && entry.w2 === w2 && entry.w3 === w3) {
        return entry.text;
      }
    }
    const text = formatIpv6(bytes, at);
    this.v6.set(hash, { w0, w1, w2, w3, text, next: first });
    return text;
  }
}

interface Ipv6Entry {
  w0: number;
  w1: number;
  w2: number;
  w3: number;
  text: string;
  next: Ipv6Entry | undefined;
}

function word(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run of zero groups as `::`. */
export function formatIpv6(bytes: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[at + i]! << 8) | bytes[at + i + 1]!);
  // IPv4-mapped addresses keep the dotted quad (RFC 5952 section 5).
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes[at + 12]}.${bytes[at + 13]}.${bytes[at + 14]}.${bytes[at + 15]}`;
  }
  let bestStart = -1;
  let bestLength = 1; // a single zero group is not shortened
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string =>
    groups
      .slice(from, to)
      .map((group) => group.toString(16))
      .join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/**
 * Reads the IP header at fields.netStart: sets the version, addresses, and the TCP header's start
 * and length. NOT_TCP for another protocol, PROBLEM (with fields.problem) for a header that is cut
 * short or inconsistent, or a TCP fragment that is not the first.
 */
export function readIp(
  bytes: Uint8Array,
  fields: PacketFields,
  addresses: AddressBook,
): DecodeStatus {
  const start = fields.netStart;
  if (start >= fields.capEnd) return fields.fail('cut short before its IP header');
  const version = bytes[start]! >> 4;
  if (fields.netVersion !== 0 && version !== fields.netVersion) {
    return fields.fail(
      `the link layer says IPv${fields.netVersion}, the header version ${version}`,
    );
  }
  if (version === 4) return readIpv4(bytes, fields, addresses, start);
  if (version === 6) return readIpv6(bytes, fields, addresses, start);
  return fields.fail(`not an IP packet (version ${version})`);
}

function readIpv4(
  bytes: Uint8Array,
  fields: PacketFields,
  addresses: AddressBook,
  start: number,
): DecodeStatus {
  if (fields.capEnd - start < 20) return fields.fail('cut short inside its IPv4 header');
  const headerLength = (bytes[start]! & 0x0f) * 4;
  if (headerLength < 20) return fields.fail(`IPv4 header length ${headerLength} (less than 20)`);
  const wireLength = fields.wireEnd - start;
  let totalLength = (bytes[start + 2]! << 8) | bytes[start + 3]!;
  // Total length 0: a segmentation-offload packet captured before the NIC split it.
  if (totalLength === 0) totalLength = wireLength;
  if (totalLength < headerLength) {
    return fields.fail(`IPv4 total length ${totalLength} shorter than its header`);
  }
  if (totalLength > wireLength) {
    return fields.fail(`IPv4 total length ${totalLength} longer than the packet (${wireLength})`);
  }
  if (bytes[start + 9] !== PROTOCOL_TCP) return NOT_TCP;
  const fragment = (bytes[start + 6]! << 8) | bytes[start + 7]!;
  const fragmentOffset = (fragment & 0x1fff) * 8;
  if (fragmentOffset !== 0) {
    return fields.fail(`IPv4 fragment at offset ${fragmentOffset} of a TCP segment skipped`);
  }
  if (fields.capEnd - start < headerLength) return fields.fail('cut short inside its IPv4 options');
  fields.firstFragment = (fragment & 0x2000) !== 0;
  fields.ipVersion = 4;
  fields.src = addresses.ipv4(bytes, start + 12);
  fields.dst = addresses.ipv4(bytes, start + 16);
  fields.tcpStart = start + headerLength;
  fields.tcpLength = totalLength - headerLength;
  return DECODED;
}

function readIpv6(
  bytes: Uint8Array,
  fields: PacketFields,
  addresses: AddressBook,
  start: number,
): DecodeStatus {
  const capEnd = fields.capEnd;
  if (capEnd - start < 40) return fields.fail('cut short inside its IPv6 header');
  const wireLength = fields.wireEnd - start - 40;
  let payloadLength = (bytes[start + 4]! << 8) | bytes[start + 5]!;
  // Payload length 0: a jumbogram or a segmentation-offload packet; the packet's size says.
  if (payloadLength === 0) payloadLength = wireLength;
  if (payloadLength > wireLength) {
    return fields.fail(
      `IPv6 payload length ${payloadLength} longer than the packet (${wireLength})`,
    );
  }
  let next = bytes[start + 6]!;
  let at = start + 40;
  const payloadEnd = at + payloadLength;
  let firstFragment = false;
  while (next !== PROTOCOL_TCP) {
    let length: number;
    switch (next) {
      case HOP_BY_HOP:
      case ROUTING:
      case DESTINATION_OPTIONS:
      case MOBILITY:
      case HIP:
      case SHIM6:
        if (capEnd - at < 2) return fields.fail('cut short inside an IPv6 extension header');
        length = (bytes[at + 1]! + 1) * 8;
        break;
      case AUTHENTICATION:
        if (capEnd - at < 2) return fields.fail('cut short inside an IPv6 extension header');
        length = (bytes[at + 1]! + 2) * 4;
        break;
      case FRAGMENT: {
        if (capEnd - at < 8) return fields.fail('cut short inside an IPv6 fragment header');
        const fragmentOffset = ((bytes[at + 2]! << 8) | bytes[at + 3]!) & 0xfff8;
        if (fragmentOffset !== 0) {
          if (bytes[at] !== PROTOCOL_TCP) return NOT_TCP;
          return fields.fail(`IPv6 fragment at offset ${fragmentOffset} of a TCP segment skipped`);
        }
        firstFragment = (bytes[at + 3]! & 1) !== 0;
        length = 8;
        break;
      }
      default:
        return NOT_TCP; // UDP, ICMPv6, ESP, no next header…
    }
    next = bytes[at]!;
    at += length;
    if (at > payloadEnd) {
      return fields.fail('IPv6 extension headers longer than the payload length');
    }
  }
  fields.firstFragment = firstFragment;
  fields.ipVersion = 6;
  fields.src = addresses.ipv6(bytes, start + 8);
  fields.dst = addresses.ipv6(bytes, start + 24);
  fields.tcpStart = at;
  fields.tcpLength = payloadEnd - at;
  return DECODED;
}
