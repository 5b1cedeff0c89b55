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

/** The most events one run may make on the page. */
export const PAGE_MAX_EVENTS = 1_000_000;

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
  let truncated: boolean;
  try {
    // streamScenario runs to the end synchronously; batches posted meanwhile reach the page while
    // the run goes on.
    ({ final, truncated } = engine.streamScenario(
      parsed.scenario,
      (event) => {
        batch.push(event);
        eventCount += 1;
        if (batch.length >= batchSize) flush();
      },
      { maxEvents: PAGE_MAX_EVENTS },
    ));
  } catch (err) {
    // An engine bug, not bad input: say so, so it is reported as one.
    const reason = err instanceof Error ? err.message : String(err);
    post({ type: WorkerResponseType.Error, requestId, message: `engine failed: ${reason}` });
    return;
  }
  if (truncated) {
    // The page keeps every event to step through them; past this a tab would crawl or run out of
    // memory. The headless runner streams and has no such limit.
    post({
      type: WorkerResponseType.Error,
      requestId,
      message: `this scenario makes more than ${PAGE_MAX_EVENTS.toLocaleString('en')} events, too many to show; shorten it (until, fewer actions) or run it with npm run trace`,
    });
    return;
  }
  flush();
  post({ type: WorkerResponseType.Done, requestId, final, eventCount });
}
