import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/all';
import { runWithCauses } from '../lab/run';
import { ENDPOINT_ADDRESSES } from '../engine/addresses';
import { DEFAULT_PORTS } from '../engine/defaults';
import { flagByte } from '../engine/wire/flags';
import { onesComplementSum, tcpChecksum, tcpOptionBytes } from '../engine/wire/tcpHeader';
import {
  peerOf,
  type Scenario,
  type SendEvent,
  type Side,
  type TcpOption,
  type TraceEvent,
} from '../engine/types';
import { hex } from '../engine/wire/hex';
import { parseScenario } from '../engine/validate';
import { parseCapture } from './parse';
import { advertisedWindow, segmentOptions } from '../lab/segmentOptions';
import { MAX_TCP_PAYLOAD, runToPcap, type RunForPcap } from './writePcap';

function runOf(raw: unknown) {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return runWithCauses(parsed.scenario);
}

/**
 * Beyond the lessons: its own ports, an ISN just below 2^32 (sequence numbers wrap),
 * sub-millisecond delays, random loss (drops and retransmissions), a duplicated segment (sent once) and an injected
 * data segment with a small window.
 */
const MIXED: Scenario = {
  profile: 'linux',
  seed: 3,
  client: { port: 51515, isn: 4294967000 },
  server: { port: 443, isn: 123 },
  network: { delayMs: 0.25, lossRate: 0.1 },
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 10, who: 'client', do: 'connect' },
    { at: 50, who: 'client', do: 'send', bytes: 5000 },
    { at: 2000, who: 'client', do: 'close' },
    { at: 2500, who: 'server', do: 'close' },
  ],
  faults: [{ who: 'server', flags: 'ACK', nth: 1, fate: 'duplicate' }],
  inject: [{ at: 1500, to: 'client', flags: 'ACK,PSH', seq: 1, ack: 5001, len: 3, window: 1000 }],
  until: 6000,
};

/**
 * A linux-profile handshake and data as the version-2 engine writes it (hand-written: the
 * trace's options, and raw window fields scaled by 2^7 after the handshake).
 */
const LINUX_SYN_OPTIONS = (tsval: number, tsecr: number): TcpOption[] => [
  { kind: 'mss', value: 1460 },
  { kind: 'sackPermitted' },
  { kind: 'timestamps', tsval, tsecr },
  { kind: 'windowScale', shift: 7 },
];
const why = { rule: 'send-data', ref: 'RFC 9293 §3.10.2' };
const linuxSend = (
  id: number,
  t: number,
  who: Side,
  flags: SendEvent['flags'],
  numbers: { seq: number; ack: number; len?: number; window: number; options: TcpOption[] },
): SendEvent => ({
  t,
  type: 'send',
  id,
  who,
  flags,
  len: 0,
  retransmission: false,
  reason: 'data',
  why,
  ...numbers,
});
const LINUX_TRACE: { scenario: Scenario; events: SendEvent[] } = {
  scenario: { profile: 'linux', actions: [] },
  events: [
    linuxSend(1, 150, 'client', ['SYN'], {
      seq: 1000,
      ack: 0,
      window: 64240,
      options: LINUX_SYN_OPTIONS(150, 0),
    }),
    linuxSend(2, 151, 'server', ['SYN', 'ACK'], {
      seq: 5000,
      ack: 1001,
      window: 65160,
      options: LINUX_SYN_OPTIONS(151, 150),
    }),
    linuxSend(3, 152, 'client', ['ACK'], {
      seq: 1001,
      ack: 5001,
      window: 511,
      options: [{ kind: 'timestamps', tsval: 152, tsecr: 151 }],
    }),
    linuxSend(4, 300, 'client', ['PSH', 'ACK'], {
      seq: 1001,
      ack: 5001,
      len: 5,
      window: 511,
      options: [{ kind: 'timestamps', tsval: 300, tsecr: 151 }],
    }),
  ],
};

/** A lesson of the linux profile: its SYNs carry Linux's options, later segments timestamps. */
const LINUX_LESSON = 'delayed-ack-close';

const RUNS = [
  ...LESSONS.map((lesson) => ({ name: lesson.id, run: runOf(lesson.scenario) })),
  { name: 'mixed', run: runOf(MIXED) },
  { name: 'linux-trace', run: LINUX_TRACE },
];

const sendsOf = (events: readonly TraceEvent[]) =>
  events.filter((e): e is SendEvent => e.type === 'send');

/** The TCP header's length: 20 bytes and the send event's options as Linux lays them out. */
const tcpHeaderLength = (send: SendEvent) => 20 + tcpOptionBytes(send.options ?? []).length;

const portsOf = (scenario: Scenario): Record<Side, number> => ({
  client: scenario.client?.port ?? DEFAULT_PORTS.client,
  server: scenario.server?.port ?? DEFAULT_PORTS.server,
});

interface PcapRecord {
  seconds: number;
  micros: number;
  frame: Uint8Array;
  origLen: number;
}

/** The test's own minimal reader of what the writer writes (little-endian classic pcap). */
function readRecords(bytes: Uint8Array): PcapRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: PcapRecord[] = [];
  for (let at = 24; at < bytes.length;) {
    const inclLen = view.getUint32(at + 8, true);
    records.push({
      seconds: view.getUint32(at, true),
      micros: view.getUint32(at + 4, true),
      frame: bytes.subarray(at + 16, at + 16 + inclLen),
      origLen: view.getUint32(at + 12, true),
    });
    at += 16 + inclLen;
  }
  return records;
}

describe('runToPcap: the bytes', () => {
  it('starts with a little-endian, microsecond, Ethernet pcap header', () => {
    const bytes = runToPcap(RUNS[0]!.run);
    const view = new DataView(bytes.buffer);
    expect([...bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4]);
    expect(view.getUint32(16, true)).toBeGreaterThanOrEqual(65535 + 54);
    expect(view.getUint32(20, true)).toBe(1);
  });

  it('writes a header alone for a run that sent nothing', () => {
    expect(runToPcap({ scenario: {}, events: [] })).toHaveLength(24);
  });

  it.each(RUNS)(
    '$name: one whole packet per send, at its time, with good IPv4 and TCP checksums',
    ({ run }) => {
      const sends = sendsOf(run.events);
      const records = readRecords(runToPcap(run));
      expect(records).toHaveLength(sends.length);
      const ipIds: Record<Side, number[]> = { client: [], server: [] };
      records.forEach((record, i) => {
        const send = sends[i]!;
        const { frame } = record;
        const tcpLength = tcpHeaderLength(send);
        expect(record.seconds * 1e6 + record.micros).toBe(Math.round(send.t * 1000));
        expect(frame.length).toBe(34 + tcpLength + send.len);
        expect(record.origLen).toBe(frame.length);
        const ip = frame.subarray(14, 34);
        const tcp = frame.subarray(34, 34 + tcpLength);
        expect(tcp[12]! >> 4).toBe(tcpLength / 4);
        expect(frame[12]! * 256 + frame[13]!).toBe(0x0800);
        expect(ip[0]).toBe(0x45);
        expect(ip[2]! * 256 + ip[3]!).toBe(20 + tcpLength + send.len);
        expect(ip[9]).toBe(6);
        expect(onesComplementSum(ip)).toBe(0xffff);
        expect([...ip.subarray(12, 16)].join('.')).toBe(ENDPOINT_ADDRESSES[send.who]);
        expect([...ip.subarray(16, 20)].join('.')).toBe(ENDPOINT_ADDRESSES[peerOf(send.who)]);
        ipIds[send.who].push(ip[4]! * 256 + ip[5]!);
        // Over a header that carries its checksum, the checksum computation gives 0.
        expect(
          tcpChecksum(
            ENDPOINT_ADDRESSES[send.who],
            ENDPOINT_ADDRESSES[peerOf(send.who)],
            tcp,
            send.len,
          ),
        ).toBe(0);
        expect(tcp[13]).toBe(flagByte(send.flags));
        expect(frame.subarray(34 + tcpLength).every((byte) => byte === 0)).toBe(true);
      });
      for (const ids of Object.values(ipIds)) {
        expect(ids).toEqual(ids.map((_, i) => i + 1));
      }
    },
  );

  it('has a dropped segment, each retransmission, an injected one and a duplicate once', () => {
    const run = RUNS.find((r) => r.name === 'mixed')!.run;
    const dropped = new Set(run.events.flatMap((e) => (e.type === 'drop' ? [e.id] : [])));
    const duplicated = run.events.filter((e) => e.type === 'deliver' && e.duplicate);
    const sends = sendsOf(run.events);
    // The scenario does produce each kind, else this test would prove nothing.
    expect(sends.some((s) => dropped.has(s.id))).toBe(true);
    expect(sends.some((s) => s.retransmission)).toBe(true);
    expect(sends.some((s) => s.injected)).toBe(true);
    expect(duplicated.length).toBeGreaterThan(0);
    expect(readRecords(runToPcap(run))).toHaveLength(sends.length);
  });

  const oneSend = (fields: Partial<SendEvent>): { scenario: Scenario; events: SendEvent[] } => ({
    scenario: { actions: [], client: { port: 1234 } },
    events: [
      {
        t: 0,
        type: 'send',
        id: 1,
        who: 'server',
        flags: ['ACK'],
        seq: 1,
        ack: 2,
        len: 0,
        window: 65535,
        retransmission: false,
        reason: 'ack',
        why: { rule: 'ack-at-once', ref: 'RFC 9293 §3.10.7.4' },
        ...fields,
      },
    ],
  });

  it('takes ports from the scenario or the defaults, and clamps the window to 16 bits', () => {
    const tcp = readRecords(runToPcap(oneSend({ window: 70000 })))[0]!.frame.subarray(34);
    const view = new DataView(tcp.buffer, tcp.byteOffset);
    expect(view.getUint16(0)).toBe(DEFAULT_PORTS.server);
    expect(view.getUint16(2)).toBe(1234);
    expect(view.getUint16(14)).toBe(65535);
  });

  it('refuses a segment no IPv4 packet can carry, naming it', () => {
    expect(readRecords(runToPcap(oneSend({ len: MAX_TCP_PAYLOAD })))[0]!.frame).toHaveLength(
      54 + MAX_TCP_PAYLOAD,
    );
    expect(() => runToPcap(oneSend({ id: 7, t: 12, len: MAX_TCP_PAYLOAD + 1 }))).toThrow(
      /^segment 7 \(sent at 12 ms\) carries 65496 bytes: one IPv4 packet holds at most 65495$/,
    );
    // Options take their room from the payload.
    const stamped = { options: [{ kind: 'timestamps' as const, tsval: 1, tsecr: 2 }] };
    expect(() => runToPcap(oneSend({ ...stamped, len: MAX_TCP_PAYLOAD - 11 }))).toThrow(
      /carries 65484 bytes: one IPv4 packet holds at most 65483$/,
    );
    const tooMany = Array.from({ length: 11 }, () => ({ kind: 'windowScale' as const, shift: 7 }));
    expect(() => runToPcap(oneSend({ id: 3, options: tooMany }))).toThrow(
      /^segment 3 \(sent at 0 ms\): the options take 44 bytes: a TCP header holds at most 40$/,
    );
  });

  it('carries the options of a linux handshake as a Linux host writes them', () => {
    const records = readRecords(runToPcap(LINUX_TRACE));
    const tcpOf = (i: number) => records[i]!.frame.subarray(34);
    // The SYN: data offset 10, MSS, SACK-permitted and timestamps in one word, NOP and window scale.
    expect(hex(tcpOf(0).subarray(12, 13))).toBe('a0');
    expect(hex(tcpOf(0).subarray(20, 40))).toBe(
      '02 04 05 b4 04 02 08 0a 00 00 00 96 00 00 00 00 01 03 03 07',
    );
    // The ACK that completes the handshake: data offset 8, NOP NOP and the timestamps.
    expect(hex(tcpOf(2).subarray(12, 13))).toBe('80');
    expect(hex(tcpOf(2).subarray(20, 32))).toBe('01 01 08 0a 00 00 00 98 00 00 00 97');
    expect(tcpOf(2).subarray(14, 16)).toEqual(Uint8Array.of(0x01, 0xff)); // 511, scaled
  });
});

describe('runToPcap: read back by the lab parser (parseCapture)', () => {
  it.each(RUNS)('$name: every send event, as a captured segment', ({ run }) => {
    const file = parseCapture(runToPcap(run));
    const sends = sendsOf(run.events);
    expect(file).toMatchObject({
      format: 'pcap',
      linkTypes: ['ethernet'],
      packets: sends.length,
      warnings: [],
      truncated: false,
    });
    const ports = portsOf(run.scenario);
    // The parser lists flags in its own order; the engine in its own.
    const sorted = (flags: readonly string[]) => [...flags].sort();
    // toMatchObject: the parser may add fields (a segment's time in whole seconds and nanoseconds).
    expect(file.segments.map((seg) => ({ ...seg, flags: sorted(seg.flags) }))).toMatchObject(
      sends.map((send, i) => ({
        packet: i,
        offset: expect.any(Number),
        timeMs: Math.round(send.t * 1000) / 1000,
        timeSec: Math.floor(send.t / 1000),
        timeNs: (Math.round(send.t * 1000) % 1e6) * 1000,
        iface: 0,
        ipVersion: 4,
        src: ENDPOINT_ADDRESSES[send.who],
        dst: ENDPOINT_ADDRESSES[peerOf(send.who)],
        srcPort: ports[send.who],
        dstPort: ports[peerOf(send.who)],
        seq: send.seq >>> 0,
        ack: send.ack >>> 0,
        flags: sorted(send.flags),
        otherFlags: [],
        window: Math.min(send.window, 0xffff),
        len: send.len,
        capturedLen: send.len,
        options: send.options ?? [],
      })),
    );
  });
});

// ---- Read back by Wireshark's tshark ----

const TSHARK_FIELDS = [
  'frame.time_epoch',
  'ip.src',
  'ip.dst',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq_raw',
  'tcp.ack_raw',
  'tcp.flags',
  'tcp.len',
  'tcp.window_size_value',
  'tcp.checksum.status',
  'ip.checksum.status',
  'tcp.hdr_len',
  'tcp.options.mss_val',
  'tcp.options.sack_perm',
  'tcp.options.timestamp.tsval',
  'tcp.options.timestamp.tsecr',
  'tcp.options.wscale.shift',
  // The window Wireshark works out from the handshake's window scale options.
  'tcp.window_size',
];
/** The column of `tcp.options.sack_perm`: tshark prints the option's bytes; only presence counts. */
const SACK_PERM_COLUMN = TSHARK_FIELDS.indexOf('tcp.options.sack_perm');
/** Wireshark's PROTO_CHECKSUM_E_GOOD. */
const CHECKSUM_GOOD = '1';
/** tshark's warning when run as root (as CI is); anything else on stderr is a finding. */
const ROOT_WARNING = /^Running as user "root" and group "root"\. This could be dangerous\.$/;

/** tshark's fields of each packet, or with `filter`, the numbers of the frames it matches. */
function tshark(file: string, filter?: string): Promise<{ stdout: string; stderr: string }> {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=/t'];
  if (filter === undefined) for (const field of TSHARK_FIELDS) args.push('-e', field);
  else args.push('-Y', filter, '-e', 'frame.number');
  args.push('-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE');
  return new Promise((resolve, reject) => {
    execFile('tshark', args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new Error(
            'tshark is not installed: `apt-get install tshark` (CI installs it), or set ' +
              'SKIP_TSHARK=1 to leave these checks out',
          ),
        );
      } else if (error) {
        reject(new Error(`tshark failed: ${error.message}\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'handshake-lab-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe
  .skipIf(process.env.SKIP_TSHARK === '1')
  .concurrent('runToPcap: read back by tshark', () => {
    it.each(RUNS)(
      '$name: every send event, field by field, checksums good',
      async ({ name, run }) => {
        const file = join(dir, `${name}.pcap`);
        writeFileSync(file, runToPcap(run));
        const { stdout, stderr } = await tshark(file);
        const noise = stderr.split('\n').filter((line) => line.trim() && !ROOT_WARNING.test(line));
        expect(noise).toEqual([]);

        const ports = portsOf(run.scenario);
        const expected = sendsOf(run.events).map((send) => {
          const to = peerOf(send.who);
          const option = <K extends TcpOption['kind']>(kind: K) =>
            send.options?.find((o): o is Extract<TcpOption, { kind: K }> => o.kind === kind);
          const wire = segmentOptions(run.events, send.id)!;
          return [
            (Math.round(send.t * 1000) / 1e6).toFixed(9),
            ENDPOINT_ADDRESSES[send.who],
            ENDPOINT_ADDRESSES[to],
            String(ports[send.who]),
            String(ports[to]),
            String(send.seq >>> 0),
            String(send.ack >>> 0),
            `0x${flagByte(send.flags).toString(16).padStart(4, '0')}`,
            String(send.len),
            String(Math.min(send.window, 0xffff)),
            CHECKSUM_GOOD,
            CHECKSUM_GOOD,
            String(tcpHeaderLength(send)),
            String(option('mss')?.value ?? ''),
            option('sackPermitted') ? 'present' : '',
            String(option('timestamps')?.tsval ?? ''),
            String(option('timestamps')?.tsecr ?? ''),
            String(option('windowScale')?.shift ?? ''),
            // Wireshark's scaling agrees with the inspector's.
            String(advertisedWindow(Math.min(send.window, 0xffff), wire.windowShift)),
          ];
        });
        const lines = stdout.split('\n').filter((line) => line !== '');
        const seen = lines.map((line) => line.split('\t'));
        for (const row of seen) row[SACK_PERM_COLUMN] = row[SACK_PERM_COLUMN] ? 'present' : '';
        expect(seen).toEqual(expected);
      },
      60_000,
    );

    /** The frames of `run`'s capture that tshark's display filter `filter` matches. */
    async function framesMatching(name: string, run: RunForPcap, filter: string) {
      const file = join(dir, `${name}.filtered.pcap`);
      writeFileSync(file, runToPcap(run));
      const { stdout } = await tshark(file, filter);
      return stdout
        .split('\n')
        .filter((line) => line !== '')
        .map(Number);
    }

    /** Linux's SYN options as Wireshark decodes them, in a 40-byte header. */
    const LINUX_SYN_FILTER =
      'tcp.flags.syn == 1 && tcp.hdr_len == 40 && tcp.options.mss_val == 1460 && ' +
      'tcp.options.sack_perm && tcp.options.timestamp.tsval && tcp.options.wscale.shift == 7';
    /** A later segment's timestamps alone, in a 32-byte header. */
    const LATER_FILTER =
      'tcp.flags.syn == 0 && tcp.hdr_len == 32 && tcp.options.timestamp.tsval && ' +
      '!tcp.options.mss_val && !tcp.options.wscale.shift';

    it('a hand-written linux trace: the options of the SYN, SYN+ACK and later segments', async () => {
      expect(await framesMatching('linux-trace', LINUX_TRACE, LINUX_SYN_FILTER)).toEqual([1, 2]);
      expect(await framesMatching('linux-trace', LINUX_TRACE, LATER_FILTER)).toEqual([3, 4]);
    }, 60_000);

    it('a linux-profile run of the engine: its handshake and later segments carry the options', async () => {
      const { run } = RUNS.find((r) => r.name === LINUX_LESSON)!;
      expect(run.scenario.profile).toBe('linux');
      // Frame k is the k-th segment sent.
      const frames = (which: (send: SendEvent) => boolean) =>
        sendsOf(run.events).flatMap((send, i) => (which(send) ? [i + 1] : []));
      const syns = frames((send) => send.flags.includes('SYN'));
      expect(syns).toHaveLength(2);
      expect(await framesMatching(LINUX_LESSON, run, LINUX_SYN_FILTER)).toEqual(syns);
      expect(await framesMatching(LINUX_LESSON, run, LATER_FILTER)).toEqual(
        frames((send) => !send.flags.includes('SYN')),
      );
    }, 60_000);
  });
