// The page's side of the engine worker: one promise per run.

import type { TraceEvent } from '../engine/types';
import type { LabOptions, Run } from '../lab/types';
import {
  WorkerRequestType,
  WorkerResponseType,
  isWorkerResponse,
  type WorkerRequest,
} from './protocol';

/** The part of `Worker` the client uses; tests pass a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Told about messages that break the protocol; they are otherwise ignored. */
  onMalformed?: (problem: string, data: unknown) => void;
}

interface PendingRun {
  events: TraceEvent[];
  onEvents: ((batch: readonly TraceEvent[]) => void) | undefined;
  resolve: (run: Run) => void;
  reject: (error: Error) => void;
}

export class EngineClient {
  private readonly worker: WorkerLike;
  private readonly onMalformed: (problem: string, data: unknown) => void;
  private readonly pending = new Map<number, PendingRun>();
  private nextRequestId = 1;
  private disposed = false;

  constructor(worker: WorkerLike, options: EngineClientOptions = {}) {
    this.worker = worker;
    this.onMalformed =
      options.onMalformed ??
      ((problem, data) => console.warn(`engine worker: ${problem}; ignored`, data));
    worker.onmessage = (event) => this.receive(event.data);
    worker.onmessageerror = (event) => this.onMalformed('message could not be read', event.data);
    // The worker script failed (failed to load, or threw): no pending run can finish.
    worker.onerror = (event) => this.failAll(new Error(`engine worker failed: ${event.message}`));
  }

  /**
   * Validates and runs `scenario` (raw input) in the worker. Resolves with the whole run (a `Trace`
   * plus the validated scenario and the cause starts); rejects with the validator's one-line reason
   * for a bad scenario. `onEvents` sees each batch as it comes.
   */
  run(scenario: unknown, onEvents?: (batch: readonly TraceEvent[]) => void): Promise<Run> {
    return this.request(
      (requestId) => ({ type: WorkerRequestType.Run, requestId, scenario }),
      onEvents,
    );
  }

  /**
   * Runs a lesson with the lab's options applied (in the worker, probe run included). Resolves with
   * the run of the scenario actually built, which `run.scenario` holds.
   */
  lab(
    lesson: unknown,
    options: LabOptions,
    onEvents?: (batch: readonly TraceEvent[]) => void,
  ): Promise<Run> {
    return this.request(
      (requestId) => ({ type: WorkerRequestType.Lab, requestId, lesson, options }),
      onEvents,
    );
  }

  private request(
    message: (requestId: number) => WorkerRequest,
    onEvents: ((batch: readonly TraceEvent[]) => void) | undefined,
  ): Promise<Run> {
    if (this.disposed) return Promise.reject(new Error('engine client is disposed'));
    const requestId = this.nextRequestId++;
    return new Promise<Run>((resolve, reject) => {
      this.pending.set(requestId, { events: [], onEvents, resolve, reject });
      this.worker.postMessage(message(requestId));
    });
  }

  /** Stops the worker; runs still pending are rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.failAll(new Error('engine client is disposed'));
  }

  private receive(data: unknown): void {
    if (!isWorkerResponse(data)) {
      this.onMalformed('malformed message', data);
      return;
    }
    const id = data.requestId;
    const run = id === null ? undefined : this.pending.get(id);
    if (id === null || !run) {
      // An error the worker could not tie to a request, or an answer to a run no one awaits.
      const problem = data.type === WorkerResponseType.Error ? data.message : 'unknown request';
      this.onMalformed(problem, data);
      return;
    }
    switch (data.type) {
      case WorkerResponseType.Events:
        for (const event of data.events) run.events.push(event); // no spread: batches may be big
        run.onEvents?.(data.events);
        return;
      case WorkerResponseType.Done:
        this.pending.delete(id);
        if (run.events.length !== data.eventCount) {
          run.reject(
            new Error(`engine worker sent ${run.events.length} of ${data.eventCount} events`),
          );
        } else {
          run.resolve({
            scenario: data.scenario,
            events: run.events,
            causeStarts: data.causeStarts,
            final: data.final,
          });
        }
        return;
      case WorkerResponseType.Error:
        this.pending.delete(id);
        run.reject(new Error(data.message));
        return;
    }
  }

  private failAll(error: Error): void {
    for (const run of this.pending.values()) run.reject(error);
    this.pending.clear();
  }
}

/** A client with its own engine worker, started by `spawn`. */
export function createEngineClient(
  spawn: () => WorkerLike,
  options?: EngineClientOptions,
): EngineClient {
  return new EngineClient(spawn(), options);
}
