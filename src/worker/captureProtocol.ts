// The messages between the page and the capture worker (captureClient.ts, captureHost.ts), apart
// from protocol.ts so that the page's first script carries none of it (protocol.ts re-exports the
// types: it stays the index of every message). Both sides check what they receive, as for runs.

import type { CaptureConnection, CaptureFile, CaptureWarning } from '../capture/types';
import type { FinalStates, Scenario, TraceEvent } from '../engine/types';
import { isCauseStarts, isFinalStates, isTraceEvent, type ErrorResponse } from './protocol';

/**
 * Page → capture worker. The capture worker is not the engine worker: parsing a big file never
 * holds up a lesson's run, and the parsed file is dropped with the worker.
 */
export const CaptureRequestType = {
  /**
   * Parse a file (its bytes transferred, not copied) and list its TCP connections. The worker keeps
   * the parsed file (the last one opened) for `Connection` requests.
   */
  Open: 'capture-open',
  /** The run of one connection of the file opened last. */
  Connection: 'capture-connection',
} as const;

/** Worker → page, about a capture file. A failure is an `error` (WorkerResponseType.Error). */
export const CaptureResponseType = {
  /** Bytes parsed so far: sent every few MB while a file is parsed. */
  Progress: 'capture-progress',
  /** The file's summary and its connections. */
  Opened: 'capture-opened',
  /** One connection as a run for the diagram. */
  Run: 'capture-run',
} as const;

export interface CaptureOpenRequest {
  type: typeof CaptureRequestType.Open;
  requestId: number;
  /** The file's bytes; the page transfers the buffer (it is detached on the page afterwards). */
  bytes: ArrayBuffer;
}

export interface CaptureConnectionRequest {
  type: typeof CaptureRequestType.Connection;
  requestId: number;
  /** The `captureId` the file was opened with (the worker keeps one file: a stale id is refused). */
  captureId: number;
  /** The connection's `id` in the opened file's list. */
  connection: number;
}

export type CaptureRequest = CaptureOpenRequest | CaptureConnectionRequest;

/** One connection of a capture, as the page lists it (CaptureConnection without its segments). */
export interface CaptureConnectionSummary {
  id: number;
  client: CaptureEndpoint;
  server: CaptureEndpoint;
  ipVersion: 4 | 6;
  /** Its segments in the file. */
  packets: number;
  /** Capture times (ms since the Unix epoch) of its first and last segment. */
  startMs: number;
  endMs: number;
  ending: CaptureConnection['ending'];
  startedBeforeCapture: boolean;
}

export interface CaptureEndpoint {
  address: string;
  port: number;
}

export interface CaptureProgressResponse {
  type: typeof CaptureResponseType.Progress;
  requestId: number;
  /** Bytes parsed so far, of `total`. */
  done: number;
  total: number;
}

export interface CaptureOpenedResponse {
  type: typeof CaptureResponseType.Opened;
  requestId: number;
  /** What later `Connection` requests name the file by. */
  captureId: number;
  format: CaptureFile['format'];
  linkTypes: string[];
  /** Packets in the file (TCP or not) and TCP segments among them. */
  packets: number;
  segments: number;
  /** The file ends in the middle of a record (what came before was read). */
  truncated: boolean;
  /** The first few problems met on the way (packets skipped…); `warningCount` counts them all. */
  warnings: CaptureWarning[];
  warningCount: number;
  connections: CaptureConnectionSummary[];
}

/** A connection's run: what the diagram draws, and what the capture could not tell. */
export interface CaptureRunResponse {
  type: typeof CaptureResponseType.Run;
  requestId: number;
  captureId: number;
  connection: number;
  scenario: Scenario;
  events: TraceEvent[];
  causeStarts: number[];
  final: FinalStates;
  /** What the capture cannot show about this connection (CaptureNote, see captureHost.ts). */
  notes: CaptureNote[];
  /** The receiving side's times are inferred (a capture has one timestamp per packet). */
  inferredTimes: boolean;
}

/**
 * Something the capture cannot show (src/core/capture/infer.ts): a code the page words with its
 * `params`, and the English sentence for a code the page has no words for.
 */
export interface CaptureNote {
  code: string;
  message: string;
  params: Record<string, string | number>;
}

export type CaptureResponse =
  CaptureProgressResponse | CaptureOpenedResponse | CaptureRunResponse | ErrorResponse;

/** The type of an error answer (protocol.ts `WorkerResponseType.Error`), the same for captures. */
const ERROR: ErrorResponse['type'] = 'error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A capture request, with what it needs to be answered. */
export function isCaptureRequest(data: unknown): data is CaptureRequest {
  if (!isRecord(data) || !isCount(data.requestId)) return false;
  switch (data.type) {
    case CaptureRequestType.Open:
      return data.bytes instanceof ArrayBuffer;
    case CaptureRequestType.Connection:
      return isCount(data.captureId) && isCount(data.connection);
    default:
      return false;
  }
}

/** A shallow check, as for runs: the worker made it from a validated scenario. */
function isScenarioLike(value: unknown): value is Scenario {
  return isRecord(value) && Array.isArray(value.actions);
}

function isEndpoint(value: unknown): value is CaptureEndpoint {
  return (
    isRecord(value) &&
    typeof value.address === 'string' &&
    isCount(value.port) &&
    value.port <= 0xffff
  );
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isCaptureConnectionSummary(value: unknown): value is CaptureConnectionSummary {
  return (
    isRecord(value) &&
    isCount(value.id) &&
    isEndpoint(value.client) &&
    isEndpoint(value.server) &&
    (value.ipVersion === 4 || value.ipVersion === 6) &&
    isCount(value.packets) &&
    isTime(value.startMs) &&
    isTime(value.endMs) &&
    (value.ending === 'fin' || value.ending === 'rst' || value.ending === 'open') &&
    typeof value.startedBeforeCapture === 'boolean'
  );
}

function isCaptureNote(value: unknown): value is CaptureNote {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.message === 'string' &&
    isRecord(value.params) &&
    Object.values(value.params).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

function isCaptureWarning(value: unknown): value is CaptureWarning {
  return isRecord(value) && isCount(value.offset) && typeof value.message === 'string';
}

/** What a capture worker may answer: its own messages, and errors (checked as the run's are). */
export function isCaptureResponse(data: unknown): data is CaptureResponse {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case CaptureResponseType.Progress:
      return (
        isCount(data.requestId) &&
        isCount(data.done) &&
        isCount(data.total) &&
        data.done <= data.total
      );
    case CaptureResponseType.Opened:
      return (
        isCount(data.requestId) &&
        isCount(data.captureId) &&
        (data.format === 'pcap' || data.format === 'pcapng') &&
        Array.isArray(data.linkTypes) &&
        data.linkTypes.every((name) => typeof name === 'string') &&
        isCount(data.packets) &&
        isCount(data.segments) &&
        typeof data.truncated === 'boolean' &&
        Array.isArray(data.warnings) &&
        data.warnings.every(isCaptureWarning) &&
        isCount(data.warningCount) &&
        Array.isArray(data.connections) &&
        data.connections.every(isCaptureConnectionSummary)
      );
    case CaptureResponseType.Run:
      return (
        isCount(data.requestId) &&
        isCount(data.captureId) &&
        isCount(data.connection) &&
        isScenarioLike(data.scenario) &&
        Array.isArray(data.events) &&
        data.events.every(isTraceEvent) &&
        isCauseStarts(data.causeStarts, data.events.length) &&
        isFinalStates(data.final) &&
        Array.isArray(data.notes) &&
        data.notes.every(isCaptureNote) &&
        typeof data.inferredTimes === 'boolean'
      );
    case ERROR:
      return (
        (data.requestId === null || isCount(data.requestId)) && typeof data.message === 'string'
      );
    default:
      return false;
  }
}
