// The messages between the page and the engine worker. Both sides check what they receive with the
// guards below: a message is structured-cloned data from another realm, so its type is only a claim.

import {
  PROFILES,
  SIDES,
  TCP_STATES,
  type Fault,
  type FinalStates,
  type Scenario,
  type TraceEvent,
} from '../engine/types';
import type { LabOptions } from '../lab/types';

/** Page → worker. */
export const WorkerRequestType = {
  /** Validate `scenario` (raw, untrusted input) and run it. */
  Run: 'run',
  /**
   * Build the scenario for a lesson and the lab's options (variants.ts `scenarioForLab`, which may
   * need a probe run) and run it: one message per change of a knob, and no engine on the page.
   */
  Lab: 'lab',
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

export interface LabRequest {
  type: typeof WorkerRequestType.Lab;
  requestId: number;
  /** Raw, untrusted: validated like a scenario. */
  lesson: unknown;
  /** Checked with `isLabOptions`. */
  options: unknown;
}

export type WorkerRequest = RunRequest | LabRequest;

// The capture protocol's messages (their maps and guards are in ./captureProtocol.ts, a later chunk).
export type * from './captureProtocol';

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
  /** Index of the first event of each cause, ascending (ui/model/types.ts `Run.causeStarts`). */
  causeStarts: number[];
  /** The scenario that ran: validated, and for a lab request with the options applied. */
  scenario: Scenario;
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
  if (!isRecord(data) || !isRequestId(data.requestId)) return false;
  switch (data.type) {
    case WorkerRequestType.Run:
      return 'scenario' in data;
    case WorkerRequestType.Lab:
      return 'lesson' in data && 'options' in data;
    default:
      return false;
  }
}

/** Cause starts fit a trace of `eventCount` events: from 0, strictly ascending, each an event. */
export function isCauseStarts(value: unknown, eventCount: number): value is number[] {
  if (!Array.isArray(value)) return false;
  if (value.length === 0) return eventCount === 0;
  if (value[0] !== 0) return false;
  let previous = -1;
  for (const start of value) {
    if (!isCount(start) || start <= previous || start >= eventCount) return false;
    previous = start;
  }
  return true;
}

/** A shallow check, as for events: the worker validated it before running it. */
function isScenarioLike(value: unknown): value is Scenario {
  return isRecord(value) && Array.isArray(value.actions);
}

function isFault(value: unknown): value is Fault {
  if (!isRecord(value)) return false;
  const { fate } = value;
  const fateOk =
    fate === 'drop' || fate === 'duplicate' || (isRecord(fate) && isCount(fate.delayMs));
  return (
    (value.who === 'client' || value.who === 'server') &&
    typeof value.flags === 'string' &&
    isCount(value.nth) &&
    value.nth >= 1 &&
    (value.after === undefined || (typeof value.after === 'number' && value.after >= 0)) &&
    fateOk
  );
}

/** The lab's knobs as the page sends them; the built scenario is validated again after. */
export function isLabOptions(value: unknown): value is LabOptions {
  if (!isRecord(value)) return false;
  const profiles: readonly unknown[] = PROFILES;
  return (
    (value.profile === undefined || profiles.includes(value.profile)) &&
    (value.mslMs === undefined || isCount(value.mslMs)) &&
    typeof value.lossPercent === 'number' &&
    value.lossPercent >= 0 &&
    value.lossPercent <= 100 &&
    Number.isSafeInteger(value.seed) &&
    typeof value.dropFinalAck === 'boolean' &&
    typeof value.reusePort === 'boolean' &&
    Array.isArray(value.extraFaults) &&
    value.extraFaults.every(isFault)
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
      return (
        isRequestId(data.requestId) &&
        isFinalStates(data.final) &&
        isCount(data.eventCount) &&
        isCauseStarts(data.causeStarts, data.eventCount) &&
        isScenarioLike(data.scenario)
      );
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
