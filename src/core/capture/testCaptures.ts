// For tests: the shared kernel captures with what the kernel reported, and hand-made captures.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../testing/shared';
import type { Flag, TcpState } from '../types';
import { parseCapture } from './parse';
import type { CaptureFile, CapturedSegment } from './types';

/** A capture's JSON beside its .pcap in shared/captures. */
export interface SharedCaptureExpectation {
  scenario: string;
  client_port: number;
  server_port: number;
  steps: { do: string; states: { client: TcpState; server: TcpState; listener: TcpState } }[];
  segments: {
    /** Seconds from the first segment. */
    t: number;
    from: 'client' | 'server';
    flags: Flag[];
    seq: number;
    ack: number | null;
    len: number;
    window: number;
    retransmission: boolean;
  }[];
}

export const SHARED_CAPTURES = [
  'half-close',
  'lost-final-ack',
  'normal-client-close',
  'normal-server-close',
  'rst-closed-port',
  'simultaneous-close',
] as const;

export function readSharedCapture(name: string): {
  file: CaptureFile;
  expected: SharedCaptureExpectation;
} {
  const bytes = new Uint8Array(readFileSync(sharedPath('captures', `${name}.pcap`)));
  const expected = JSON.parse(
    readFileSync(sharedPath('captures', `${name}.json`), 'utf8'),
  ) as SharedCaptureExpectation;
  return { file: parseCapture(bytes), expected };
}

// ---- hand-made captures ----

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
