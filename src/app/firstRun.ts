// The lesson's first run, carried by the prerendered HTML. The build runs each prerendered page's
// lesson with the engine (the same engine service the worker serves, deterministic from the
// lesson's seed) and writes the run into the page as a JSON data block. The page shows it as the
// answer to its first run request, so → steps as soon as the page's script is in, without waiting
// for the engine worker to download and start; the worker starts once the page is idle (or at once,
// for a run the HTML does not have: another lesson, a knob, a link's scenario). A run is only taken
// from the HTML for exactly the lesson and options it was computed for: anything else runs in the
// worker, so what the page shows is always what the engine does for what is shown.

import type { LabOptions, Run } from '../lab/types';
import type { LabRunner } from '../ui/store/labStore';
import type { EngineRunner } from '../ui/store/runner';

/** The id of the `<script type="application/json">` element holding the run. */
export const FIRST_RUN_ELEMENT_ID = 'first-run';

export interface FirstRun {
  lessonId: string;
  options: LabOptions;
  run: Run;
}

/** The data block the build writes into a prerendered page (`<` escaped: it cannot end early). */
export function firstRunBlock(first: FirstRun): string {
  const json = JSON.stringify(first).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_RUN_ELEMENT_ID}">${json}</script>`;
}

/** The run the page was served with, or null (none, or not one this build wrote). */
export function readFirstRun(doc: Document): FirstRun | null {
  const text = doc.getElementById(FIRST_RUN_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const first = JSON.parse(text) as Partial<FirstRun> | null;
    const run = first?.run;
    const usable =
      typeof first?.lessonId === 'string' &&
      typeof first.options === 'object' &&
      first.options !== null &&
      typeof run === 'object' &&
      run !== null &&
      Array.isArray(run.events) &&
      Array.isArray(run.causeStarts);
    return usable ? (first as FirstRun) : null;
  } catch {
    return null;
  }
}

/** A runner that can start its engine later (`warm`), once nothing waits for the page. */
export interface DeferredRunner extends LabRunner {
  /** Starts the engine now if it has not started yet. */
  warm(): void;
}

/**
 * A runner answering the request `first` was computed for with `first.run`, and every other one
 * with the runner `create` makes (made at the first such request, or by `warm`).
 * `lessonScenario` gives the raw scenario of a built-in lesson (once it is loaded), as the store
 * asks with it.
 */
export function runnerWithFirstRun(
  first: FirstRun,
  lessonScenario: (id: string) => unknown,
  create: () => EngineRunner,
): DeferredRunner {
  const requestKey = (lesson: unknown, options: LabOptions) => JSON.stringify([lesson, options]);
  // Asked when the first run is (a lesson other than the default one is fetched before it).
  let firstKey: string | null = null;
  const isFirst = (scenario: unknown, options: LabOptions) => {
    const lesson = lessonScenario(first.lessonId);
    if (lesson === undefined) return false;
    firstKey ??= requestKey(lesson, first.options);
    return requestKey(scenario, options) === firstKey;
  };
  let engine: EngineRunner | null = null;
  let disposed = false;
  const started = () => (engine ??= create());
  return {
    run(scenario, options, how) {
      if (isFirst(scenario, options)) {
        // What the engine still computes was asked for before this: nobody will see it.
        if (how?.beside !== true) engine?.cancel();
        return Promise.resolve(first.run);
      }
      return started().run(scenario, options, how);
    },
    warm() {
      if (!disposed) started();
    },
    dispose() {
      disposed = true;
      engine?.dispose();
    },
  };
}
