// pcapng (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html): blocks of
// type, length, body, length again. Each section (Section Header Block) has its own byte order and
// its own interfaces (Interface Description Blocks, with their link type and time resolution);
// packets come in Enhanced, Simple and (obsolete) Packet Blocks. Other blocks are stepped over.
import type { CaptureReader } from './reader';
import { CaptureError } from './types';

export const SECTION_HEADER = 0x0a0d0d0a; // the same in both byte orders
const INTERFACE_DESCRIPTION = 1;
const OBSOLETE_PACKET = 2;
const SIMPLE_PACKET = 3;
const ENHANCED_PACKET = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;

const OPTION_END = 0;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const IF_TSOFFSET = 14;

interface SectionInterface {
  /** Index in CaptureFile.interfaces, or -1 for a malformed IDB (its packets are skipped). */
  index: number;
  linkType: number;
  snapLength: number;
  /** Time units: 2^-pow2 s when pow2 >= 0, else 1/unitsPerSecond s. */
  pow2: number;
  unitsPerSecond: number;
  /** if_tsoffset: seconds added to every time. */
  offsetSec: number;
}

/** A block that makes no sense: the first one of the file is fatal, a later one ends the reading. */
class BrokenBlock extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder();

export function readPcapng(reader: CaptureReader): void {
  const { bytes, view } = reader;
  const size = bytes.length;
  const time = { sec: 0, ns: 0, exact: true };
  let littleEndian = true;
  let section: SectionInterface[] = [];
  let simplePacketWarned = false;
  let at = 0;
  /** Hands the reader the packet of the block at `at`, its data `dataOffset` bytes in, at `time`. */
  const packet = (
    iface: SectionInterface,
    dataOffset: number,
    capturedLength: number,
    wireLength: number,
  ) =>
    reader.packet(
      at,
      at + dataOffset,
      capturedLength,
      wireLength,
      iface.linkType,
      time.sec,
      time.ns,
      iface.index,
      time.exact,
    );
  while (at < size) {
    try {
      if (size - at < 12) {
        if (at === 0) throw new BrokenBlock('pcapng section header cut short', size);
        reader.cut(at, 'the file ends inside a block header');
        return;
      }
      const isSectionHeader = view.getUint32(at, true) === SECTION_HEADER;
      if (isSectionHeader) {
        if (size - at < 28) throw new BrokenBlock('pcapng section header cut short', size);
        const magic = view.getUint32(at + 8, true);
        if (magic !== BYTE_ORDER_MAGIC && magic !== BYTE_ORDER_MAGIC_SWAPPED) {
          throw new BrokenBlock(
            `pcapng section header with an unknown byte-order magic 0x${hex(magic)}`,
            at + 8,
          );
        }
        littleEndian = magic === BYTE_ORDER_MAGIC;
        const major = view.getUint16(at + 12, littleEndian);
        if (major !== 1) {
          const minor = view.getUint16(at + 14, littleEndian);
          throw new BrokenBlock(`pcapng version ${major}.${minor}, not 1.x`, at + 12);
        }
        section = [];
      }
      const type = view.getUint32(at, littleEndian);
      const length = view.getUint32(at + 4, littleEndian);
      if (length < (isSectionHeader ? 28 : 12) || length % 4 !== 0) {
        throw new BrokenBlock(`pcapng block length ${length} is impossible`, at + 4);
      }
      if (length > size - at) {
        if (at === 0) throw new BrokenBlock('pcapng section header cut short', size);
        const isPacket =
          type === ENHANCED_PACKET || type === SIMPLE_PACKET || type === OBSOLETE_PACKET;
        reader.cut(
          at,
          `the file ends inside ${isPacket ? `packet ${reader.packets + 1}` : 'a block'} ` +
            `(${size - at} of its ${length} bytes)`,
        );
        return;
      }
      const trailer = view.getUint32(at + length - 4, littleEndian);
      if (trailer !== length) {
        throw new BrokenBlock(
          `pcapng block length ${length} does not match its trailing copy ${trailer}`,
          at + length - 4,
        );
      }
      switch (type) {
        case INTERFACE_DESCRIPTION:
          section.push(readInterface(reader, at, length, littleEndian));
          break;
        case ENHANCED_PACKET:
        case OBSOLETE_PACKET: {
          const number = reader.packets + 1;
          if (length < 32) {
            reader.packets++;
            reader.warn(at, `packet ${number}: packet block of ${length} bytes is too short`);
            break;
          }
          const ifaceId =
            type === ENHANCED_PACKET
              ? view.getUint32(at + 8, littleEndian)
              : view.getUint16(at + 8, littleEndian);
          const capturedLength = view.getUint32(at + 20, littleEndian);
          const iface = section[ifaceId];
          if (iface === undefined || iface.index < 0 || capturedLength > length - 32) {
            reader.packets++;
            reader.warn(
              at,
              iface === undefined
                ? `packet ${number}: interface ${ifaceId}, but its section declares ${section.length}`
                : iface.index < 0
                  ? `packet ${number}: its interface's description block is malformed`
                  : `packet ${number}: captured length ${capturedLength} does not fit its block`,
            );
            break;
          }
          setTime(
            time,
            iface,
            view.getUint32(at + 12, littleEndian),
            view.getUint32(at + 16, littleEndian),
          );
          const wireLength = view.getUint32(at + 24, littleEndian);
          packet(iface, 28, capturedLength, wireLength);
          break;
        }
        case SIMPLE_PACKET: {
          const number = reader.packets + 1;
          const iface = section[0];
          if (length < 16 || iface === undefined || iface.index < 0) {
            reader.packets++;
            reader.warn(
              at,
              length < 16
                ? `packet ${number}: packet block of ${length} bytes is too short`
                : `packet ${number}: a simple packet block, but its section declares no interface`,
            );
            break;
          }
          const wireLength = view.getUint32(at + 8, littleEndian);
          let capturedLength = Math.min(wireLength, length - 16);
          if (iface.snapLength > 0) capturedLength = Math.min(capturedLength, iface.snapLength);
          if (!simplePacketWarned) {
            simplePacketWarned = true;
            reader.warn(
              at,
              `packet ${number}: simple packet blocks carry no time; each is given the time of ` +
                'the packet before it',
            );
          }
          packet(iface, 12, capturedLength, wireLength);
          break;
        }
        default:
          break; // section header (read above), statistics, name resolution, custom…
      }
      at += length;
      if (at >= reader.nextProgress) reader.progress(at);
    } catch (error) {
      if (!(error instanceof BrokenBlock)) throw error;
      if (at === 0) throw new CaptureError(error.message, error.offset);
      reader.warn(
        error.offset,
        `${error.message}: the file is corrupt here and the reading stopped`,
      );
      return;
    }
  }
}

function readInterface(
  reader: CaptureReader,
  at: number,
  length: number,
  littleEndian: boolean,
): SectionInterface {
  const view = reader.view;
  const iface: SectionInterface = {
    index: -1,
    linkType: -1,
    snapLength: 0,
    pow2: -1,
    unitsPerSecond: 1e6,
    offsetSec: 0,
  };
  if (length < 20) {
    reader.warn(at, `interface description block of ${length} bytes is too short`);
    return iface;
  }
  iface.linkType = view.getUint16(at + 8, littleEndian);
  iface.snapLength = view.getUint32(at + 12, littleEndian);
  let name: string | undefined;
  let description: string | undefined;
  const end = at + length - 4;
  for (let option = at + 16; end - option >= 4;) {
    const code = view.getUint16(option, littleEndian);
    const optionLength = view.getUint16(option + 2, littleEndian);
    const value = option + 4;
    if (code === OPTION_END || optionLength > end - value) break;
    if (code === IF_NAME) name = text(reader.bytes, value, optionLength);
    else if (code === IF_DESCRIPTION) description = text(reader.bytes, value, optionLength);
    else if (code === IF_TSRESOL && optionLength >= 1) {
      const resolution = reader.bytes[value]!;
      if (resolution & 0x80) iface.pow2 = resolution & 0x7f;
      else iface.unitsPerSecond = 10 ** resolution;
    } else if (code === IF_TSOFFSET && optionLength >= 8) {
      // A signed 64-bit count of seconds, in the section's byte order.
      const high = view.getInt32(littleEndian ? value + 4 : value, littleEndian);
      const low = view.getUint32(littleEndian ? value : value + 4, littleEndian);
      iface.offsetSec = high * 4294967296 + low;
    }
    option = value + ((optionLength + 3) & ~3);
  }
  iface.index = reader.addInterface(at, iface.linkType, name, description);
  return iface;
}

function text(bytes: Uint8Array, at: number, length: number): string {
  return utf8.decode(bytes.subarray(at, at + length)).replace(/\0+$/, '');
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/**
 * A pcapng time (a 64-bit count of the interface's units, as two 32-bit halves) as whole seconds
 * and nanoseconds, exactly where a double can hold it: nanosecond counts are past 2^53. Finer
 * fractions are cut to the nanosecond below, as Wireshark does. `exact` tells whether the seconds
 * are the file's exactly: a count or an offset past 2^53 s is rounded, even where their sum is not.
 */
export function setTime(
  out: { sec: number; ns: number; exact: boolean },
  iface: Pick<SectionInterface, 'pow2' | 'unitsPerSecond' | 'offsetSec'>,
  high: number,
  low: number,
): void {
  let sec: number;
  let ns: number;
  if (iface.pow2 >= 0) {
    const shift = iface.pow2;
    if (shift <= 32) {
      const scale = 2 ** shift;
      sec = high * 2 ** (32 - shift) + Math.floor(low / scale);
      ns = Math.floor(((low % scale) * 1e9) / scale);
    } else {
      const highScale = 2 ** (shift - 32);
      sec = Math.floor(high / highScale);
      ns = Math.floor((((high % highScale) * 4294967296 + low) / 2 ** shift) * 1e9);
    }
  } else {
    const units = iface.unitsPerSecond;
    const value = high * 4294967296 + low;
    let rest: number;
    if (value <= Number.MAX_SAFE_INTEGER || units > 2 ** 36) {
      sec = Math.floor(value / units);
      rest = value - sec * units;
      if (rest < 0) {
        sec--;
        rest += units;
      }
    } else {
      // Long division in 16-bit steps: with units <= 2^36 every partial value stays exact.
      let quotient = 0;
      rest = 0;
      for (let step = 0; step < 4; step++) {
        const chunk =
          step === 0
            ? high >>> 16
            : step === 1
              ? high & 0xffff
              : step === 2
                ? low >>> 16
                : low & 0xffff;
        const current = rest * 65536 + chunk;
        const digit = Math.floor(current / units);
        rest = current - digit * units;
        quotient = quotient * 65536 + digit;
      }
      sec = quotient;
    }
    ns = units <= 1e9 ? rest * (1e9 / units) : Math.floor(rest / (units / 1e9));
  }
  if (ns >= 1e9) {
    sec += Math.floor(ns / 1e9);
    ns %= 1e9;
  }
  out.sec = sec + iface.offsetSec;
  out.ns = ns;
  out.exact =
    Number.isSafeInteger(sec) &&
    Number.isSafeInteger(iface.offsetSec) &&
    Number.isSafeInteger(out.sec);
}
