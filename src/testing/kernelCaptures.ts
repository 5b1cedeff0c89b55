// The kernel captures in shared/captures: each NAME.pcap beside NAME.json, what the kernel reported
// for it. Read by the capture unit tests and the browser tests.
import { readFileSync } from 'node:fs';
import type { Flag, TcpState } from '../engine/types';
import { testDataPath } from './data';

export const SHARED_CAPTURES = [
  'half-close',
  'lost-final-ack',
  'normal-client-close',
  'normal-server-close',
  'rst-closed-port',
  'simultaneous-close',
] as const;

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

export function sharedCapturePath(name: string): string {
  return testDataPath('kernel', 'captures', `${name}.pcap`);
}

export function sharedCaptureExpectation(name: string): SharedCaptureExpectation {
  return JSON.parse(
    readFileSync(testDataPath('kernel', 'captures', `${name}.json`), 'utf8'),
  ) as SharedCaptureExpectation;
}
