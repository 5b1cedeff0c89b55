// A widget's capture file: reading it, its connections, and drawing the one picked. One session
// per lab store (the header's button and the panel under the header share it), with a capture
// worker of its own started on the first file (src/worker/captureService.ts). The run drawn goes
// into the lab store (`showCapture`); a file that cannot be read is reported there too, as an error
// of kind `file`, and whatever was shown before stays.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  CaptureConnectionSummary,
  CaptureEndpoint,
  CaptureService,
  OpenedCapture,
} from '../../worker/captureService';
import { connect, transfer, type Client } from '../../worker/rpc';
// Vite bundles the worker into a file of its own and gives its URL.
import captureWorkerUrl from '../../worker/capture.worker.ts?worker&url';
import { spawnWorker } from '../../worker/spawn';
import type { LabStore } from '../../ui/store/labStore';

export type CaptureClient = Client<CaptureService>;

/** A client with a capture worker of its own. */
function spawnCaptureClient(): CaptureClient {
  return connect<CaptureService>(spawnWorker(captureWorkerUrl), 'capture');
}

export type CapturePhase = 'idle' | 'reading' | 'parsing' | 'open';

export interface CaptureSessionData {
  phase: CapturePhase;
  /** The file being read or open. */
  fileName: string | null;
  /** Bytes parsed of the file's size while it is read (`done` 0 while the page loads it). */
  progress: { done: number; total: number } | null;
  /** The file as the worker read it, once it is. */
  opened: OpenedCapture | null;
  /** The connection whose run is on its way. */
  drawing: number | null;
  /** The connection last drawn from this file. */
  drawn: number | null;
  /** The file whose reading was cancelled last (until another is opened or closed). */
  cancelled: string | null;
}

export interface CaptureSessionActions {
  /** Reads a file (a previous one is closed); draws its connection if it has only one. */
  openFile(file: File): Promise<void>;
  /** Draws a connection of the open file. */
  draw(id: number): Promise<void>;
  /**
   * Stops reading the file at once: its worker is terminated, mid-parse if need be (the next file
   * gets a new one), and the panel goes back to idle, saying so. What is drawn stays.
   */
  cancel(): void;
  /** Forgets the file and stops its worker (what is drawn stays). */
  close(): void;
}

export type CaptureSession = StoreApi<CaptureSessionData & CaptureSessionActions>;

/** An endpoint as the page writes it: `a.b.c.d:port`, `[v6]:port`. */
export function endpointLabel({ address, port }: CaptureEndpoint): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A connection in one line: `client → server`. */
export function connectionLabel(connection: CaptureConnectionSummary): string {
  return `${endpointLabel(connection.client)} → ${endpointLabel(connection.server)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const IDLE: CaptureSessionData = {
  phase: 'idle',
  fileName: null,
  progress: null,
  opened: null,
  drawing: null,
  drawn: null,
  cancelled: null,
};

export function createCaptureSession(
  lab: LabStore,
  makeClient: () => CaptureClient = spawnCaptureClient,
): CaptureSession {
  let client: CaptureClient | null = null;
  // Bumped by each file opened or closed: answers about an older one are ignored.
  let generation = 0;
  const clientOf = (): CaptureClient => (client ??= makeClient());
  /** Drops the file: answers still on their way are ignored, and its worker is terminated. */
  const stop = () => {
    generation++;
    client?.dispose();
    client = null;
  };
  const fail = (fileName: string, error: unknown) =>
    lab.getState().showError({ kind: 'file', message: `${fileName}: ${messageOf(error)}` });

  return createStore<CaptureSessionData & CaptureSessionActions>()((set, get) => ({
    ...IDLE,

    async openFile(file) {
      const gen = ++generation;
      const name = file.name || 'capture';
      set({ ...IDLE, phase: 'reading', fileName: name, progress: { done: 0, total: file.size } });
      if (lab.getState().error?.kind === 'file') lab.getState().dismissError();
      try {
        const bytes = await file.arrayBuffer();
        if (gen !== generation) return;
        set({ phase: 'parsing', progress: { done: 0, total: bytes.byteLength } });
        // Transferred, not copied: the page keeps no second copy of a big file.
        const opened = await clientOf().open(transfer(bytes, [bytes]), (done, total) => {
          if (gen === generation) set({ progress: { done, total } });
        });
        if (gen !== generation) return;
        set({ phase: 'open', progress: null, opened });
        const [only, ...others] = opened.connections;
        if (only && others.length === 0) await get().draw(only.id);
      } catch (error) {
        if (gen !== generation) return;
        // The worker has dropped the last file anyway; a fresh one is started for the next, in
        // case this one died (a file too big for its memory).
        client?.dispose();
        client = null;
        set({ ...IDLE });
        fail(name, error);
      }
    },

    async draw(id) {
      const { opened, fileName, drawing, drawn } = get();
      const connection = opened?.connections.find((c) => c.id === id);
      // One whose times cannot be told apart is not drawn: the list says why.
      if (!opened || !connection || connection.times === 'unusable') return;
      // Already on its way, or on the diagram: a second click keeps the step shown.
      if (drawing === id || (drawn === id && drawing === null && lab.getState().capture)) return;
      const gen = generation;
      set({ drawing: id });
      try {
        const result = await clientOf().connection(opened.captureId, id);
        if (gen !== generation || get().drawing !== id) return;
        lab.getState().showCapture(result.run, {
          label: `${fileName ?? ''} · ${connectionLabel(connection)}`,
          endpoints: {
            client: endpointLabel(connection.client),
            server: endpointLabel(connection.server),
          },
          notes: result.notes,
          inferredTimes: result.inferredTimes,
        });
        set({ drawing: null, drawn: id });
      } catch (error) {
        if (gen !== generation) return;
        set({ drawing: null });
        fail(fileName ?? 'capture', error);
      }
    },

    cancel() {
      const { phase, fileName } = get();
      if (phase !== 'reading' && phase !== 'parsing') return;
      stop();
      set({ ...IDLE, cancelled: fileName });
    },

    close() {
      stop();
      set({ ...IDLE });
    },
  }));
}

const sessions = new WeakMap<LabStore, CaptureSession>();

/** The widget's session, made on first use. */
export function captureSessionFor(lab: LabStore): CaptureSession {
  let session = sessions.get(lab);
  if (!session) {
    session = createCaptureSession(lab);
    sessions.set(lab, session);
  }
  return session;
}

/**
 * Closes the widget's file (its worker stops) when the widget goes. The session itself stays with
 * the store (a remount, as StrictMode does, finds the same one) and goes with it.
 */
export function closeCaptureSession(lab: LabStore): void {
  sessions.get(lab)?.getState().close();
}
