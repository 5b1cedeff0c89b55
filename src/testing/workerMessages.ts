// Test-only: messages as the workers send them, shared by the protocol, client and session tests.
import type { SendEvent } from '../engine/types';
import type { OpenedCapture } from '../worker/captureClient';
import type { CaptureConnectionSummary } from '../worker/captureProtocol';

/** The client's SYN, as a trace event in an `events` or `capture-run` answer. */
export const synEvent: SendEvent = {
  t: 150,
  type: 'send',
  id: 1,
  who: 'client',
  flags: ['SYN'],
  seq: 1000,
  ack: 0,
  len: 0,
  window: 65535,
  retransmission: false,
  reason: 'active-open',
};

/** A connection of a capture (client port 40000 + id → 8080, ended by FINs), with `overrides`. */
export function connectionSummary(
  id = 0,
  overrides: Partial<CaptureConnectionSummary> = {},
): CaptureConnectionSummary {
  return {
    id,
    client: { address: '127.0.0.1', port: 40000 + id },
    server: { address: '127.0.0.1', port: 8080 },
    ipVersion: 4,
    packets: 10,
    startMs: 1000,
    endMs: 1010,
    ending: 'fin',
    startedBeforeCapture: false,
    ...overrides,
  };
}

/** A pcap file of ten packets, all of them segments, read as capture 1 with these connections. */
export function openedCapture(
  connections: CaptureConnectionSummary[],
  overrides: Partial<OpenedCapture> = {},
): OpenedCapture {
  return {
    captureId: 1,
    format: 'pcap',
    linkTypes: ['null'],
    packets: 10,
    segments: 10,
    truncated: false,
    warnings: [],
    warningCount: 0,
    connections,
    ...overrides,
  };
}
