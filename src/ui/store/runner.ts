// The store's engine: one worker per widget, running a lesson with the lab's options there (the
// probe run that dropping the final ACK needs included), so the engine never runs on the page.
// A worker computes one run at a time and cannot be interrupted, so a run the store no longer
// wants (the student chose another lesson) is stopped by ending its worker and starting a new one.

import type { Scenario } from '../../engine/types';
import type { LabOptions, Run } from '../../lab/types';
import type { EngineService } from '../../worker/engineService';
import { connect, type Client, type WorkerLike } from '../../worker/rpc';
import type { LabRunner } from './labStore';

/** A runner over an engine worker of its own. */
export interface EngineRunner extends LabRunner {
  /** Stops the run still computing, as a new run would (its promise rejects); none: nothing. */
  cancel(): void;
}

/** Why a run's promise rejects when it was stopped (the store shows none of it). */
export const RUN_REPLACED = 'engine: the run was stopped, replaced by a later one';

interface Request {
  lesson: Scenario;
  options: LabOptions;
  beside: boolean;
  resolve: (run: Run) => void;
  reject: (error: Error) => void;
}

/** A runner over an engine worker of its own, started by `spawn` (where its code is differs). */
export function createLabRunner(spawn: () => WorkerLike): EngineRunner {
  let engine: Client<EngineService> = connect<EngineService>(spawn(), 'engine');
  // Asked and not answered yet, in the order asked (a Set keeps it).
  const pending = new Set<Request>();
  let disposed = false;

  function send(request: Request): void {
    const client = engine;
    // An answer from a worker since ended belongs to no one: its requests were asked again of the
    // new worker or stopped (their promises already settled).
    const settle = (done: () => void) => {
      if (client === engine && pending.delete(request)) done();
    };
    client.lab(request.lesson, request.options).then(
      (run) => settle(() => request.resolve(run)),
      (error: unknown) => settle(() => request.reject(error as Error)),
    );
  }

  /** Stops the runs the store asked for that are still computing; those run beside are asked again. */
  function cancel(): void {
    const stopped = [...pending].filter((request) => !request.beside);
    if (disposed || stopped.length === 0) return;
    for (const request of stopped) {
      pending.delete(request);
      request.reject(new Error(RUN_REPLACED));
    }
    engine.dispose(); // terminates the worker at once, wherever its run is
    engine = connect<EngineService>(spawn(), 'engine');
    for (const request of pending) send(request);
  }

  return {
    run(lesson, options, how = {}) {
      const beside = how.beside === true;
      return new Promise<Run>((resolve, reject) => {
        if (!beside) cancel();
        const request: Request = { lesson, options, beside, resolve, reject };
        pending.add(request);
        send(request);
      });
    },
    cancel,
    dispose() {
      disposed = true;
      engine.dispose(); // what is pending rejects: the client is disposed
    },
  };
}
