// The link layers the reader knows: where the IP header starts behind each, and which IP version
// the link header names. Numbers are the LINKTYPE_ values of pcap and pcapng
// (https://www.tcpdump.org/linktypes.html).
import { DECODED, NOT_TCP, type DecodeStatus, type PacketFields } from './packet';

export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_LINUX_SLL2 = 276;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
// DLT_RAW's numbers from before LINKTYPE_RAW: 12 on most systems, 14 on OpenBSD. Readers
// (libpcap, Wireshark) take both as raw IP in a file.
const LINKTYPE_RAW_12 = 12;
const LINKTYPE_RAW_14 = 14;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = 0x8100; // 802.1Q
const ETHERTYPE_QINQ = 0x88a8; // 802.1ad
const ETHERTYPE_QINQ_OLD = 0x9100; // pre-standard QinQ, still seen

const AF_INET = 2;
// AF_INET6 differs by system: Linux 10, Windows 23, NetBSD/OpenBSD 24, FreeBSD 28, macOS 30.
const AF_INET6_VALUES = new Set([10, 23, 24, 28, 30]);

/** The name CaptureFile.linkTypes uses for a link type. */
export function linkTypeName(linkType: number): string {
  switch (linkType) {
    case LINKTYPE_NULL:
      return 'null';
    case LINKTYPE_ETHERNET:
      return 'ethernet';
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_12:
    case LINKTYPE_RAW_14:
    case LINKTYPE_IPV4:
    case LINKTYPE_IPV6:
      return 'raw';
    case LINKTYPE_LOOP:
      return 'loop';
    case LINKTYPE_LINUX_SLL:
      return 'linux-sll';
    case LINKTYPE_LINUX_SLL2:
      return 'linux-sll2';
    default:
      return `link-${linkType}`;
  }
}

export function isKnownLinkType(linkType: number): boolean {
  return !linkTypeName(linkType).startsWith('link-');
}

function etherTypeVersion(etherType: number): 0 | 4 | 6 {
  return etherType === ETHERTYPE_IPV4 ? 4 : etherType === ETHERTYPE_IPV6 ? 6 : 0;
}

function familyVersion(family: number): 0 | 4 | 6 {
  return family === AF_INET ? 4 : AF_INET6_VALUES.has(family) ? 6 : 0;
}

/**
 * Reads the link header of the packet starting at `start` (its captured bytes end at
 * `fields.capEnd`) and sets fields.netStart/netVersion. A header cut short is a PROBLEM; a payload
 * that is not IP, or an unknown link type (the reader says so once per interface), is NOT_TCP.
 */
export function readLink(
  bytes: Uint8Array,
  linkType: number,
  start: number,
  fields: PacketFields,
): DecodeStatus {
  const end = fields.capEnd;
  let headerLength: number;
  let version: 0 | 4 | 6;
  switch (linkType) {
    case LINKTYPE_ETHERNET: {
      if (end - start < 14) return fields.fail('cut short inside its Ethernet header');
      let etherType = (bytes[start + 12]! << 8) | bytes[start + 13]!;
      let at = start + 14;
      // VLAN tags, stacked for QinQ: each is 2 bytes of tag control and the next type.
      while (
        etherType === ETHERTYPE_VLAN ||
        etherType === ETHERTYPE_QINQ ||
        etherType === ETHERTYPE_QINQ_OLD
      ) {
        if (end - at < 4) return fields.fail('cut short inside a VLAN tag');
        etherType = (bytes[at + 2]! << 8) | bytes[at + 3]!;
        at += 4;
      }
      headerLength = at - start;
      version = etherTypeVersion(etherType);
      break;
    }
    case LINKTYPE_LINUX_SLL:
      if (end - start < 16) return fields.fail('cut short inside its Linux cooked header');
      headerLength = 16;
      version = etherTypeVersion((bytes[start + 14]! << 8) | bytes[start + 15]!);
      break;
    case LINKTYPE_LINUX_SLL2:
      if (end - start < 20) return fields.fail('cut short inside its Linux cooked v2 header');
      headerLength = 20;
      version = etherTypeVersion((bytes[start]! << 8) | bytes[start + 1]!);
      break;
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_12:
    case LINKTYPE_RAW_14:
      headerLength = 0;
      version = 0; // the IP header's version nibble says
      break;
    case LINKTYPE_IPV4:
      headerLength = 0;
      version = 4;
      break;
    case LINKTYPE_IPV6:
      headerLength = 0;
      version = 6;
      break;
    case LINKTYPE_NULL: {
      if (end - start < 4) return fields.fail('cut short inside its loopback header');
      // The family is in the byte order of the machine that captured, which need not be the
      // file's: a value with high bits set was written the other way round.
      let family =
        (bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16)) +
        bytes[start + 3]! * 0x1000000;
      if (family > 0xffff) {
        family =
          ((bytes[start]! << 24) >>> 0) +
          ((bytes[start + 1]! << 16) | (bytes[start + 2]! << 8) | bytes[start + 3]!);
      }
      headerLength = 4;
      version = familyVersion(family);
      break;
    }
    case LINKTYPE_LOOP:
      if (end - start < 4) return fields.fail('cut short inside its loopback header');
      headerLength = 4;
      version = familyVersion(
        ((bytes[start]! << 24) >>> 0) +
          ((bytes[start + 1]! << 16) | (bytes[start + 2]! << 8) | bytes[start + 3]!),
      );
      break;
    default:
      return NOT_TCP; // reported once per interface by the reader, not per packet
  }
  if (headerLength !== 0 && version === 0) return NOT_TCP;
  fields.netStart = start + headerLength;
  fields.netVersion = version;
  return DECODED;
}
