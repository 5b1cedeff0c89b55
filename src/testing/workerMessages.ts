// Test-only: answers as the capture worker gives them (src/worker/captureService.ts), for tests
// that stand in for it.
import type { CaptureConnectionSummary, OpenedCapture } from '../worker/captureService';

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
    times: 'dated',
    notes: [],
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
