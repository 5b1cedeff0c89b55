// The page's side of a capture: the capture worker (capture.worker.ts, started when the first file
// is opened), so parsing a big file never holds up the lesson's runs, and the parsed file's memory
// goes with it. The file's bytes are transferred, not copied; the worker keeps the parsed file, and
// each connection's run is asked for by its id. As EngineClient (client.ts) for runs, but a later
// chunk: the page's first script and the engine worker stay as small as they were.

import type { Run } from '../lab/types';
import {
  CaptureRequestType,
  CaptureResponseType,
  isCaptureResponse,
  type CaptureNote,
  type CaptureOpenedResponse,
  type CaptureRequest,
  type CaptureResponse,
} from './captureProtocol';
import type { ErrorResponse } from './protocol';

/** The part of `Worker` the client uses; tests pass a fake. */
export interface CaptureWorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: CaptureRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/** A file as the worker read it: its summary and connections (the file stays in the worker). */
export type OpenedCapture = Omit<CaptureOpenedResponse, 'type' | 'requestId'>;

/** One connection drawn from a capture. */
export interface CaptureRunResult {
  run: Run;
  notes: CaptureNote[];
  inferredTimes: boolean;
}

export type ProgressListener = (done: number, total: number) => void;

/** The type of an error answer (protocol.ts `WorkerResponseType.Error`). */
const ERROR: ErrorResponse['type'] = 'error';

interface Pending {
  /** Takes an answer; true once the request is settled. */
  take(data: CaptureResponse): boolean;
  reject(error: Error): void;
}

export class CaptureClient {
  private readonly worker: CaptureWorkerLike;
  private readonly onMalformed: (problem: string, data: unknown) => void;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private disposed = false;

  constructor(
    worker: CaptureWorkerLike,
    onMalformed: (problem: string, data: unknown) => void = (problem, data) =>
      console.warn(`capture worker: ${problem}; ignored`, data),
  ) {
    this.worker = worker;
    this.onMalformed = onMalformed;
    worker.onmessage = (event) => this.receive(event.data);
    worker.onmessageerror = (event) => this.onMalformed('message could not be read', event.data);
    worker.onerror = (event) => this.failAll(new Error(`capture worker failed: ${event.message}`));
  }

  /**
   * Parses a capture file in the worker. `bytes` is transferred: it is empty (detached) on the page
   * afterwards. Resolves with its connections; rejects with the reader's message for a file that
   * is not a capture or is malformed ("… at byte N").
   */
  open(bytes: ArrayBuffer, onProgress?: ProgressListener): Promise<OpenedCapture> {
    return this.request(
      (requestId) => ({ type: CaptureRequestType.Open, requestId, bytes }),
      [bytes],
      (data, resolve) => {
        if (data.type === CaptureResponseType.Progress) {
          onProgress?.(data.done, data.total);
          return false;
        }
        if (data.type !== CaptureResponseType.Opened) return this.unexpected(data);
        const { captureId, format, linkTypes, packets, segments, truncated } = data;
        const { warnings, warningCount, connections } = data;
        resolve({
          captureId,
          format,
          linkTypes,
          packets,
          segments,
          truncated,
          warnings,
          warningCount,
          connections,
        });
        return true;
      },
    );
  }

  /** The run of connection `connection` of the file opened as `captureId`. */
  connection(captureId: number, connection: number): Promise<CaptureRunResult> {
    return this.request<CaptureRunResult>(
      (requestId) => ({ type: CaptureRequestType.Connection, requestId, captureId, connection }),
      [],
      (data, resolve) => {
        if (data.type !== CaptureResponseType.Run) return this.unexpected(data);
        const { scenario, events, causeStarts, final, notes, inferredTimes } = data;
        resolve({ run: { scenario, events, causeStarts, final }, notes, inferredTimes });
        return true;
      },
    );
  }

  /** Stops the worker (and frees the file it held); requests still pending are rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.failAll(new Error('capture client is disposed'));
  }

  private unexpected(data: CaptureResponse): false {
    this.onMalformed(`unexpected ${data.type}`, data);
    return false;
  }

  private request<T>(
    message: (requestId: number) => CaptureRequest,
    transfer: Transferable[],
    take: (data: CaptureResponse, resolve: (value: T) => void) => boolean,
  ): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('capture client is disposed'));
    const requestId = this.nextRequestId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, { take: (data) => take(data, resolve), reject });
      this.worker.postMessage(message(requestId), transfer);
    });
  }

  private receive(data: unknown): void {
    if (!isCaptureResponse(data)) {
      this.onMalformed('malformed message', data);
      return;
    }
    const id = data.requestId;
    const pending = id === null ? undefined : this.pending.get(id);
    if (id === null || !pending) {
      const problem = data.type === ERROR ? data.message : 'unknown request';
      this.onMalformed(problem, data);
      return;
    }
    if (data.type === ERROR) {
      this.pending.delete(id);
      pending.reject(new Error(data.message));
      return;
    }
    if (pending.take(data)) this.pending.delete(id);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** A client with a capture worker of its own. */
export function createCaptureClient(): CaptureClient {
  // Vite spots this exact `new Worker(new URL(…, import.meta.url))` form and bundles the worker.
  return new CaptureClient(
    new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' }),
  );
}
