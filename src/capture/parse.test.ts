// parseCapture on files that are not captures, broken ones, and real fixtures changed in one place
// (a byte order swapped, a link type renamed, a packet made a fragment…): what it reads, what it
// warns about, and where it stops.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIpv6 } from './ip';
import { parseCapture } from './parse';
import { setTime } from './pcapng';
import { MAX_WARNINGS, MIN_PROGRESS_STEP, PROGRESS_STEP, progressStepFor } from './reader';
import { readTcpOptions } from '../engine/wire/tcpHeader';
import { CaptureError, type CapturedSegment, type CaptureFile } from './types';
import { testDataPath } from '../testing/data';
import { manyInterfaces } from '../testing/pcapng';

const FIXTURES = testDataPath('captures');

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface PcapRecord {
  offset: number;
  data: number;
  capturedLength: number;
}

/** The records of a little-endian pcap file. */
function records(bytes: Uint8Array): PcapRecord[] {
  const view = viewOf(bytes);
  const found: PcapRecord[] = [];
  for (let at = 24; at < bytes.length;) {
    const capturedLength = view.getUint32(at + 8, true);
    found.push({ offset: at, data: at + 16, capturedLength });
    at += 16 + capturedLength;
  }
  return found;
}

/** The file with one packet's bytes replaced (lengths in its record header adjusted). */
function withPacket(bytes: Uint8Array, index: number, data: Uint8Array): Uint8Array {
  const record = records(bytes)[index]!;
  const out = new Uint8Array(bytes.length - record.capturedLength + data.length);
  out.set(bytes.subarray(0, record.data));
  out.set(data, record.data);
  out.set(bytes.subarray(record.data + record.capturedLength), record.data + data.length);
  viewOf(out).setUint32(record.offset + 8, data.length, true);
  viewOf(out).setUint32(record.offset + 12, data.length, true);
  return out;
}

/** Where block `index` of a little-endian pcapng file starts (block 0: the section header). */
function blockOffset(view: DataView, index: number): number {
  let at = 0;
  for (let block = 0; block < index; block++) at += view.getUint32(at + 4, true);
  return at;
}

function packetData(bytes: Uint8Array, index: number): Uint8Array {
  const record = records(bytes)[index]!;
  return bytes.slice(record.data, record.data + record.capturedLength);
}

function caught(run: () => unknown): CaptureError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('no CaptureError');
}

/** What a segment says, without where it sits in the file. */
function essence(segment: CapturedSegment): unknown {
  const { offset: _offset, iface: _iface, ...rest } = segment;
  return rest;
}

const messages = (file: CaptureFile): string[] => file.warnings.map((warning) => warning.message);

describe('files that are not captures', () => {
  it('names what is wrong and where', () => {
    expect(caught(() => parseCapture(new Uint8Array())).message).toBe('an empty file at byte 0');
    const text = new TextEncoder().encode('hello, this is text\n');
    const error = caught(() => parseCapture(text));
    expect(error.message).toBe('not a pcap or pcapng file (it starts with 68 65 6c 6c) at byte 0');
    expect(error.offset).toBe(0);
    const gzip = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    expect(caught(() => parseCapture(gzip)).message).toMatch(/^a gzip-compressed file/);
  });

  it('a pcap file header cut short or of another version', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const short = caught(() => parseCapture(bytes.slice(0, 20)));
    expect(short.message).toBe('pcap file header cut short (20 of 24 bytes) at byte 20');
    const version = bytes.slice();
    viewOf(version).setUint16(4, 3, true);
    expect(caught(() => parseCapture(version)).message).toBe('pcap version 3.4, not 2.x at byte 4');
  });

  it('a broken pcapng section header', () => {
    const bytes = fixture('dumpcap-two-ifaces.pcapng');
    expect(caught(() => parseCapture(bytes.slice(0, 20))).message).toBe(
      'pcapng section header cut short at byte 20',
    );
    const magic = bytes.slice();
    magic[8] = 0x99;
    expect(caught(() => parseCapture(magic)).offset).toBe(8);
    const trailer = bytes.slice();
    const length = viewOf(bytes).getUint32(4, true);
    viewOf(trailer).setUint32(length - 4, length + 4, true);
    const error = caught(() => parseCapture(trailer));
    expect(error.message).toBe(
      `pcapng block length ${length} does not match its trailing copy ${length + 4} at byte ${length - 4}`,
    );
  });
});

describe('files cut short or broken after their header', () => {
  it('keeps the packets before the end of a cut file', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const inHeader = parseCapture(bytes.slice(0, 24 + 10));
    expect(inHeader.truncated).toBe(true);
    expect(inHeader.packets).toBe(0);
    expect(messages(inHeader)).toEqual(['the file ends inside the record header of packet 1']);
    expect(inHeader.warnings[0]!.offset).toBe(24);
  });

  it('stops at an impossible pcap record length, keeping what came before', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const third = records(bytes)[2]!;
    viewOf(bytes).setUint32(third.offset + 8, 0x7fffffff, true);
    const file = parseCapture(bytes);
    expect(file.packets).toBe(2);
    expect(file.truncated).toBe(false);
    expect(file.warnings).toEqual([
      {
        offset: third.offset,
        message:
          'packet 3: record length 2147483647 is impossible (snap length 262144): the file is ' +
          'corrupt here and the reading stopped',
      },
    ]);
  });

  it('stops at a pcapng block whose lengths disagree, keeping what came before', () => {
    const bytes = fixture('dumpcap-two-ifaces.pcapng');
    const view = viewOf(bytes);
    // Section header, two interfaces, then packet blocks: break the third packet's.
    const at = blockOffset(view, 5);
    const length = view.getUint32(at + 4, true);
    view.setUint32(at + length - 4, 3, true);
    const file = parseCapture(bytes);
    expect(file.packets).toBe(2);
    expect(messages(file)).toEqual([
      `pcapng block length ${length} does not match its trailing copy 3: the file is corrupt ` +
        'here and the reading stopped',
    ]);
  });

  it('skips a packet block that names an interface its section does not declare', () => {
    const bytes = fixture('dumpcap-two-ifaces.pcapng');
    const view = viewOf(bytes);
    // The first packet block's interface, after the section header and two interfaces.
    view.setUint32(blockOffset(view, 3) + 8, 7, true);
    const file = parseCapture(bytes);
    expect(file.packets).toBe(44);
    expect(file.segments).toHaveLength(43);
    expect(messages(file)).toEqual(['packet 1: interface 7, but its section declares 2']);
  });
});

describe('byte orders and link types', () => {
  it('reads a pcap file whose headers are byte-swapped (big-endian) as the original', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const swapped = bytes.slice();
    const from = viewOf(bytes);
    const to = viewOf(swapped);
    const swap32 = (at: number) => to.setUint32(at, from.getUint32(at, true), false);
    const swap16 = (at: number) => to.setUint16(at, from.getUint16(at, true), false);
    [0, 8, 12, 16, 20].forEach(swap32);
    [4, 6].forEach(swap16);
    for (const record of records(bytes)) {
      for (let field = 0; field < 16; field += 4) swap32(record.offset + field);
    }
    expect(parseCapture(swapped).segments).toEqual(parseCapture(bytes).segments);
  });

  it('reads link types 12 and 14 as raw IP', () => {
    const bytes = fixture('tun-rawip.pcap');
    const expected = parseCapture(bytes).segments;
    for (const linkType of [12, 14]) {
      const renamed = bytes.slice();
      viewOf(renamed).setUint32(20, linkType, true);
      const file = parseCapture(renamed);
      expect(file.linkTypes).toEqual(['raw']);
      expect(file.segments).toEqual(expected);
    }
  });

  it('counts the packets of a link type it does not read, and says so once', () => {
    const bytes = fixture('lo-ipv4.pcap');
    viewOf(bytes).setUint32(20, 147, true);
    const file = parseCapture(bytes);
    expect(file.linkTypes).toEqual(['link-147']);
    expect(file.packets).toBe(22);
    expect(file.segments).toEqual([]);
    expect(messages(file)).toEqual([
      'interface 0 has link type 147, which is not read here (Ethernet, Linux cooked, raw IP ' +
        'and loopback are): its packets are skipped',
    ]);
  });

  it('warns about a packet whose IP version is not the one its Ethernet type names', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const data = packetData(bytes, 0);
    data[14] = 0x65;
    const file = parseCapture(withPacket(bytes, 0, data));
    expect(messages(file)).toEqual(['packet 1: the link layer says IPv4, the header version 6']);
    expect(file.segments).toHaveLength(21);
  });
});

describe('IP', () => {
  it('skips a TCP fragment that is not the first, with a warning', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const data = packetData(bytes, 3);
    data[14 + 6] = 0x00;
    data[14 + 7] = 0xb9; // offset 185 × 8
    const file = parseCapture(withPacket(bytes, 3, data));
    expect(messages(file)).toEqual([
      'packet 4: IPv4 fragment at offset 1480 of a TCP segment skipped',
    ]);
    expect(file.segments.map((segment) => segment.packet)).not.toContain(3);
  });

  it('keeps the first fragment of a TCP segment, saying its length is the fragment’s', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const data = packetData(bytes, 3);
    data[14 + 6] = 0x20; // more fragments
    data[14 + 7] = 0x00;
    const file = parseCapture(withPacket(bytes, 3, data));
    expect(messages(file)).toEqual([
      'packet 4: the first fragment of a fragmented TCP segment (fragments are not reassembled: ' +
        'its length is this fragment’s)',
    ]);
    expect(file.segments).toHaveLength(22);
  });

  it('walks an IPv6 fragment header: a later TCP fragment is skipped, the first kept', () => {
    const bytes = fixture('lo-ipv6-nano.pcap');
    // Packet 5 is the server's SYN+ACK: Ethernet, IPv6 without extension headers, TCP.
    const original = packetData(bytes, 4);
    expect(original[14 + 6]).toBe(6);
    const fragmented = (offsetField: number): Uint8Array => {
      const data = new Uint8Array(original.length + 8);
      data.set(original.subarray(0, 54));
      data.set([6, 0, offsetField >> 8, offsetField & 0xff, 0, 0, 0, 1], 54);
      data.set(original.subarray(54), 62);
      data[14 + 6] = 44;
      viewOf(data).setUint16(14 + 4, viewOf(original).getUint16(14 + 4) + 8);
      return data;
    };
    const nanoTimes = (file: CaptureFile) => file.segments.map((segment) => segment.timeNs);
    const later = parseCapture(withPacket(bytes, 4, fragmented((185 << 3) | 1)));
    expect(messages(later)).toEqual([
      'packet 5: IPv6 fragment at offset 1480 of a TCP segment skipped',
    ]);
    expect(later.segments).toHaveLength(21);
    const first = parseCapture(withPacket(bytes, 4, fragmented(1)));
    expect(messages(first)).toEqual([expect.stringMatching(/^packet 5: the first fragment/)]);
    expect(first.segments.map(essence)).toEqual(parseCapture(bytes).segments.map(essence));
    expect(nanoTimes(first)).toEqual(nanoTimes(parseCapture(bytes)));
  });

  it('takes an IPv4 total length of 0 (segmentation offload) as the packet’s length', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const reply = parseCapture(bytes).segments.findIndex((segment) => segment.len === 3000);
    const data = packetData(bytes, reply);
    data[14 + 2] = 0;
    data[14 + 3] = 0;
    const file = parseCapture(withPacket(bytes, reply, data));
    expect(file.warnings).toEqual([]);
    expect(file.segments[reply]!.len).toBe(3000);
  });

  it('warns about an IP length longer than the packet', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const data = packetData(bytes, 0);
    viewOf(data).setUint16(14 + 2, 1000);
    expect(messages(parseCapture(withPacket(bytes, 0, data)))).toEqual([
      'packet 1: IPv4 total length 1000 longer than the packet (60)',
    ]);
  });

  it('writes IPv6 addresses as RFC 5952 says', () => {
    const address = (text: string): Uint8Array => {
      const bytes = new Uint8Array(16);
      const [head = '', tail] = text.split('::');
      const groups = (part: string) => (part === '' ? [] : part.split(':'));
      const all =
        tail === undefined
          ? groups(head)
          : [
              ...groups(head),
              ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'),
              ...groups(tail),
            ];
      all.forEach((group, i) => viewOf(bytes).setUint16(i * 2, parseInt(group, 16)));
      return bytes;
    };
    const cases: [string, string][] = [
      ['0:0:0:0:0:0:0:1', '::1'],
      ['0:0:0:0:0:0:0:0', '::'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['2001:0db8:0:0:0:0:2:1', '2001:db8::2:1'],
      ['fe80:0:0:0:0:0:0:0', 'fe80::'],
      ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::'],
      ['FD77:0:0:0:0:0:0:2', 'fd77::2'],
    ];
    for (const [input, output] of cases) expect(formatIpv6(address(input), 0)).toBe(output);
    const mapped = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]);
    expect(formatIpv6(mapped, 0)).toBe('::ffff:192.0.2.1');
  });
});

describe('TCP options', () => {
  it('decodes SACK blocks and unknown options, and stops at a malformed one', () => {
    const bytes = new Uint8Array([
      1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff, 30, 4, 0,
      0, 2, 4, 5, 0xb4, 3, 1, 9, 0, 0, 0,
    ]);
    expect(readTcpOptions(bytes, 0, bytes.length)).toEqual([
      {
        kind: 'sack',
        blocks: [
          [1, 2],
          [0xfffffffe, 0xffffffff],
        ],
      },
      { kind: 'other', code: 30, length: 4 },
      { kind: 'mss', value: 1460 },
    ]);
  });
});

describe('times', () => {
  it('keeps nanoseconds exactly past 2^53, binary resolutions and time offsets', () => {
    const out = { sec: 0, ns: 0, exact: false };
    const ns = 1795251155123456789n;
    const high = Number(ns >> 32n);
    const low = Number(ns & 0xffffffffn);
    setTime(out, { pow2: -1, unitsPerSecond: 1e9, offsetSec: 0 }, high, low);
    expect(out).toEqual({ sec: 1795251155, ns: 123456789, exact: true });
    setTime(out, { pow2: -1, unitsPerSecond: 1e9, offsetSec: -3600 }, high, low);
    expect(out).toEqual({ sec: 1795251155 - 3600, ns: 123456789, exact: true });
    // 2^-32 s: the high half is the seconds, the low half the fraction.
    setTime(out, { pow2: 32, unitsPerSecond: 0, offsetSec: 0 }, 1795251155, 2 ** 31);
    expect(out).toEqual({ sec: 1795251155, ns: 500000000, exact: true });
    setTime(out, { pow2: 0, unitsPerSecond: 0, offsetSec: 0 }, 0, 1795251155);
    expect(out).toEqual({ sec: 1795251155, ns: 0, exact: true });
    // Picoseconds: past what the exact division handles, still to the nanosecond.
    const ps = 1795251155123456789000n;
    setTime(
      out,
      { pow2: -1, unitsPerSecond: 1e12, offsetSec: 0 },
      Number(ps >> 32n),
      Number(ps & 0xffffffffn),
    );
    expect(out.sec).toBe(1795251155);
    expect(Math.abs(out.ns - 123456789)).toBeLessThan(1000);
  });
});

describe('progress and limits', () => {
  it('reports progress every few MB, ending with the whole file', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const body = bytes.subarray(24);
    const copies = Math.ceil((4.5 * PROGRESS_STEP) / body.length);
    const big = new Uint8Array(24 + body.length * copies);
    big.set(bytes.subarray(0, 24));
    for (let i = 0; i < copies; i++) big.set(body, 24 + i * body.length);
    const reports: [number, number][] = [];
    const file = parseCapture(big, { onProgress: (done, total) => reports.push([done, total]) });
    expect(file.packets).toBe(22 * copies);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.at(-1)).toEqual([big.length, big.length]);
    const done = reports.map(([value]) => value);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(reports.every(([, total]) => total === big.length)).toBe(true);
  });

  it('reads 65,536 interface blocks, each of a link type of its own, in one pass', () => {
    // 1.25 MB of nothing but IDBs: checking each new link type against the list of those seen
    // before took 12 s (the default timeout fails that), with no progress until the end.
    const bytes = manyInterfaces(65536);
    const reports: number[] = [];
    const file = parseCapture(bytes, { onProgress: (done) => reports.push(done) });
    expect(file.interfaces).toHaveLength(65536);
    // Every number a name of its own but the five of raw IP; in the order first seen.
    expect(file.linkTypes).toHaveLength(65536 - 4);
    expect(file.linkTypes.slice(0, 4)).toEqual(['null', 'ethernet', 'link-2', 'link-3']);
    expect(new Set(file.linkTypes).size).toBe(file.linkTypes.length);
    expect(file.packets).toBe(0);
    // Progress by the bytes read, though no block is a packet: a report each step of the file.
    const step = progressStepFor(bytes.length);
    expect(step).toBe(MIN_PROGRESS_STEP);
    expect(reports.length).toBeGreaterThan(16);
    const gaps = reports.map((done, i) => done - (reports[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(step + 20); // a step, to the next block's end
    expect(reports.at(-1)).toBe(bytes.length);
  });

  it('reports progress a 64th of the file at a time, between 64 KB and 4 MB', () => {
    expect(progressStepFor(1000)).toBe(MIN_PROGRESS_STEP);
    expect(progressStepFor(64 * MIN_PROGRESS_STEP * 2)).toBe(2 * MIN_PROGRESS_STEP);
    expect(progressStepFor(10 * 64 * PROGRESS_STEP)).toBe(PROGRESS_STEP);
  });

  it('lists a limited number of warnings and counts the rest', () => {
    const bytes = fixture('lo-ipv4.pcap');
    const header = bytes.subarray(0, 24);
    const count = MAX_WARNINGS + 50;
    const file = new Uint8Array(24 + count * (16 + 10));
    file.set(header);
    for (let i = 0; i < count; i++) {
      viewOf(file).setUint32(24 + i * 26 + 8, 10, true);
      viewOf(file).setUint32(24 + i * 26 + 12, 10, true);
    }
    const parsed = parseCapture(file);
    expect(parsed.packets).toBe(count);
    expect(parsed.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(parsed.warnings[0]!.message).toBe('packet 1: cut short inside its Ethernet header');
    expect(parsed.warnings.at(-1)!.message).toBe('50 more warnings not listed');
  });
});
