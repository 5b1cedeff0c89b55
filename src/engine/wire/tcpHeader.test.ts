import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_ADDRESSES } from '../addresses';
import { hex, hexRows } from './hex';
import { flagByte, headerFlagsOf, HEADER_FLAGS } from './flags';
import {
  buildTcpHeader,
  ipv4Bytes,
  ipv4PseudoHeader,
  MAX_TCP_OPTION_BYTES,
  onesComplementSum,
  readTcpOptions,
  segmentHeader,
  tcpChecksum,
  tcpHeaderBytes,
  tcpOptionBytes,
  tcpOptionKindLength,
  type TcpHeaderFields,
  type TcpOptionInfo,
} from './tcpHeader';

/** A second implementation: 32-bit words through a DataView, then a fold (not the byte loop). */
function referenceChecksum(src: string, dst: string, header: Uint8Array, payload: Uint8Array) {
  const all = new Uint8Array(12 + header.length + payload.length + 1); // room for the odd pad
  const srcParts = src.split('.').map(Number);
  const dstParts = dst.split('.').map(Number);
  all.set(srcParts, 0);
  all.set(dstParts, 4);
  all[9] = 6;
  all[10] = (header.length + payload.length) >> 8;
  all[11] = (header.length + payload.length) & 0xff;
  all.set(header, 12);
  all.set(payload, 12 + header.length);
  const view = new DataView(all.buffer);
  const words = Math.ceil((12 + header.length + payload.length) / 2);
  let sum = 0n;
  for (let w = 0; w + 1 < words; w += 2) sum += BigInt(view.getUint32(w * 2));
  if (words % 2 === 1) sum += BigInt(view.getUint16((words - 1) * 2));
  while (sum > 0xffffn) sum = (sum & 0xffffn) + (sum >> 16n);
  return Number(~sum & 0xffffn);
}

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const ip = fc.tuple(u8(), u8(), u8(), u8()).map((p) => p.join('.'));
function u8() {
  return fc.integer({ min: 0, max: 255 });
}
const fields = fc.record({
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.subarray(HEADER_FLAGS),
  window: u16,
  urgentPointer: u16,
});

/** The lessons' first segment: the client's SYN from port 40000 to 8080, ISN 1000. */
const LESSON_SYN: TcpHeaderFields = {
  srcPort: 40000,
  dstPort: 8080,
  seq: 1000,
  ack: 0,
  flags: ['SYN'],
  window: 65535,
};

describe('tcpHeaderBytes', () => {
  it('lays out a SYN as in RFC 9293 section 3.1', () => {
    const bytes = tcpHeaderBytes(LESSON_SYN);
    expect(hex(bytes)).toBe('9c 40 1f 90 00 00 03 e8 00 00 00 00 50 02 ff ff 00 00 00 00');
  });

  it('sets every flag bit in header order, CWR high and FIN low', () => {
    expect(flagByte(['CWR'])).toBe(0x80);
    expect(flagByte(['ECE'])).toBe(0x40);
    expect(flagByte(['URG'])).toBe(0x20);
    expect(flagByte(['ACK'])).toBe(0x10);
    expect(flagByte(['PSH'])).toBe(0x08);
    expect(flagByte(['RST'])).toBe(0x04);
    expect(flagByte(['SYN'])).toBe(0x02);
    expect(flagByte(['FIN'])).toBe(0x01);
    expect(flagByte(['FIN', 'ACK', 'PSH'])).toBe(0x19);
    expect(headerFlagsOf(0x12)).toEqual(['ACK', 'SYN']);
    expect(() => flagByte(['NS'])).toThrow(RangeError);
  });

  it('refuses fields that do not fit', () => {
    const ok = { srcPort: 1, dstPort: 2, seq: 3, ack: 4, flags: [], window: 5 };
    expect(() => tcpHeaderBytes({ ...ok, srcPort: 65536 })).toThrow(/source port/);
    expect(() => tcpHeaderBytes({ ...ok, seq: 2 ** 32 })).toThrow(/sequence number/);
    expect(() => tcpHeaderBytes({ ...ok, ack: -1 })).toThrow(/acknowledgment number/);
    expect(() => tcpHeaderBytes({ ...ok, window: 1.5 })).toThrow(/window/);
    const eleven = Array.from({ length: 11 }, () => ({ kind: 'windowScale', shift: 7 }) as const);
    expect(() => tcpHeaderBytes({ ...ok, options: eleven })).toThrow(/44 bytes.*at most 40/);
  });

  it('round-trips every field through a DataView', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const bytes = tcpHeaderBytes(f);
        const view = new DataView(bytes.buffer);
        expect(bytes.length).toBe(20);
        expect(view.getUint16(0)).toBe(f.srcPort);
        expect(view.getUint16(2)).toBe(f.dstPort);
        expect(view.getUint32(4)).toBe(f.seq);
        expect(view.getUint32(8)).toBe(f.ack);
        expect(bytes[12]).toBe(0x50);
        expect(headerFlagsOf(bytes[13]!)).toEqual(HEADER_FLAGS.filter((n) => f.flags.includes(n)));
        expect(view.getUint16(14)).toBe(f.window);
        expect(view.getUint16(16)).toBe(0);
        expect(view.getUint16(18)).toBe(f.urgentPointer);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('tcpChecksum', () => {
  it('sums as in RFC 1071 section 3 (00 01 f2 03 f4 f5 f6 f7 gives ddf2)', () => {
    expect(onesComplementSum(Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7))).toBe(
      0xddf2,
    );
    // Split anywhere on an even boundary, the sum is the same.
    expect(
      onesComplementSum(
        Uint8Array.of(0x00, 0x01),
        Uint8Array.of(0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7),
      ),
    ).toBe(0xddf2);
    expect(() => onesComplementSum(Uint8Array.of(1), Uint8Array.of(2))).toThrow(RangeError);
  });

  it('builds the IPv4 pseudo-header', () => {
    expect(hex(ipv4PseudoHeader('192.0.2.1', '198.51.100.1', 20))).toBe(
      'c0 00 02 01 c6 33 64 01 00 06 00 14',
    );
    expect(() => ipv4Bytes('192.0.2')).toThrow(RangeError);
    expect(() => ipv4Bytes('192.0.2.256')).toThrow(RangeError);
  });

  it('matches a vector computed by hand: the SYN from 192.0.2.1:40000 to 198.51.100.1:8080', () => {
    // Pseudo-header c000 0201 c633 6401 0006 0014, header 9c40 1f90 0000 03e8 0000 0000 5002 ffff
    // 0000 0000: the sum is 0x3fc08, folded 0xfc0b, complemented 0x03f4.
    const header = tcpHeaderBytes(LESSON_SYN);
    expect(tcpChecksum('192.0.2.1', '198.51.100.1', header)).toBe(0x03f4);
  });

  it('counts a payload of zero bytes by its length (a vector from a Python struct-based sum)', () => {
    const built = buildTcpHeader(
      {
        srcPort: 8080,
        dstPort: 40000,
        seq: 0xdeadbeef,
        ack: 0xfffffffe,
        flags: ['FIN', 'PSH', 'ACK'],
        window: 29200,
      },
      '198.51.100.1',
      '192.0.2.1',
      5,
    );
    expect(built.checksum).toBe(0xf812);
    expect(hex(built.bytes, 20)).toBe('1f909c40deadbeeffffffffe50197210f8120000');
    expect(tcpChecksum('198.51.100.1', '192.0.2.1', built.bytes, new Uint8Array(5))).toBe(0);
  });

  it('agrees with a DataView/BigInt reference, and a filled-in checksum verifies to 0', () => {
    fc.assert(
      fc.property(fields, ip, ip, fc.uint8Array({ maxLength: 64 }), (f, src, dst, payload) => {
        const header = tcpHeaderBytes(f);
        const checksum = tcpChecksum(src, dst, header, payload);
        expect(checksum).toBe(referenceChecksum(src, dst, header, payload));
        const filled = tcpHeaderBytes({ ...f, checksum });
        expect(tcpChecksum(src, dst, filled, payload)).toBe(0);
        // The sum itself, complemented back, is 0xffff.
        expect(~tcpChecksum(src, dst, filled, payload) & 0xffff).toBe(0xffff);
      }),
      { numRuns: 1_000 },
    );
  });

  it('treats a length as that many zero bytes', () => {
    fc.assert(
      fc.property(fields, ip, ip, fc.integer({ min: 0, max: 1500 }), (f, src, dst, len) => {
        const header = tcpHeaderBytes(f);
        expect(tcpChecksum(src, dst, header, len)).toBe(
          tcpChecksum(src, dst, header, new Uint8Array(len)),
        );
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('segmentHeader', () => {
  it('puts a simulated segment between the documentation addresses', () => {
    const built = segmentHeader(
      { from: 'client', to: 'server', flags: ['SYN'], seq: 1000, ack: 0, len: 0, window: 65535 },
      { client: 40000, server: 8080 },
    );
    expect(ENDPOINT_ADDRESSES).toEqual({ client: '192.0.2.1', server: '198.51.100.1' });
    expect(built.checksum).toBe(0x03f4);
    expect(hexRows(built.bytes)).toEqual([
      '9c 40 1f 90',
      '00 00 03 e8',
      '00 00 00 00',
      '50 02 ff ff',
      '03 f4 00 00',
    ]);
    expect(built.fields).toMatchObject({ dataOffset: 5, urgentPointer: 0, checksum: 0x03f4 });
  });
});

// ---- options ----

/** A Linux SYN's options (net.ipv4 defaults): what the linux profile's SYN and SYN+ACK carry. */
const LINUX_SYN: TcpOptionInfo[] = [
  { kind: 'mss', value: 1460 },
  { kind: 'sackPermitted' },
  { kind: 'timestamps', tsval: 0x01020304, tsecr: 0 },
  { kind: 'windowScale', shift: 7 },
];

describe('tcpOptionBytes: laid out as Linux tcp_options_write()', () => {
  it.each<[string, TcpOptionInfo[], string]>([
    ['all four (a SYN)', LINUX_SYN, '02 04 05 b4 04 02 08 0a 01 02 03 04 00 00 00 00 01 03 03 07'],
    [
      'timestamps without SACK-permitted',
      [
        { kind: 'mss', value: 1460 },
        { kind: 'timestamps', tsval: 7, tsecr: 9 },
        { kind: 'windowScale', shift: 7 },
      ],
      '02 04 05 b4 01 01 08 0a 00 00 00 07 00 00 00 09 01 03 03 07',
    ],
    [
      'SACK-permitted without timestamps',
      [{ kind: 'mss', value: 1460 }, { kind: 'sackPermitted' }, { kind: 'windowScale', shift: 7 }],
      '02 04 05 b4 01 01 04 02 01 03 03 07',
    ],
    ['MSS only (the rfc9293 profile)', [{ kind: 'mss', value: 1460 }], '02 04 05 b4'],
    [
      'timestamps on a later segment',
      [{ kind: 'timestamps', tsval: 0xfffffffe, tsecr: 0x80000000 }],
      '01 01 08 0a ff ff ff fe 80 00 00 00',
    ],
    ['window scale alone', [{ kind: 'windowScale', shift: 14 }], '01 03 03 0e'],
    ['SACK blocks', [{ kind: 'sack', blocks: [[1, 2]] }], '01 01 05 0a 00 00 00 01 00 00 00 02'],
    [
      'an unknown option of 5 bytes',
      [{ kind: 'other', code: 30, length: 5 }],
      '01 01 01 1e 05 00 00 00',
    ],
    ['none', [], ''],
  ])('%s', (_name, options, expected) => {
    const bytes = tcpOptionBytes(options);
    expect(hex(bytes)).toBe(expected);
    expect(bytes.length % 4).toBe(0);
    expect(readTcpOptions(bytes, 0, bytes.length)).toEqual(options);
  });

  it('refuses what no header holds or the reader would read as something else', () => {
    expect(() => tcpOptionBytes([{ kind: 'mss', value: 65536 }])).toThrow(/MSS/);
    expect(() => tcpOptionBytes([{ kind: 'windowScale', shift: 256 }])).toThrow(/shift/);
    expect(() => tcpOptionBytes([{ kind: 'timestamps', tsval: -1, tsecr: 0 }])).toThrow(/TSval/);
    expect(() => tcpOptionBytes([{ kind: 'sack', blocks: [] }])).toThrow(/1 to 4 blocks/);
    expect(() => tcpOptionBytes([{ kind: 'other', code: 2, length: 4 }])).toThrow(/known/);
    expect(() => tcpOptionBytes([{ kind: 'other', code: 1, length: 4 }])).toThrow(/length/);
    expect(() =>
      tcpOptionBytes([
        {
          kind: 'sack',
          blocks: [
            [1, 2],
            [3, 4],
            [5, 6],
            [7, 8],
            [9, 10],
          ],
        },
      ]),
    ).toThrow(/SACK option length/);
  });
});

describe('headers with options', () => {
  it('a Linux SYN: data offset 10 (40 bytes), and the checksum covers the options', () => {
    const built = buildTcpHeader(
      { ...LESSON_SYN, window: 64240, options: LINUX_SYN },
      '192.0.2.1',
      '198.51.100.1',
    );
    expect(built.bytes).toHaveLength(40);
    expect(built.optionBytes).toBe(20);
    expect(built.fields.dataOffset).toBe(10);
    expect(built.bytes[12]).toBe(0xa0);
    expect(hex(built.bytes.subarray(20))).toBe(hex(tcpOptionBytes(LINUX_SYN)));
    expect(tcpChecksum('192.0.2.1', '198.51.100.1', built.bytes)).toBe(0);
    // The same fixed fields without the options give another checksum: the options count.
    const bare = buildTcpHeader({ ...LESSON_SYN, window: 64240 }, '192.0.2.1', '198.51.100.1');
    expect(bare.checksum).not.toBe(built.checksum);
    expect(bare.fields.dataOffset).toBe(5);
  });

  it('a later segment with timestamps: data offset 8 (32 bytes)', () => {
    const built = segmentHeader(
      {
        from: 'server',
        to: 'client',
        flags: ['ACK'],
        seq: 5001,
        ack: 1001,
        len: 5,
        window: 509,
        options: [{ kind: 'timestamps', tsval: 300, tsecr: 150 }],
      },
      { client: 40000, server: 8080 },
    );
    expect(built.fields.dataOffset).toBe(8);
    expect(hexRows(built.bytes).slice(5)).toEqual(['01 01 08 0a', '00 00 01 2c', '00 00 00 96']);
    expect(tcpChecksum('198.51.100.1', '192.0.2.1', built.bytes, 5)).toBe(0);
  });
});

/** Any option the writer takes, with the reader's own kinds in their field ranges. */
const anyOption: fc.Arbitrary<TcpOptionInfo> = fc.oneof(
  fc.record({ kind: fc.constant('mss' as const), value: u16 }),
  fc.constant({ kind: 'sackPermitted' as const }),
  fc.record({ kind: fc.constant('timestamps' as const), tsval: u32, tsecr: u32 }),
  fc.record({ kind: fc.constant('windowScale' as const), shift: u8() }),
  fc.record({
    kind: fc.constant('sack' as const),
    blocks: fc.array(fc.tuple(u32, u32), { minLength: 1, maxLength: 4 }),
  }),
  fc
    .record({
      kind: fc.constant('other' as const),
      code: fc.integer({ min: 2, max: 255 }),
      length: fc.integer({ min: 2, max: 12 }),
    })
    .filter(
      ({ code, length }) =>
        !(
          (code === 2 && length === 4) ||
          (code === 3 && length === 3) ||
          (code === 4 && length === 2) ||
          (code === 5 && length % 8 === 2) ||
          (code === 8 && length === 10)
        ),
    ),
);

/** Each option's own bytes (kind, length, value), without the NOPs that align it. */
function ownBytes(option: TcpOptionInfo): number {
  switch (option.kind) {
    case 'mss':
      return 4;
    case 'sackPermitted':
      return 2;
    case 'timestamps':
      return 10;
    case 'windowScale':
      return 3;
    case 'sack':
      return 2 + 8 * option.blocks.length;
    case 'other':
      return option.length;
  }
}

describe('options: write then read', () => {
  it('any option list that fits round-trips, and the data offset is 5 + its words', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fields,
        ip,
        ip,
        fc.array(anyOption, { maxLength: 10 }),
        (f, src, dst, options) => {
          let optionBytes: Uint8Array;
          try {
            optionBytes = tcpOptionBytes(options);
          } catch (error) {
            // Only too many bytes is refused, and only when the options take more than 40.
            expect(String(error)).toMatch(/at most 40/);
            expect(options.reduce((sum, o) => sum + ownBytes(o), 0)).toBeGreaterThan(
              MAX_TCP_OPTION_BYTES - 3 * options.length,
            );
            return;
          }
          checked++;
          const built = buildTcpHeader({ ...f, options }, src, dst);
          expect(readTcpOptions(built.bytes, 20, built.bytes.length)).toEqual(options);
          expect(built.fields.dataOffset).toBe(5 + Math.ceil(optionBytes.length / 4));
          expect(built.bytes[12]! >> 4).toBe(built.fields.dataOffset);
          expect(built.bytes).toHaveLength(built.fields.dataOffset * 4);
          // Between options, only NOPs: each option is aligned with fewer than 4 of them.
          const own = options.reduce((sum, o) => sum + ownBytes(o), 0);
          expect(optionBytes.length - own).toBeGreaterThanOrEqual(0);
          expect(optionBytes.length - own).toBeLessThan(4 * Math.max(1, options.length));
          expect(tcpChecksum(src, dst, built.bytes)).toBe(0);
        },
      ),
      { numRuns: 1_000 },
    );
    // About half the lists fit (the rest are refused, as checked above): the round trip is not
    // checked on a handful only.
    expect(checked).toBeGreaterThan(300);
  });
});

describe('tcpOptionKindLength', () => {
  it('gives each option its kind number and own length, as the writer writes them', () => {
    const sack: TcpOptionInfo = { kind: 'sack', blocks: [[1, 2]] };
    for (const option of [...LINUX_SYN, sack]) {
      const { code, length } = tcpOptionKindLength(option);
      const bytes = tcpOptionBytes([option]);
      // After the aligning NOPs: the kind, then the length byte.
      const start = bytes.length - length;
      expect([bytes[start], bytes[start + 1]]).toEqual([code, length]);
      expect(bytes.subarray(0, start).every((b) => b === 1)).toBe(true);
    }
    expect(tcpOptionKindLength({ kind: 'other', code: 30, length: 6 })).toEqual({
      code: 30,
      length: 6,
    });
  });
});
