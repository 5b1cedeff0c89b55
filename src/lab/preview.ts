// The lesson before anything has happened: its run with no events yet. The page draws it (the two
// lifelines with their addresses and ports, every socket CLOSED) from the lesson's scenario alone,
// so the diagram is there before the engine's run is (and the prerendered page shows exactly what
// the page's first render draws). Stepping waits for the real run.
import type { Scenario } from '../engine/types';
import { deriveRun, type Derived } from './derive';
import type { Run } from './types';

export function previewRun(scenario: Scenario): Run {
  return {
    scenario,
    events: [],
    causeStarts: [],
    final: { client: 'CLOSED', server: 'CLOSED', listener: 'CLOSED' },
  };
}

const previews = new WeakMap<object, Derived>();

/** The derived preview of a lesson's scenario (computed once per scenario object), or null when
 * the scenario cannot be drawn. */
export function previewOf(scenario: Scenario): Derived | null {
  const cached = previews.get(scenario);
  if (cached) return cached;
  try {
    const derived = deriveRun(previewRun(scenario));
    // The lab's engine names the listening socket in every run, so its badge is there from the
    // start (CLOSED until listen()), as the run will show it.
    const start = { ...derived.viewAt(0), listenerKnown: true };
    const preview: Derived = { ...derived, viewAt: () => start };
    previews.set(scenario, preview);
    return preview;
  } catch {
    return null;
  }
}
