// The classic pcap format (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): a
// 24-byte file header, then records of a 16-byte header and the packet's bytes. Either byte order,
// microsecond or nanosecond times, and Kuznetzov's "modified" variant with 24-byte record headers.
import type { CaptureReader } from './reader';
import { CaptureError } from './types';

const MAGIC_MICRO = 0xa1b2c3d4;
const MAGIC_NANO = 0xa1b23c4d;
const MAGIC_MODIFIED = 0xa1b2cd34;
const FILE_HEADER = 24;
// libpcap's largest snap length: a record longer than it (and than the file's own snap length)
// is not a packet but a corrupt length field.
const MAX_RECORD = 262144;

function swap32(value: number): number {
  return (
    (((value & 0xff) << 24) |
      ((value & 0xff00) << 8) |
      ((value >>> 8) & 0xff00) |
      (value >>> 24)) >>>
    0
  );
}

const MAGICS = [MAGIC_MICRO, MAGIC_NANO, MAGIC_MODIFIED];

/** Whether the file's first four bytes (read little-endian) are a pcap magic number. */
export function isPcapMagic(littleEndianWord: number): boolean {
  return MAGICS.includes(littleEndianWord) || MAGICS.includes(swap32(littleEndianWord));
}

export function readPcap(reader: CaptureReader): void {
  const { bytes, view } = reader;
  const size = bytes.length;
  if (size < FILE_HEADER) {
    throw new CaptureError(`pcap file header cut short (${size} of ${FILE_HEADER} bytes)`, size);
  }
  let magic = view.getUint32(0, true);
  const littleEndian = MAGICS.includes(magic);
  if (!littleEndian) magic = swap32(magic);
  const nano = magic === MAGIC_NANO;
  const recordHeader = magic === MAGIC_MODIFIED ? 24 : 16;
  const major = view.getUint16(4, littleEndian);
  const minor = view.getUint16(6, littleEndian);
  if (major !== 2) throw new CaptureError(`pcap version ${major}.${minor}, not 2.x`, 4);
  const snapLength = view.getUint32(16, littleEndian);
  // The upper bits of the link-type field carry the FCS length, which the IP lengths make moot.
  const linkType = view.getUint32(20, littleEndian) & 0xffff;
  reader.addInterface(20, linkType);
  const maxRecord = Math.max(snapLength, MAX_RECORD);

  let at = FILE_HEADER;
  while (at < size) {
    const number = reader.packets + 1;
    if (size - at < recordHeader) {
      reader.cut(at, `the file ends inside the record header of packet ${number}`);
      break;
    }
    let sec = view.getUint32(at, littleEndian);
    const fraction = view.getUint32(at + 4, littleEndian);
    const capturedLength = view.getUint32(at + 8, littleEndian);
    const wireLength = view.getUint32(at + 12, littleEndian);
    if (capturedLength > maxRecord) {
      reader.warn(
        at,
        `packet ${number}: record length ${capturedLength} is impossible (snap length ` +
          `${snapLength}): the file is corrupt here and the reading stopped`,
      );
      break;
    }
    const start = at + recordHeader;
    if (capturedLength > size - start) {
      reader.cut(
        at,
        `the file ends inside packet ${number} (${size - start} of its ${capturedLength} bytes)`,
      );
      break;
    }
    let ns = nano ? fraction : fraction * 1000;
    if (ns >= 1e9) {
      sec += Math.floor(ns / 1e9);
      ns %= 1e9;
    }
    reader.packet(at, start, capturedLength, wireLength, linkType, sec, ns, 0);
    at = start + capturedLength;
    if (at >= reader.nextProgress) reader.progress(at);
  }
}
