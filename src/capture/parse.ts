// The capture reader's entry point: a pcap or pcapng file's bytes to the TCP segments in it.
// Pure TypeScript (no DOM, no Node), so that it runs in the page's worker and in Node alike.
//
// What it reads: pcap (both byte orders, µs and ns times) and pcapng (several sections and
// interfaces); Ethernet (with VLAN tags), Linux cooked (SLL, SLL2), raw IP and BSD loopback
// (null, loop) link layers; IPv4 (options) and IPv6 (extension headers); TCP (options). Other
// packets are counted and skipped; a packet that cannot be decoded is a warning; a file that is not
// a capture, or whose header is broken, is a CaptureError with the byte offset.
import { isPcapMagic, readPcap } from './pcap';
import { readPcapng, SECTION_HEADER } from './pcapng';
import { CaptureReader, type ParseOptions } from './reader';
import { CaptureError, type CaptureFile } from './types';
import { hex } from '../engine/wire/hex';

export type { ParseOptions } from './reader';

export function parseCapture(bytes: Uint8Array, options: ParseOptions = {}): CaptureFile {
  if (bytes.length < 4) {
    throw new CaptureError(
      bytes.length === 0 ? 'an empty file' : `not a capture file: only ${bytes.length} bytes`,
      bytes.length,
    );
  }
  const reader = new CaptureReader(bytes, options);
  const first = reader.view.getUint32(0, true);
  if (first === SECTION_HEADER) {
    readPcapng(reader);
    return reader.finish('pcapng');
  }
  if (isPcapMagic(first)) {
    readPcap(reader);
    return reader.finish('pcap');
  }
  throw new CaptureError(notACapture(bytes), 0);
}

function notACapture(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return 'a gzip-compressed file, not a capture: decompress it first';
  }
  return `not a pcap or pcapng file (it starts with ${hex(bytes.subarray(0, 4))})`;
}
