// What the engine worker does with one message, kept apart from the worker global so that it can be
// tested in Node with a fake engine.

import type { streamScenario } from '../core/engine';
import type { FinalStates, TraceEvent } from '../core/types';
import type { parseScenario } from '../core/validate';
import {
  EVENTS_BATCH_SIZE,
  WorkerResponseType,
  isWorkerRequest,
  requestIdOf,
  type WorkerResponse,
} from './protocol';

/** What the worker hosts; tests pass a fake. */
export interface EngineApi {
  parseScenario: typeof parseScenario;
  streamScenario: typeof streamScenario;
}

export function handleRequest(
  data: unknown,
  engine: EngineApi,
  post: (message: WorkerResponse) => void,
  batchSize: number = EVENTS_BATCH_SIZE,
): void {
  if (!isWorkerRequest(data)) {
    // Answer rather than throw: an exception in a worker's handler only reaches the page as an
    // anonymous `error` event, and the request would wait forever.
    post({
      type: WorkerResponseType.Error,
      requestId: requestIdOf(data),
      message: 'malformed request',
    });
    return;
  }
  const { requestId } = data;
  const parsed = engine.parseScenario(data.scenario);
  if (!parsed.ok) {
    post({ type: WorkerResponseType.Error, requestId, message: parsed.error });
    return;
  }

  let batch: TraceEvent[] = [];
  let eventCount = 0;
  const flush = () => {
    if (batch.length === 0) return;
    post({ type: WorkerResponseType.Events, requestId, events: batch });
    batch = [];
  };
  let final: FinalStates;
  try {
    // streamScenario runs to the end synchronously; batches posted meanwhile reach the page while
    // the run goes on.
    ({ final } = engine.streamScenario(parsed.scenario, (event) => {
      batch.push(event);
      eventCount += 1;
      if (batch.length >= batchSize) flush();
    }));
  } catch (err) {
    // An engine bug, not bad input: say so, so it is reported as one.
    const reason = err instanceof Error ? err.message : String(err);
    post({ type: WorkerResponseType.Error, requestId, message: `engine failed: ${reason}` });
    return;
  }
  flush();
  post({ type: WorkerResponseType.Done, requestId, final, eventCount });
}
