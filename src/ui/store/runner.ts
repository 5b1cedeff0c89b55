// The store's engine: one worker per widget, running a lesson with the lab's options there (the
// probe run that dropping the final ACK needs included), so the engine never runs on the page.

import { createEngineClient, type WorkerLike } from '../../worker/client';
import type { LabRunner } from './labStore';

/** A runner over a worker of its own, started by `spawn` (where the worker's code is differs). */
export function createLabRunner(spawn: () => WorkerLike): LabRunner {
  const client = createEngineClient(spawn);
  return {
    run: (lesson, options) => client.lab(lesson, options),
    dispose: () => client.dispose(),
  };
}
