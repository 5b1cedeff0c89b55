// The web component's engine worker (vite.lib.config.ts puts this module in place of
// spawnWorker.ts). A course page on another origin cannot start a worker from our script's URL, so
// the worker's code is inlined in the module and started from a blob: URL.

import EngineWorker from './engine.worker?worker&inline';

export function spawnEngineWorker(): Worker {
  return new EngineWorker();
}
