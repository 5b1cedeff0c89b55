// Every fixture (fixtures/README.md says how each was made) read by parseCapture gives the TCP
// segments tshark reads in it (FILE.tshark.txt, written by fixtures/make-expected.sh), and the
// kernel-recorded captures of the shared material give the segments their JSON lists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDataPath } from '../testing/data';
import { parseCapture } from './parse';
import type { TcpOptionInfo } from '../engine/wire/tcpHeader';
import { flagByte } from '../engine/wire/flags';
import type { CapturedSegment, CaptureFile } from './types';

const FIXTURES = testDataPath('captures');

function flagBits(segment: CapturedSegment): number {
  return flagByte([...segment.flags, ...segment.otherFlags]);
}

/** A segment in the terms of a tshark line (see make-expected.sh for the fields). */
interface Seen {
  frame: number;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  len: number;
  /** `seconds.nanoseconds` as tshark prints it; empty for a packet without a time. */
  time: string;
  window: number;
  src: string;
  dst: string;
  mss: string;
  wscale: string;
  sackPermitted: boolean;
  tsval: string;
  tsecr: string;
}

function tsharkLines(name: string): string[][] {
  const text = readFileSync(join(FIXTURES, `${name}.tshark.txt`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

function fromTshark(fields: string[]): Seen {
  const [frame, srcPort, dstPort, seq, ack, flags, len, time, window] = fields;
  const [ip4Src, ip4Dst, ip6Src, ip6Dst, mss, wscale, sackPermitted, tsval, tsecr] =
    fields.slice(9);
  return {
    frame: Number(frame),
    srcPort: Number(srcPort),
    dstPort: Number(dstPort),
    seq: Number(seq),
    ack: Number(ack),
    flags: Number(flags) & 0xff,
    len: Number(len),
    time: time ?? '',
    window: Number(window),
    src: ip4Src || ip6Src || '',
    dst: ip4Dst || ip6Dst || '',
    mss: mss ?? '',
    wscale: wscale ?? '',
    sackPermitted: (sackPermitted ?? '') !== '',
    tsval: tsval ?? '',
    tsecr: tsecr ?? '',
  };
}

function option<K extends TcpOptionInfo['kind']>(
  segment: CapturedSegment,
  kind: K,
): Extract<TcpOptionInfo, { kind: K }> | undefined {
  return segment.options.find(
    (candidate): candidate is Extract<TcpOptionInfo, { kind: K }> => candidate.kind === kind,
  );
}

function ours(segment: CapturedSegment, time: string): Seen {
  const timestamps = option(segment, 'timestamps');
  return {
    frame: segment.packet + 1,
    srcPort: segment.srcPort,
    dstPort: segment.dstPort,
    seq: segment.seq,
    ack: segment.ack,
    flags: flagBits(segment),
    len: segment.len,
    // A packet without a time of its own (a Simple Packet Block) gets the one before it; tshark
    // shows none.
    time: time === '' ? '' : `${segment.timeSec}.${String(segment.timeNs).padStart(9, '0')}`,
    window: segment.window,
    src: segment.src,
    dst: segment.dst,
    mss: String(option(segment, 'mss')?.value ?? ''),
    wscale: String(option(segment, 'windowScale')?.shift ?? ''),
    sackPermitted: option(segment, 'sackPermitted') !== undefined,
    tsval: String(timestamps?.tsval ?? ''),
    tsecr: String(timestamps?.tsecr ?? ''),
  };
}

function parseFixture(name: string): CaptureFile {
  return parseCapture(new Uint8Array(readFileSync(join(FIXTURES, name))));
}

/** What each fixture must read as, beyond the segments tshark sees. */
const EXPECTED: Record<
  string,
  { format: 'pcap' | 'pcapng'; linkTypes: string[]; warnings?: RegExp[]; truncated?: true }
> = {
  'any-sll.pcap': { format: 'pcap', linkTypes: ['linux-sll'] },
  'any-sll2-ipv6.pcap': { format: 'pcap', linkTypes: ['linux-sll2'] },
  'be.pcap': { format: 'pcap', linkTypes: ['ethernet'] },
  'be.pcapng': { format: 'pcapng', linkTypes: ['ethernet', 'linux-sll'] },
  'blocks.pcapng': {
    format: 'pcapng',
    linkTypes: ['ethernet', 'raw'],
    warnings: [/^packet 3: simple packet blocks carry no time/],
  },
  'cut.pcap': {
    format: 'pcap',
    linkTypes: ['ethernet'],
    truncated: true,
    warnings: [/^the file ends inside packet 18 \(520 of its 3066 bytes\)$/],
  },
  'cut.pcapng': {
    format: 'pcapng',
    linkTypes: ['ethernet', 'linux-sll'],
    truncated: true,
    warnings: [/^the file ends inside packet 27 /],
  },
  'dumpcap-two-ifaces.pcapng': { format: 'pcapng', linkTypes: ['ethernet', 'linux-sll'] },
  'lo-ipv4-options-frags.pcap': { format: 'pcap', linkTypes: ['ethernet'] },
  'lo-ipv4.pcap': { format: 'pcap', linkTypes: ['ethernet'] },
  'lo-ipv6-nano.pcap': { format: 'pcap', linkTypes: ['ethernet'] },
  'loop.pcap': { format: 'pcap', linkTypes: ['loop'] },
  'merged.pcapng': { format: 'pcapng', linkTypes: ['ethernet', 'linux-sll'] },
  'null.pcap': { format: 'pcap', linkTypes: ['null'] },
  'snap100.pcapng': { format: 'pcapng', linkTypes: ['ethernet'] },
  'snap60.pcap': {
    format: 'pcap',
    linkTypes: ['ethernet'],
    warnings: [/^packet 1: the snap length cut its TCP options \(and those of 20 more packets\)$/],
  },
  'tun-rawip.pcap': { format: 'pcap', linkTypes: ['raw'] },
  'vlan.pcap': { format: 'pcap', linkTypes: ['ethernet'] },
};

const fixtureNames = readdirSync(FIXTURES).filter((name) => /\.pcap(ng)?$/.test(name));

describe('fixtures read as tshark reads them', () => {
  it('every fixture has its expectations and its tshark output', () => {
    expect(fixtureNames.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of fixtureNames) {
    it(name, () => {
      const file = parseFixture(name);
      const lines = tsharkLines(name);
      const expected = EXPECTED[name]!;
      expect(file.format).toBe(expected.format);
      expect(file.linkTypes).toEqual(expected.linkTypes);
      expect(file.truncated).toBe(expected.truncated ?? false);
      // …as tshark saw it (make-expected.sh keeps its complaint).
      const complaint = join(FIXTURES, `${name}.tshark.err`);
      expect(existsSync(complaint) && /cut short/.test(readFileSync(complaint, 'utf8'))).toBe(
        file.truncated,
      );
      expect(file.warnings.map((warning) => warning.message)).toEqual(
        (expected.warnings ?? []).map((pattern) => expect.stringMatching(pattern)),
      );
      expect(file.packets).toBe(lines.length);
      const tcp = lines.filter((fields) => fields[1] !== '').map(fromTshark);
      expect(tcp.length).toBeGreaterThan(0);
      const times = new Map(tcp.map((seen) => [seen.frame, seen.time]));
      expect(
        file.segments.map((segment) => ours(segment, times.get(segment.packet + 1) ?? '?')),
      ).toEqual(tcp);
      for (const segment of file.segments) {
        expect(segment.timeMs).toBeCloseTo(segment.timeSec! * 1000 + segment.timeNs! / 1e6, 3);
        expect(segment.capturedLen).toBeLessThanOrEqual(segment.len);
      }
    });
  }
});

describe('what the fixtures show beyond tshark’s fields', () => {
  it('whole payloads are in the file unless the snap length cut them', () => {
    const whole = parseFixture('lo-ipv4.pcap');
    expect(whole.segments.every((segment) => segment.capturedLen === segment.len)).toBe(true);
    const cut = parseFixture('snap100.pcapng');
    const replies = cut.segments.filter((segment) => segment.len === 3000);
    expect(replies).toHaveLength(2);
    // 100 bytes: Ethernet 14, IPv4 20, TCP 32 (with timestamps), 34 bytes of payload.
    for (const reply of replies) expect(reply.capturedLen).toBe(34);
    expect(cut.segments.filter((segment) => segment.len === 6)[0]?.capturedLen).toBe(6);
  });

  it('a pcapng file with two interfaces tells which packet came from which', () => {
    const file = parseFixture('dumpcap-two-ifaces.pcapng');
    expect(file.interfaces).toEqual([
      { linkType: 'ethernet', name: 'lo', description: 'Loopback' },
      { linkType: 'linux-sll', name: 'any' },
    ]);
    const perInterface = [0, 1].map(
      (iface) => file.segments.filter((segment) => segment.iface === iface).length,
    );
    expect(perInterface).toEqual([22, 22]);
  });

  it('interface ids count on across the sections of a file', () => {
    const file = parseFixture('blocks.pcapng');
    expect(file.interfaces?.map((iface) => iface.linkType)).toEqual(['ethernet', 'raw']);
    expect(new Set(file.segments.map((segment) => segment.iface))).toEqual(new Set([0, 1]));
    expect(file.segments.find((segment) => segment.iface === 1)?.src).toBe('10.77.0.1');
  });

  it('IPv4 options, IPv6 extension headers and UDP fragments do not hide the TCP segments', () => {
    for (const name of ['lo-ipv4-options-frags.pcap', 'lo-ipv6-nano.pcap']) {
      const file = parseFixture(name);
      // Two UDP fragments and the datagram's last part, then the three connections' 22 segments.
      expect(file.packets).toBe(25);
      expect(file.segments).toHaveLength(22);
      expect(file.segments[0]!.flags).toEqual(['SYN']);
      expect(file.segments[0]!.options.map((option) => option.kind)).toEqual([
        'mss',
        'sackPermitted',
        'timestamps',
        'windowScale',
      ]);
    }
  });

  it('a connection refused shows as SYN then RST+ACK', () => {
    const file = parseFixture('tun-rawip.pcap');
    const refused = file.segments.filter(
      (segment) => segment.dstPort === 5556 || segment.srcPort === 5556,
    );
    expect(refused.map((segment) => segment.flags)).toEqual([
      ['SYN'],
      ['RST', 'ACK'],
      ['SYN'],
      ['RST', 'ACK'],
    ]);
    expect(refused.map((segment) => segment.ipVersion)).toEqual([4, 4, 6, 6]);
  });
});

interface KernelSegment {
  from: 'client' | 'server';
  flags: string[];
  seq: number;
  ack: number | null;
  len: number;
  window: number;
}

describe('the shared kernel captures', () => {
  const names = readdirSync(testDataPath('kernel', 'captures'))
    .filter((name) => name.endsWith('.pcap'))
    .map((name) => name.replace(/\.pcap$/, ''));

  it('are there', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    it(`${name}: the segments its JSON lists`, () => {
      const json = JSON.parse(
        readFileSync(testDataPath('kernel', 'captures', `${name}.json`), 'utf8'),
      ) as {
        client_port: number;
        segments: KernelSegment[];
      };
      const file = parseCapture(
        new Uint8Array(readFileSync(testDataPath('kernel', 'captures', `${name}.pcap`))),
      );
      expect(file.warnings).toEqual([]);
      expect(file.truncated).toBe(false);
      expect(
        file.segments.map((segment) => ({
          from: segment.srcPort === json.client_port ? 'client' : 'server',
          flags: [...segment.flags].sort(),
          seq: segment.seq,
          ack: segment.flags.includes('ACK') ? segment.ack : null,
          len: segment.len,
          window: segment.window,
        })),
      ).toEqual(
        json.segments.map((segment) => ({
          from: segment.from,
          flags: [...segment.flags].sort(),
          seq: segment.seq,
          ack: segment.ack,
          len: segment.len,
          window: segment.window,
        })),
      );
    });
  }
});
