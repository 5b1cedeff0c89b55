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
import { onesComplementSum, tcpChecksum } from '../engine/wire/tcpHeader';
import { peerOf, type Scenario, type SendEvent, type Side, type TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { parseCapture } from './parse';
import { MAX_TCP_PAYLOAD, runToPcap } from './writePcap';

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

const RUNS = [
  ...LESSONS.map((lesson) => ({ name: lesson.id, run: runOf(lesson.scenario) })),
  { name: 'mixed', run: runOf(MIXED) },
];

const sendsOf = (events: readonly TraceEvent[]) =>
  events.filter((e): e is SendEvent => e.type === 'send');

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
        expect(record.seconds * 1e6 + record.micros).toBe(Math.round(send.t * 1000));
        expect(frame.length).toBe(54 + send.len);
        expect(record.origLen).toBe(frame.length);
        const ip = frame.subarray(14, 34);
        const tcp = frame.subarray(34, 54);
        expect(frame[12]! * 256 + frame[13]!).toBe(0x0800);
        expect(ip[0]).toBe(0x45);
        expect(ip[2]! * 256 + ip[3]!).toBe(40 + send.len);
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
        expect(frame.subarray(54).every((byte) => byte === 0)).toBe(true);
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
        options: [],
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
];
/** Wireshark's PROTO_CHECKSUM_E_GOOD. */
const CHECKSUM_GOOD = '1';
/** tshark's warning when run as root (as CI is); anything else on stderr is a finding. */
const ROOT_WARNING = /^Running as user "root" and group "root"\. This could be dangerous\.$/;

function tshark(file: string): Promise<{ stdout: string; stderr: string }> {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=/t'];
  for (const field of TSHARK_FIELDS) args.push('-e', field);
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
          ];
        });
        const lines = stdout.split('\n').filter((line) => line !== '');
        expect(lines.map((line) => line.split('\t'))).toEqual(expected);
      },
      60_000,
    );
  });
