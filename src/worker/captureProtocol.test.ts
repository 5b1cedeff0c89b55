import { describe, expect, it } from 'vitest';
import { isCaptureConnectionSummary, isCaptureRequest, isCaptureResponse } from './captureProtocol';
import { isWorkerRequest, isWorkerResponse } from './protocol';
import { connectionSummary, openedCapture, synEvent as syn } from '../testing/workerMessages';

describe('capture messages', () => {
  const connection = connectionSummary(0, {
    server: { address: '::1', port: 8080 },
    startMs: 1_700_000_000_000.5,
    endMs: 1_700_000_000_010,
  });
  const opened = {
    type: 'capture-opened',
    requestId: 2,
    ...openedCapture([connection], {
      captureId: 2,
      format: 'pcapng',
      linkTypes: ['ethernet'],
      packets: 12,
      warnings: [{ offset: 300, message: 'not IP' }],
      warningCount: 1,
    }),
  };
  const runAnswer = {
    type: 'capture-run',
    requestId: 3,
    captureId: 2,
    connection: 0,
    scenario: { actions: [] },
    events: [syn],
    causeStarts: [0],
    final: { client: 'TIME_WAIT', server: 'CLOSED' },
    notes: [{ code: 'x', message: 'y', params: { n: 1 } }],
    inferredTimes: true,
  };

  it('accepts capture requests only with their payload', () => {
    expect(
      isCaptureRequest({ type: 'capture-open', requestId: 1, bytes: new ArrayBuffer(4) }),
    ).toBe(true);
    expect(isCaptureRequest({ type: 'capture-open', requestId: 1, bytes: [1, 2] })).toBe(false);
    expect(
      isCaptureRequest({ type: 'capture-connection', requestId: 2, captureId: 1, connection: 0 }),
    ).toBe(true);
    expect(isCaptureRequest({ type: 'capture-connection', requestId: 2, captureId: 1 })).toBe(
      false,
    );
    expect(isCaptureRequest({ type: 'run', requestId: 2, scenario: {} })).toBe(false);
  });

  it('accepts each capture answer, and errors', () => {
    expect(isCaptureResponse({ type: 'capture-progress', requestId: 1, done: 5, total: 9 })).toBe(
      true,
    );
    expect(isCaptureResponse(opened)).toBe(true);
    expect(isCaptureResponse(runAnswer)).toBe(true);
    expect(isCaptureResponse({ type: 'error', requestId: 1, message: 'bad at byte 3' })).toBe(true);
    expect(isCaptureConnectionSummary(connection)).toBe(true);
  });

  it.each([
    ['progress past the end', { type: 'capture-progress', requestId: 1, done: 10, total: 9 }],
    ['an unknown format', { ...opened, format: 'erf' }],
    [
      'a port out of range',
      { ...opened, connections: [{ ...connection, server: { address: 'x', port: 70000 } }] },
    ],
    ['an unknown ending', { ...opened, connections: [{ ...connection, ending: 'maybe' }] }],
    ['a warning without offset', { ...opened, warnings: [{ message: 'x' }] }],
    ['a run without notes', { ...runAnswer, notes: undefined }],
    [
      'a note with odd params',
      { ...runAnswer, notes: [{ code: 'x', message: 'y', params: { a: [] } }] },
    ],
    ['a run with cut cause starts', { ...runAnswer, causeStarts: [0, 1] }],
    ['a run answer to the run client', { ...runAnswer, type: 'done' }],
    ['a capture request', { type: 'capture-open', requestId: 1, bytes: new ArrayBuffer(1) }],
  ])('rejects %s', (_label, data) => {
    expect(isCaptureResponse(data)).toBe(false);
  });

  it('keeps the run protocol and the capture protocol apart', () => {
    expect(isWorkerRequest({ type: 'capture-open', requestId: 1, bytes: new ArrayBuffer(4) })).toBe(
      false,
    );
    expect(isWorkerResponse(opened)).toBe(false);
    expect(isWorkerResponse(runAnswer)).toBe(false);
  });
});
