// The messages between the page and the engine worker. Both sides check what they receive with the
// guards below: a message is structured-cloned data from another realm, so its type is only a claim.

import { SIDES, TCP_STATES, type FinalStates, type TraceEvent } from '../core/types';

/** Page → worker. */
export const WorkerRequestType = {
  /** Validate `scenario` (raw, untrusted input) and run it. */
  Run: 'run',
} as const;

/** Worker → page. A run answers with `events` batches then one `done`, or with one `error`. */
export const WorkerResponseType = {
  Events: 'events',
  Done: 'done',
  Error: 'error',
} as const;

export interface RunRequest {
  type: typeof WorkerRequestType.Run;
  requestId: number;
  scenario: unknown;
}

export type WorkerRequest = RunRequest;

export interface EventsResponse {
  type: typeof WorkerResponseType.Events;
  requestId: number;
  events: TraceEvent[];
}

export interface DoneResponse {
  type: typeof WorkerResponseType.Done;
  requestId: number;
  final: FinalStates;
  /** How many events the batches carried, so the page can tell a complete trace from a cut one. */
  eventCount: number;
}

export interface ErrorResponse {
  type: typeof WorkerResponseType.Error;
  /** null when the worker could not tell which request the error belongs to (a malformed one). */
  requestId: number | null;
  message: string;
}

export type WorkerResponse = EventsResponse | DoneResponse | ErrorResponse;

/**
 * Events per `events` message. Posting each event alone would cost a message per event; posting the
 * whole trace at the end would make the page wait for the last event and clone one huge array.
 */
export const EVENTS_BATCH_SIZE = 500;

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'app',
  'state',
  'send',
  'deliver',
  'drop',
  'timer',
]);
const STATES: ReadonlySet<string> = new Set(TCP_STATES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const isRequestId = isCount;

/** A shallow check (time and kind): the engine is ours, so this guards against mix-ups, not attacks. */
export function isTraceEvent(value: unknown): value is TraceEvent {
  return (
    isRecord(value) &&
    typeof value.t === 'number' &&
    Number.isFinite(value.t) &&
    typeof value.type === 'string' &&
    EVENT_TYPES.has(value.type)
  );
}

export function isFinalStates(value: unknown): value is FinalStates {
  return (
    isRecord(value) &&
    SIDES.every((side) => {
      const state = value[side];
      return typeof state === 'string' && STATES.has(state);
    })
  );
}

export function isWorkerRequest(data: unknown): data is WorkerRequest {
  return (
    isRecord(data) &&
    data.type === WorkerRequestType.Run &&
    isRequestId(data.requestId) &&
    'scenario' in data
  );
}

export function isWorkerResponse(data: unknown): data is WorkerResponse {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case WorkerResponseType.Events:
      return (
        isRequestId(data.requestId) && Array.isArray(data.events) && data.events.every(isTraceEvent)
      );
    case WorkerResponseType.Done:
      return isRequestId(data.requestId) && isFinalStates(data.final) && isCount(data.eventCount);
    case WorkerResponseType.Error:
      return (
        (data.requestId === null || isRequestId(data.requestId)) && typeof data.message === 'string'
      );
    default:
      return false;
  }
}

/** The request id of a message that failed its guard, when it has a usable one. */
export function requestIdOf(data: unknown): number | null {
  return isRecord(data) && isRequestId(data.requestId) ? data.requestId : null;
}
