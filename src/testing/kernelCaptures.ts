// The kernel captures in ./kernel/captures: each NAME.pcap beside NAME.json, what the kernel
// reported for it. Read by the capture unit tests and the browser tests.
import { readFileSync } from 'node:fs';
import { parseCapture } from '../capture/parse';
import type { CaptureFile } from '../capture/types';
import type { Flag, TcpState } from '../engine/types';
import { testDataPath } from './data';

export const KERNEL_CAPTURES = [
  'half-close',
  'lost-final-ack',
  'normal-client-close',
  'normal-server-close',
  'rst-closed-port',
  'simultaneous-close',
] as const;

/** A capture's JSON beside its .pcap in ./kernel/captures. */
export interface KernelCaptureExpectation {
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

export function kernelCapturePath(name: string): string {
  return testDataPath('kernel', 'captures', `${name}.pcap`);
}

export function kernelCaptureExpectation(name: string): KernelCaptureExpectation {
  return JSON.parse(
    readFileSync(testDataPath('kernel', 'captures', `${name}.json`), 'utf8'),
  ) as KernelCaptureExpectation;
}

/** A kernel capture as the reader reads it, with what the kernel reported. */
export function readKernelCapture(name: string): {
  file: CaptureFile;
  expected: KernelCaptureExpectation;
} {
  const bytes = new Uint8Array(readFileSync(kernelCapturePath(name)));
  return { file: parseCapture(bytes), expected: kernelCaptureExpectation(name) };
}
