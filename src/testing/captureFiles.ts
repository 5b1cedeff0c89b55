// For tests: hand-made captures, written segment by segment.
import type { Flag } from '../engine/types';
import { packetLine } from './packetdrill';
import type { CaptureFile, CapturedSegment } from '../capture/types';

export interface HostPort {
  address: string;
  port: number;
}

const FLAG_LETTERS: Record<string, Flag> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', A: 'ACK' };

/**
 * One segment, tcpdump style: `tcp(t, from, to, 'SA', seq, ack, len)` with flag letters S, F, R,
 * P, A. `t` is ms from an arbitrary epoch.
 */
export function tcp(
  t: number,
  from: HostPort,
  to: HostPort,
  flags: string,
  seq: number,
  ack = 0,
  len = 0,
  window = 65535,
): Omit<CapturedSegment, 'packet' | 'offset'> {
  return {
    timeMs: 1_700_000_000_000 + t,
    iface: 0,
    ipVersion: from.address.includes(':') ? 6 : 4,
    src: from.address,
    dst: to.address,
    srcPort: from.port,
    dstPort: to.port,
    seq: seq >>> 0,
    ack: ack >>> 0,
    flags: [...flags].map((letter) => {
      const flag = FLAG_LETTERS[letter];
      if (flag === undefined) throw new Error(`unknown flag letter ${letter}`);
      return flag;
    }),
    otherFlags: [],
    window,
    len,
    capturedLen: len,
    options: [],
  };
}

/**
 * Segments between `client` and `server` in packetdrill's notation (./packetdrill.ts), as the
 * client sees them: `>` it sends, `<` it receives ("20 < S. 5000:5000(0) ack 1001"). Times are
 * from `t0`; sequence numbers are from each side's `isn` (without one, absolute), as in packetdrill.
 */
export function packets(
  client: HostPort,
  server: HostPort,
  lines: readonly string[],
  { t0 = 0, isn = { client: 0, server: 0 } } = {},
): ReturnType<typeof tcp>[] {
  return lines.map((line) => {
    const { t, direction, flags, seq, len, ack } = packetLine(line);
    const [from, to] = direction === '>' ? [client, server] : [server, client];
    const [fromIsn, toIsn] =
      direction === '>' ? [isn.client, isn.server] : [isn.server, isn.client];
    const letters = flags.map((flag) => flag[0]).join(''); // tcp()'s letters: the initials
    const ackNumber = ack === undefined ? 0 : toIsn + ack;
    return tcp(t0 + t, from, to, letters, fromIsn + seq, ackNumber, len);
  });
}

export function captureOf(segments: Omit<CapturedSegment, 'packet' | 'offset'>[]): CaptureFile {
  return {
    format: 'pcap',
    linkTypes: ['ethernet'],
    packets: segments.length,
    segments: segments.map((s, packet) => ({ ...s, packet, offset: 24 + packet * 100 })),
    warnings: [],
    truncated: false,
  };
}
