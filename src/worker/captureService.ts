// What the capture worker serves (capture.worker.ts): parses a file, saying how far it got as it
// goes, lists its TCP connections, and keeps the parsed file so that the page asks for one
// connection's run by its id without sending the file again. It keeps one file: opening another
// drops the last. A worker of its own, not the engine's: parsing a big file never holds up a
// lesson's run, and the parsed file's memory goes with the worker.

import { findConnections } from '../capture/connections';
import { captureRun } from '../capture/infer';
import { timesNote, type CaptureNote as InferredNote } from '../capture/notes';
import { parseCapture } from '../capture/parse';
import { progressStepFor } from '../capture/reader';
import {
  CaptureError,
  type CaptureConnection,
  type CaptureFile,
  type CaptureWarning,
} from '../capture/types';
import type { Run } from '../lab/types';

/** Warnings sent with a file's summary (a broken file may have one per packet). */
export const MAX_WARNINGS = 20;

/**
 * Something the capture cannot show (src/capture/notes.ts): a code the page words with its
 * `params`, and the English sentence for a code the page has no words for (a newer reader's).
 */
export type CaptureNote = Omit<InferredNote, 'code'> & { code: string };

export interface CaptureEndpoint {
  address: string;
  port: number;
}

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
  /** Whether its times are dates, only times from its first packet, or unusable (not drawn). */
  times: CaptureConnection['times'];
  /** What the list says about it before it is drawn (its times when they are no dates). */
  notes: CaptureNote[];
}

/** A file as the worker read it: its summary and connections (the file stays in the worker). */
export interface OpenedCapture {
  /** What later `connection` calls name the file by. */
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

/** One connection drawn from a capture: what the diagram draws, and what the capture cannot tell. */
export interface CaptureRunResult {
  run: Run;
  notes: CaptureNote[];
  /** The receiving side's times are inferred (a capture has one timestamp per packet). */
  inferredTimes: boolean;
}

export type ProgressListener = (done: number, total: number) => void;

/** The capture code the service uses; tests pass fakes. */
export interface CaptureApi {
  parseCapture: typeof parseCapture;
  findConnections: typeof findConnections;
  captureRun: typeof captureRun;
}

/** A call the page got wrong (a stale file, an unknown connection): reported as it is. */
class StaleRequestError extends Error {}

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
    times: connection.times,
    notes: [timesNote(connection)].filter((note) => note !== null),
  };
}

/**
 * Runs `read`; a CaptureError is the file's fault and says where ("… at byte N"), a stale call the
 * page's: anything else is a bug of the reader, and says so, so it is reported as one.
 */
function reading<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CaptureError || error instanceof StaleRequestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`capture reader failed: ${reason}`, { cause: error });
  }
}

export function createCaptureService(
  api: CaptureApi = { parseCapture, findConnections, captureRun },
  /** Bytes between two progress reports (by default, as the reader reports them). */
  progressStep?: number,
) {
  let open: { captureId: number; file: CaptureFile; connections: CaptureConnection[] } | null =
    null;
  let nextCaptureId = 1;

  return {
    /**
     * Parses a capture file (the page transfers its bytes) and lists its connections, telling
     * `onProgress` how far it got as it goes. Throws the reader's message for a file that is
     * not a capture or is malformed ("… at byte N").
     */
    open(bytes: ArrayBuffer, onProgress?: ProgressListener): OpenedCapture {
      // The last file's memory goes before the next one is parsed.
      open = null;
      return reading(() => {
        const total = bytes.byteLength;
        onProgress?.(0, total);
        const step = progressStep ?? progressStepFor(total);
        let next = step;
        const file = api.parseCapture(new Uint8Array(bytes), {
          onProgress: (done: number) => {
            if (done < next || done >= total) return;
            onProgress?.(done, total);
            while (next <= done) next += step;
          },
        });
        onProgress?.(total, total);
        const connections = api.findConnections(file);
        const captureId = nextCaptureId++;
        open = { captureId, file, connections };
        return {
          captureId,
          format: file.format,
          linkTypes: file.linkTypes,
          packets: file.packets,
          segments: file.segments.length,
          truncated: file.truncated,
          warnings: file.warnings.slice(0, MAX_WARNINGS),
          warningCount: file.warnings.length,
          connections: connections.map(summaryOf),
        };
      });
    },

    /** The run of connection `id` of the file opened as `captureId` (the one open: else refused). */
    connection(captureId: number, id: number): CaptureRunResult {
      const file = open;
      if (!file || file.captureId !== captureId) {
        throw new StaleRequestError('capture: that file is no longer open; open it again');
      }
      const connection = file.connections.find((c) => c.id === id);
      if (!connection) throw new StaleRequestError(`capture: no connection ${id} in the file`);
      if (connection.times === 'unusable') {
        throw new StaleRequestError(
          `capture: connection ${id}’s times are too large to be exact; it cannot be drawn`,
        );
      }
      return reading(() => {
        const { run, notes, inferredTimes } = api.captureRun(file.file, connection);
        return { run, notes, inferredTimes };
      });
    },
  };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
