import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findConnections } from '../capture/connections';
import { captureRun } from '../capture/infer';
import { parseCapture } from '../capture/parse';
import { CaptureError, type CaptureConnection, type CaptureFile } from '../capture/types';
import { testDataPath } from '../testing/data';
import { CaptureReader, MAX_WARNINGS, type CaptureApi } from './captureHost';
import { isCaptureResponse, type CaptureResponse } from './captureProtocol';

const realApi: CaptureApi = { parseCapture, findConnections, captureRun };

function sharedBytes(name: string): ArrayBuffer {
  const bytes = readFileSync(testDataPath('kernel', 'captures', `${name}.pcap`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function ask(reader: CaptureReader, request: unknown) {
  const posted: CaptureResponse[] = [];
  reader.handle(request, (message) => posted.push(message));
  expect(posted.every(isCaptureResponse)).toBe(true);
  return posted;
}

const emptyFile = (overrides: Partial<CaptureFile> = {}): CaptureFile => ({
  format: 'pcap',
  linkTypes: ['ethernet'],
  packets: 0,
  segments: [],
  warnings: [],
  truncated: false,
  ...overrides,
});

describe('CaptureReader', () => {
  it('parses a real capture, lists its connection and gives its run by id', () => {
    const reader = new CaptureReader(realApi);
    const bytes = sharedBytes('normal-client-close');
    const size = bytes.byteLength;
    const posted = ask(reader, { type: 'capture-open', requestId: 7, bytes });
    const opened = posted.at(-1);
    if (opened?.type !== 'capture-opened') throw new Error(JSON.stringify(opened));
    expect(posted[0]).toEqual({ type: 'capture-progress', requestId: 7, done: 0, total: size });
    expect(posted.at(-2)).toEqual({
      type: 'capture-progress',
      requestId: 7,
      done: size,
      total: size,
    });
    expect(opened.captureId).toBe(7);
    expect(opened.format).toBe('pcap');
    expect(opened.connections).toHaveLength(1);
    const [only] = opened.connections;
    expect(only).toMatchObject({
      id: 0,
      client: { port: 40000 },
      server: { port: 8080 },
      ending: 'fin',
      startedBeforeCapture: false,
    });
    expect(only).not.toHaveProperty('segments');

    const answer = ask(reader, {
      type: 'capture-connection',
      requestId: 8,
      captureId: 7,
      connection: 0,
    });
    expect(answer).toHaveLength(1);
    const run = answer[0];
    if (run?.type !== 'capture-run') throw new Error(JSON.stringify(run));
    expect(run.inferredTimes).toBe(true);
    expect(run.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED' });
    const sends = run.events.filter((e) => e.type === 'send');
    expect(sends.length).toBe(only?.packets);
  });

  it('says how far it got every few MB, not per packet', () => {
    const total = 10_000;
    const reader = new CaptureReader(
      {
        ...realApi,
        parseCapture: (_bytes, options) => {
          for (let done = 100; done < total; done += 100) options?.onProgress?.(done, total);
          return emptyFile();
        },
        findConnections: () => [],
      },
      2500,
    );
    const posted = ask(reader, {
      type: 'capture-open',
      requestId: 1,
      bytes: new ArrayBuffer(total),
    });
    const done = posted.flatMap((m) => (m.type === 'capture-progress' ? [m.done] : []));
    expect(done).toEqual([0, 2500, 5000, 7500, total]);
    expect(posted.at(-1)?.type).toBe('capture-opened');
  });

  it('answers a file that is not a capture with the byte where it stopped making sense', () => {
    const reader = new CaptureReader(realApi);
    const text = new TextEncoder().encode('just some notes, not a capture\n');
    const posted = ask(reader, { type: 'capture-open', requestId: 3, bytes: text.buffer });
    const error = posted.at(-1);
    expect(error?.type).toBe('error');
    expect(error).toMatchObject({ requestId: 3 });
    expect((error as { message: string }).message).toMatch(/at byte \d+$/);
  });

  it('reports a bug of the reader as one, and caps the warnings it sends', () => {
    const broken = new CaptureReader({
      ...realApi,
      parseCapture: () => {
        throw new TypeError('x is undefined');
      },
    });
    expect(ask(broken, { type: 'capture-open', requestId: 1, bytes: new ArrayBuffer(1) })).toEqual([
      { type: 'capture-progress', requestId: 1, done: 0, total: 1 },
      { type: 'error', requestId: 1, message: 'capture reader failed: x is undefined' },
    ]);
    const warnings = Array.from({ length: 500 }, (_, i) => ({ offset: i, message: 'bad' }));
    const noisy = new CaptureReader({
      ...realApi,
      parseCapture: () => emptyFile({ warnings }),
    });
    const opened = ask(noisy, { type: 'capture-open', requestId: 2, bytes: new ArrayBuffer(1) });
    expect(opened.at(-1)).toMatchObject({ warningCount: 500 });
    expect((opened.at(-1) as { warnings: unknown[] }).warnings).toHaveLength(MAX_WARNINGS);
  });

  it('keeps one file: a connection of a file opened before, or unknown, is refused', () => {
    const reader = new CaptureReader(realApi);
    ask(reader, { type: 'capture-open', requestId: 1, bytes: sharedBytes('half-close') });
    ask(reader, { type: 'capture-open', requestId: 2, bytes: sharedBytes('rst-closed-port') });
    expect(
      ask(reader, { type: 'capture-connection', requestId: 3, captureId: 1, connection: 0 }),
    ).toEqual([
      {
        type: 'error',
        requestId: 3,
        message: 'capture: that file is no longer open; open it again',
      },
    ]);
    expect(
      ask(reader, { type: 'capture-connection', requestId: 4, captureId: 2, connection: 99 }),
    ).toEqual([{ type: 'error', requestId: 4, message: 'capture: no connection 99 in the file' }]);
    const ok = ask(reader, {
      type: 'capture-connection',
      requestId: 5,
      captureId: 2,
      connection: 0,
    });
    expect(ok[0]?.type).toBe('capture-run');
  });

  it('drops the file it held when the next one cannot be read', () => {
    const reader = new CaptureReader(realApi);
    ask(reader, { type: 'capture-open', requestId: 1, bytes: sharedBytes('half-close') });
    ask(reader, { type: 'capture-open', requestId: 2, bytes: new ArrayBuffer(2) });
    const answer = ask(reader, {
      type: 'capture-connection',
      requestId: 3,
      captureId: 1,
      connection: 0,
    });
    expect(answer[0]?.type).toBe('error');
  });

  it('answers a malformed request instead of throwing', () => {
    const reader = new CaptureReader(realApi);
    expect(ask(reader, { type: 'capture-open', requestId: 6, bytes: 'abc' })).toEqual([
      { type: 'error', requestId: 6, message: 'malformed request' },
    ]);
    expect(ask(reader, { type: 'capture-zip' })).toEqual([
      { type: 'error', requestId: null, message: 'malformed request' },
    ]);
  });

  it('passes a CaptureError from inference on as it is', () => {
    const connection: CaptureConnection = {
      id: 0,
      client: { address: '10.0.0.1', port: 1 },
      server: { address: '10.0.0.2', port: 2 },
      ipVersion: 4,
      segments: [],
      startMs: 0,
      endMs: 0,
      ending: 'open',
      startedBeforeCapture: true,
    };
    const reader = new CaptureReader({
      parseCapture: () => emptyFile(),
      findConnections: () => [connection],
      captureRun: () => {
        throw new CaptureError('segment out of place', 120);
      },
    });
    ask(reader, { type: 'capture-open', requestId: 1, bytes: new ArrayBuffer(1) });
    expect(
      ask(reader, { type: 'capture-connection', requestId: 2, captureId: 1, connection: 0 }),
    ).toEqual([{ type: 'error', requestId: 2, message: 'segment out of place at byte 120' }]);
  });
});
