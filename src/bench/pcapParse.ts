// The capture reader's speed: builds a ~50 MB pcap from the real packets
// of the capture fixtures (src/testing/captures: three Ethernet loopback captures, IPv4 with
// and without options, IPv6 with extension headers, UDP fragments among them), repeated with
// rising times and a new client port each time, so that the file holds many connections; then
// parses it a few times and reports the median:
//
//   pcap-parse-mb-per-second: N    (aim: at least 200)
//
// Like the other late sections it runs in a child process (child.ts), so that the 50 MB file and
// its segments stay out of the engine's peak RSS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCapture } from '../capture/parse';
import { log, ROOT, runAsChild, runChildSection, type SectionContext } from './child';

const CHILD_FLAG = '--pcap-parse-child';
const MB = 1024 * 1024;
const TARGET_BYTES = 50 * MB;
const RUNS = 5;
const AIM_MB_PER_SECOND = 200;
const CHILD_TIMEOUT_MS = 180_000;
const SOURCES = ['lo-ipv4.pcap', 'lo-ipv4-options-frags.pcap', 'lo-ipv6-nano.pcap'];
/** The servers' ports in the fixtures (traffic.py): the other port of a packet is the client's. */
const SERVER_PORTS = new Set([5555, 5556, 5557]);

export function pcapParseLine(mbPerSecond: number): string {
  return `pcap-parse-mb-per-second: ${Math.round(mbPerSecond)}`;
}

export function isPcapParseLine(line: string): boolean {
  return /^pcap-parse-mb-per-second: \d+$/.test(line);
}

interface SourcePacket {
  /** Microseconds after the start of its round in the bench file. */
  offsetUs: number;
  data: Uint8Array;
  wireLength: number;
  /** Where the TCP ports are in `data`, or -1 for a packet that is not TCP. */
  tcpStart: number;
}

/** Where the TCP header starts in an Ethernet frame, or -1 (not TCP, or a later fragment). */
function tcpStart(data: Uint8Array): number {
  const etherType = (data[12]! << 8) | data[13]!;
  if (etherType === 0x0800) {
    const fragmentOffset = ((data[20]! << 8) | data[21]!) & 0x1fff;
    return data[23] === 6 && fragmentOffset === 0 ? 14 + (data[14]! & 0x0f) * 4 : -1;
  }
  if (etherType !== 0x86dd) return -1;
  let next = data[20]!;
  let at = 54;
  while (next === 0 || next === 43 || next === 60) {
    next = data[at]!;
    at += (data[at + 1]! + 1) * 8;
  }
  return next === 6 ? at : -1;
}

/** The packets of one fixture, `startUs` after the start of each round of the bench file. */
function sourcePackets(name: string, startUs: number): SourcePacket[] {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'src/testing/captures', name)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nano = view.getUint32(0, true) === 0xa1b23c4d;
  const packets: SourcePacket[] = [];
  let firstUs = -1;
  for (let at = 24; at < bytes.length;) {
    const capturedLength = view.getUint32(at + 8, true);
    const fraction = view.getUint32(at + 4, true);
    const us = view.getUint32(at, true) * 1e6 + Math.floor(nano ? fraction / 1000 : fraction);
    if (firstUs < 0) firstUs = us;
    const data = bytes.slice(at + 16, at + 16 + capturedLength);
    packets.push({
      offsetUs: startUs + us - firstUs,
      data,
      wireLength: view.getUint32(at + 12, true),
      tcpStart: tcpStart(data),
    });
    at += 16 + capturedLength;
  }
  return packets;
}

/**
 * A little-endian microsecond Ethernet pcap of at least `targetBytes`: the fixtures' packets over
 * and over, a round a second, each round with its own client port. Also returns how many TCP segments
 * it holds.
 */
export function benchCapture(targetBytes: number): { bytes: Uint8Array; tcpSegments: number } {
  // Each fixture spans less than 300 ms: one after the other, rounds of a second keep the file in
  // time order, as a capture is.
  const packets = SOURCES.flatMap((name, index) => sourcePackets(name, index * 300_000));
  const largest = Math.max(...packets.map((packet) => packet.data.length));
  const out = new Uint8Array(targetBytes + 16 + largest);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 262144, true);
  view.setUint32(20, 1, true); // Ethernet
  let at = 24;
  let tcpSegments = 0;
  const startUs = 1_700_000_000 * 1e6;
  for (let round = 0; at < targetBytes; round++) {
    const clientPort = 10_000 + (round % 50_000);
    for (const packet of packets) {
      if (at >= targetBytes) break;
      const us = startUs + round * 1_000_000 + packet.offsetUs;
      view.setUint32(at, Math.floor(us / 1e6), true);
      view.setUint32(at + 4, us % 1e6, true);
      view.setUint32(at + 8, packet.data.length, true);
      view.setUint32(at + 12, packet.wireLength, true);
      out.set(packet.data, at + 16);
      if (packet.tcpStart >= 0) {
        tcpSegments++;
        for (const port of [packet.tcpStart, packet.tcpStart + 2]) {
          const place = at + 16 + port;
          if (!SERVER_PORTS.has(view.getUint16(place))) view.setUint16(place, clientPort);
        }
      }
      at += 16 + packet.data.length;
    }
  }
  return { bytes: out.subarray(0, at), tcpSegments };
}

/** The bench section: runs the measurement in a child process and relays what it prints. */
export function pcapParseSection(ctx: SectionContext): void {
  runChildSection(ctx, {
    label: 'pcap parse',
    moduleUrl: import.meta.url,
    flag: CHILD_FLAG,
    timeoutMs: CHILD_TIMEOUT_MS,
    isSummaryLine: isPcapParseLine,
  });
}

async function measure(): Promise<void> {
  const { bytes, tcpSegments } = benchCapture(TARGET_BYTES);
  const first = parseCapture(bytes); // also warms the code up
  if (first.segments.length !== tcpSegments || first.warnings.length > 0) {
    throw new Error(
      `the bench capture read as ${first.segments.length} segments (expected ${tcpSegments}) ` +
        `with ${first.warnings.length} warnings`,
    );
  }
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    parseCapture(bytes);
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(RUNS / 2)]!;
  const mbPerSecond = bytes.length / MB / median;
  log(
    `pcap parse: ${(bytes.length / MB).toFixed(1)} MB, ${first.packets.toLocaleString('en-US')} ` +
      `packets, ${first.segments.length.toLocaleString('en-US')} TCP segments; median of ${RUNS} ` +
      `parses ${(median * 1000).toFixed(0)} ms: ${mbPerSecond.toFixed(0)} MB/s, ` +
      `${Math.round(first.packets / median).toLocaleString('en-US')} packets/s (aim: at least ` +
      `${AIM_MB_PER_SECOND} MB/s${mbPerSecond < AIM_MB_PER_SECOND ? ', BELOW' : ''})`,
  );
  log(pcapParseLine(mbPerSecond));
}

runAsChild(CHILD_FLAG, 'pcap parse', measure);
