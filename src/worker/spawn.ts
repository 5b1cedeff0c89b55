// How the page starts each of its workers (the engine's, the capture reader's). From the worker's
// own file, as usual; but a page in a frame sandboxed without `allow-same-origin` has an opaque
// origin, and the browser refuses it any worker from a URL ("Failed to construct 'Worker'"). There
// the worker starts from a copy of its script instead (./workerCopy.ts, fetched only then).

import type { WorkerLike } from './rpc';

/** A module worker running the script at `url` (a worker bundle's URL, `?worker&url`). */
export function spawnWorker(url: string): WorkerLike {
  try {
    return new Worker(url, { type: 'module' });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'SecurityError')) throw error;
    return workerOnItsWay(import('./workerCopy').then((copy) => copy.startFromCopy(url)));
  }
}

/**
 * A worker that is still being started: messages posted meanwhile wait for it, in order, and one
 * that cannot start fails as a worker whose script cannot load does (`onerror`, once).
 */
function workerOnItsWay(coming: Promise<Worker>): WorkerLike {
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    proxy.onerror?.(new ErrorEvent('error', { message }));
  };
  const proxy: WorkerLike = {
    onmessage: null,
    onmessageerror: null,
    onerror: null,
    // Each waits for the worker in the order it was posted.
    postMessage: (message, transfer) => {
      coming.then((worker) => worker.postMessage(message, transfer)).catch(fail);
    },
    terminate: () => {
      failed = true;
      coming.then((worker) => worker.terminate()).catch(() => {});
    },
  };
  coming.then((worker) => {
    worker.onmessage = (event) => proxy.onmessage?.(event);
    worker.onmessageerror = (event) => proxy.onmessageerror?.(event);
    worker.onerror = (event) => proxy.onerror?.(event);
  }, fail);
  return proxy;
}
