// What the engine worker does with one message, kept apart from the worker global so that it can be
// tested in Node with a fake engine.

import type { streamScenario } from '../engine/engine';
import type { Scenario, TraceEvent } from '../engine/types';
import type { parseScenario } from '../engine/validate';
import { CauseRecorder } from '../lab/run';
import type { Run } from '../lab/types';
import { scenarioForLab } from '../lab/variants';
import {
  EVENTS_BATCH_SIZE,
  WorkerRequestType,
  WorkerResponseType,
  isLabOptions,
  isWorkerRequest,
  requestIdOf,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

/** The most events one run may make on the page. */
export const PAGE_MAX_EVENTS = 1_000_000;

const TOO_LONG = `this scenario makes more than ${PAGE_MAX_EVENTS.toLocaleString('en')} events, too many to show; shorten it (until, fewer actions) or run it with npm run trace`;

/** What the worker hosts; tests pass a fake. */
export interface EngineApi {
  parseScenario: typeof parseScenario;
  streamScenario: typeof streamScenario;
}

type Post = (message: WorkerResponse) => void;

/** A failure to report as the request's error (bad input, or a run too long for the page). */
class RequestError extends Error {}

export function handleRequest(
  data: unknown,
  engine: EngineApi,
  post: Post,
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
  try {
    const scenario = scenarioOf(data, engine);
    streamRun(requestId, scenario, engine, post, batchSize);
  } catch (err) {
    // A RequestError is the input's fault; anything else is an engine bug: say so, so it is
    // reported as one.
    const reason = err instanceof Error ? err.message : String(err);
    const message = err instanceof RequestError ? reason : `engine failed: ${reason}`;
    post({ type: WorkerResponseType.Error, requestId, message });
  }
}

/** The validated scenario to run for a request. */
function scenarioOf(request: WorkerRequest, engine: EngineApi): Scenario {
  if (request.type === WorkerRequestType.Run) return parse(request.scenario, engine);
  const lesson = parse(request.lesson, engine);
  if (!isLabOptions(request.options)) throw new RequestError('options: malformed lab options');
  const built = scenarioForLab(lesson, request.options, (scenario) => probe(scenario, engine));
  // The options can make a scenario the validator refuses (an MSL out of range): say which.
  return parse(built, engine);
}

function parse(input: unknown, engine: EngineApi): Scenario {
  const parsed = engine.parseScenario(input);
  if (!parsed.ok) throw new RequestError(parsed.error);
  return parsed.scenario;
}

/** A whole run kept in the worker, to find what a lab option needs (the final ACK's time). */
function probe(scenario: Scenario, engine: EngineApi): Run {
  const events: TraceEvent[] = [];
  const recorder = new CauseRecorder();
  const { final, truncated } = engine.streamScenario(scenario, (event) => events.push(event), {
    maxEvents: PAGE_MAX_EVENTS,
    onCause: () => recorder.cause(events.length),
  });
  if (truncated) throw new RequestError(TOO_LONG);
  return { scenario, events, causeStarts: recorder.finish(events.length), final };
}

function streamRun(
  requestId: number,
  scenario: Scenario,
  engine: EngineApi,
  post: Post,
  batchSize: number,
): void {
  let batch: TraceEvent[] = [];
  let eventCount = 0;
  const recorder = new CauseRecorder();
  const flush = () => {
    if (batch.length === 0) return;
    post({ type: WorkerResponseType.Events, requestId, events: batch });
    batch = [];
  };
  // streamScenario runs to the end synchronously; batches posted meanwhile reach the page while
  // the run goes on.
  const { final, truncated } = engine.streamScenario(
    scenario,
    (event) => {
      batch.push(event);
      eventCount += 1;
      if (batch.length >= batchSize) flush();
    },
    { maxEvents: PAGE_MAX_EVENTS, onCause: () => recorder.cause(eventCount) },
  );
  // The page keeps every event to step through them; past this a tab would crawl or run out of
  // memory. The headless runner streams and has no such limit.
  if (truncated) throw new RequestError(TOO_LONG);
  flush();
  const causeStarts = recorder.finish(eventCount);
  post({ type: WorkerResponseType.Done, requestId, final, eventCount, causeStarts, scenario });
}
