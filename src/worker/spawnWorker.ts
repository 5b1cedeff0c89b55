// The page's engine worker: a file of its own next to the page's scripts (the web component's
// build swaps this module for spawnWorker.lib.ts, which carries the worker inside its one file).

export function spawnEngineWorker(): Worker {
  // Vite spots this exact `new Worker(new URL(…, import.meta.url))` form and bundles the worker.
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}
