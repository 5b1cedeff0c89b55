// The store's engine: one worker per widget, running a lesson with the lab's options there (the
// probe run that dropping the final ACK needs included), so the engine never runs on the page.

import type { EngineService } from '../../worker/engineService';
import { connect, type WorkerLike } from '../../worker/rpc';
import type { LabRunner } from './labStore';

/** A runner over an engine worker of its own, started by `spawn` (where its code is differs). */
export function createLabRunner(spawn: () => WorkerLike): LabRunner {
  const engine = connect<EngineService>(spawn(), 'engine');
  return {
    run: (lesson, options) => engine.lab(lesson, options),
    dispose: () => engine.dispose(),
  };
}
