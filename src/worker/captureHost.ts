// What the capture worker (capture.worker.ts) does with one message, kept apart from the worker
// global so that it can be tested in Node: parses a file and says how far it got every few MB,
// lists its TCP connections, and keeps the parsed file so that the page asks for one connection's
// run by its id without sending the file again. It keeps one file: opening another drops the last.

import { findConnections } from '../capture/connections';
import { captureRun } from '../capture/infer';
import { parseCapture } from '../capture/parse';
import { CaptureError, type CaptureConnection, type CaptureFile } from '../capture/types';
import {
  CaptureRequestType,
  CaptureResponseType,
  isCaptureRequest,
  type CaptureConnectionRequest,
  type CaptureConnectionSummary,
  type CaptureOpenRequest,
  type CaptureResponse,
} from './captureProtocol';
import { WorkerResponseType, requestIdOf } from './protocol';

/** How many bytes between two progress messages. */
export const PROGRESS_STEP_BYTES = 4 * 1024 * 1024;
/** Warnings sent with a file's summary (a broken file may have one per packet). */
export const MAX_WARNINGS = 20;

/** The capture code the reader uses; tests pass fakes. */
export interface CaptureApi {
  parseCapture: typeof parseCapture;
  findConnections: typeof findConnections;
  captureRun: typeof captureRun;
}

type Post = (message: CaptureResponse) => void;

/** A request the page got wrong (a stale file, an unknown connection): reported as it is. */
class CaptureRequestError extends Error {}

interface OpenFile {
  captureId: number;
  file: CaptureFile;
  connections: CaptureConnection[];
}

function summaryOf(connection: CaptureConnection): CaptureConnectionSummary {
  return {
    id: connection.id,
    client: { address: connection.client.address, port: connection.client.port },
    server: { address: connection.server.address, port: connection.server.port },
    ipVersion: connection.ipVersion,
    packets: connection.segments.length,
    startMs: connection.startMs,
    endMs: connection.endMs,
    ending: connection.ending,
    startedBeforeCapture: connection.startedBeforeCapture,
  };
}

export class CaptureReader {
  private open: OpenFile | null = null;
  private readonly api: CaptureApi;
  private readonly progressStep: number;

  constructor(api: CaptureApi, progressStep: number = PROGRESS_STEP_BYTES) {
    this.api = api;
    this.progressStep = progressStep;
  }

  handle(request: unknown, post: Post): void {
    if (!isCaptureRequest(request)) {
      const requestId = requestIdOf(request);
      post({ type: WorkerResponseType.Error, requestId, message: 'malformed request' });
      return;
    }
    try {
      if (request.type === CaptureRequestType.Open) this.openFile(request, post);
      else this.connectionRun(request, post);
    } catch (err) {
      // A CaptureError is the file's fault and says where ("… at byte N"); anything else but a
      // stale request is a bug of the reader: say so, so it is reported as one.
      const reason = err instanceof Error ? err.message : String(err);
      const expected = err instanceof CaptureError || err instanceof CaptureRequestError;
      const message = expected ? reason : `capture reader failed: ${reason}`;
      post({ type: WorkerResponseType.Error, requestId: request.requestId, message });
    }
  }

  private openFile(request: CaptureOpenRequest, post: Post): void {
    // The last file's memory goes before the next one is parsed.
    this.open = null;
    const { requestId } = request;
    const bytes = new Uint8Array(request.bytes);
    const total = bytes.byteLength;
    const progress = (done: number) =>
      post({ type: CaptureResponseType.Progress, requestId, done, total });
    progress(0);
    let next = this.progressStep;
    const file = this.api.parseCapture(bytes, {
      onProgress: (done: number) => {
        if (done < next || done >= total) return;
        progress(done);
        while (next <= done) next += this.progressStep;
      },
    });
    progress(total);
    const connections = this.api.findConnections(file);
    this.open = { captureId: requestId, file, connections };
    post({
      type: CaptureResponseType.Opened,
      requestId,
      captureId: requestId,
      format: file.format,
      linkTypes: file.linkTypes,
      packets: file.packets,
      segments: file.segments.length,
      truncated: file.truncated,
      warnings: file.warnings.slice(0, MAX_WARNINGS),
      warningCount: file.warnings.length,
      connections: connections.map(summaryOf),
    });
  }

  private connectionRun(request: CaptureConnectionRequest, post: Post): void {
    const { requestId, captureId, connection: id } = request;
    const open = this.open;
    if (!open || open.captureId !== captureId) {
      throw new CaptureRequestError('capture: that file is no longer open; open it again');
    }
    const connection = open.connections.find((c) => c.id === id);
    if (!connection) throw new CaptureRequestError(`capture: no connection ${id} in the file`);
    const { run, notes, inferredTimes } = this.api.captureRun(open.file, connection);
    post({
      type: CaptureResponseType.Run,
      requestId,
      captureId,
      connection: id,
      scenario: run.scenario,
      events: run.events,
      causeStarts: run.causeStarts,
      final: run.final,
      notes,
      inferredTimes,
    });
  }
}

/** The worker's one reader (capture.worker.ts). */
export const captureReader = new CaptureReader({ parseCapture, findConnections, captureRun });
