import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longConnectionPcap } from '../bench/longCapture';
import { findConnections } from '../capture/connections';
import { captureRun } from '../capture/infer';
import { parseCapture } from '../capture/parse';
import { CaptureError, type CaptureConnection, type CaptureFile } from '../capture/types';
import { testDataPath } from '../testing/data';
import { manyInterfaces } from '../testing/pcapng';
import { InProcessWorker } from '../testing/inProcessWorker';
import {
  createCaptureService,
  MAX_WARNINGS,
  type CaptureApi,
  type CaptureService,
} from './captureService';
import { connect, PART_LENGTH, transfer } from './rpc';

const realApi: CaptureApi = { parseCapture, findConnections, captureRun };

function captureBytes(name: string): ArrayBuffer {
  const bytes = readFileSync(testDataPath('kernel', 'captures', `${name}.pcap`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
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

/** Calls `open`, keeping what it said on the way. */
function openWith(service: CaptureService, bytes: ArrayBuffer) {
  const progress: [number, number][] = [];
  const opened = service.open(bytes, (done, total) => progress.push([done, total]));
  return { opened, progress };
}

describe('the capture service', () => {
  it('parses a real capture, lists its connection and gives its run by id', () => {
    const service = createCaptureService(realApi);
    const bytes = captureBytes('normal-client-close');
    const size = bytes.byteLength;
    const { opened, progress } = openWith(service, bytes);
    expect(progress[0]).toEqual([0, size]);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(opened.captureId).toBe(1);
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

    const { run, inferredTimes, notes } = service.connection(1, 0);
    expect(inferredTimes).toBe(true);
    expect(Array.isArray(notes)).toBe(true);
    expect(run.final).toEqual({ client: 'TIME_WAIT', server: 'CLOSED', listener: 'LISTEN' });
    expect(run.events.filter((e) => e.type === 'send')).toHaveLength(only?.packets ?? -1);
  });

  it('says how far it got every few MB, not per packet', () => {
    const total = 10_000;
    const service = createCaptureService(
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
    const { progress } = openWith(service, new ArrayBuffer(total));
    expect(progress.map(([done]) => done)).toEqual([0, 2500, 5000, 7500, total]);
  });

  it('says how far it got on a file of a MB or two of blocks that are no packets', () => {
    // 65,536 interface description blocks, 1.25 MB: read as fast as the reader goes, but the bar
    // must move on a file like it that reads slower.
    const bytes = manyInterfaces(65536);
    const { opened, progress } = openWith(createCaptureService(realApi), bytes.buffer);
    expect(opened.connections).toEqual([]);
    expect(opened.linkTypes).toHaveLength(65536 - 4);
    const midway = progress.filter(([done, total]) => done > 0 && done < total);
    expect(midway.length).toBeGreaterThan(16);
    expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
  });

  it('refuses a file that is not a capture with the byte where it stopped making sense', () => {
    const service = createCaptureService(realApi);
    const text = new TextEncoder().encode('just some notes, not a capture\n');
    expect(() => service.open(text.buffer)).toThrow(/at byte \d+$/);
    expect(() => service.open(text.buffer)).not.toThrow(/capture reader failed/);
  });

  it('reports a bug of the reader as one, and caps the warnings it sends', () => {
    const broken = createCaptureService({
      ...realApi,
      parseCapture: () => {
        throw new TypeError('x is undefined');
      },
    });
    const progress: number[] = [];
    expect(() => broken.open(new ArrayBuffer(1), (done) => progress.push(done))).toThrow(
      /^capture reader failed: x is undefined$/,
    );
    expect(progress).toEqual([0]);
    const warnings = Array.from({ length: 500 }, (_, i) => ({ offset: i, message: 'bad' }));
    const noisy = createCaptureService({ ...realApi, parseCapture: () => emptyFile({ warnings }) });
    const opened = noisy.open(new ArrayBuffer(1));
    expect(opened.warningCount).toBe(500);
    expect(opened.warnings).toHaveLength(MAX_WARNINGS);
  });

  it('keeps one file: a connection of a file opened before, or unknown, is refused', () => {
    const service = createCaptureService(realApi);
    const first = service.open(captureBytes('half-close'));
    const second = service.open(captureBytes('rst-closed-port'));
    expect(second.captureId).not.toBe(first.captureId);
    expect(() => service.connection(first.captureId, 0)).toThrow(
      /^capture: that file is no longer open; open it again$/,
    );
    expect(() => service.connection(second.captureId, 99)).toThrow(
      /^capture: no connection 99 in the file$/,
    );
    expect(service.connection(second.captureId, 0).run.events.length).toBeGreaterThan(0);
  });

  it('drops the file it held when the next one cannot be read', () => {
    const service = createCaptureService(realApi);
    const held = service.open(captureBytes('half-close'));
    expect(() => service.open(new ArrayBuffer(2))).toThrow();
    expect(() => service.connection(held.captureId, 0)).toThrow(/no longer open/);
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
      times: 'dated',
    };
    const service = createCaptureService({
      parseCapture: () => emptyFile(),
      findConnections: () => [connection],
      captureRun: () => {
        throw new CaptureError('segment out of place', 120);
      },
    });
    const { captureId } = service.open(new ArrayBuffer(1));
    expect(() => service.connection(captureId, 0)).toThrow(/^segment out of place at byte 120$/);
  });

  it('in its worker: takes the file transferred, reports progress, and refuses as it does here', async () => {
    const capture = connect<CaptureService>(new InProcessWorker(createCaptureService()), 'capture');
    try {
      const bytes = captureBytes('half-close');
      const size = bytes.byteLength;
      const progress: [number, number][] = [];
      const opened = await capture.open(transfer(bytes, [bytes]), (done, total) =>
        progress.push([done, total]),
      );
      expect(bytes.byteLength).toBe(0);
      expect(progress).toEqual([
        [0, size],
        [size, size],
      ]);
      const direct = createCaptureService();
      expect(opened).toEqual(direct.open(captureBytes('half-close')));
      await expect(capture.connection(opened.captureId, 0)).resolves.toEqual(
        direct.connection(opened.captureId, 0),
      );
      const text = new TextEncoder().encode('not a capture').buffer;
      let reason = '';
      try {
        direct.open(text.slice(0));
      } catch (error) {
        reason = (error as Error).message;
      }
      await expect(capture.open(text)).rejects.toThrow(new Error(reason));
    } finally {
      capture.dispose();
    }
  });

  it("in its worker: sends a long connection's run in parts, the same run", async () => {
    const worker = new InProcessWorker(createCaptureService());
    const capture = connect<CaptureService>(worker, 'capture');
    try {
      const bytes = longConnectionPcap(1_500);
      const opened = await capture.open(bytes.slice().buffer);
      const before = worker.received;
      const drawn = await capture.connection(opened.captureId, 0);
      const direct = createCaptureService();
      const expected = direct.connection(direct.open(bytes.slice().buffer).captureId, 0);
      expect(drawn).toEqual(expected);
      const { events, causeStarts } = expected.run;
      expect(causeStarts.length).toBeGreaterThan(PART_LENGTH);
      // The head, then the parts of its events and of its causes' starts.
      expect(worker.received - before).toBe(
        1 + Math.ceil(events.length / PART_LENGTH) + Math.ceil(causeStarts.length / PART_LENGTH),
      );
    } finally {
      capture.dispose();
    }
  });
});
