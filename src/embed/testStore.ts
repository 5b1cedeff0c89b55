// A lab store for the embed tests: the real store with an in-process runner that validates its
// input as the worker does and caps each run's events (test-only).

import { vi, expect } from 'vitest';
import type { Scenario } from '../core/types';
import { parseScenario } from '../core/validate';
import lessonJson from '../scenarios/client-closes-first.json';
import { runWithCauses } from '../ui/model/run';
import { defaultLabOptions, faultForSegment, scenarioForLab } from '../ui/model/variants';
import { deriveRun } from '../ui/store/derive';
import { createLabStore, type LabDeps, type LabRunner, type LabStore } from '../ui/store/labStore';

export const lesson = lessonJson as Scenario;

/** A random scenario may loop (an ACK war) until its end: runs stop here. */
export const MAX_EVENTS = 5_000;

const deps: LabDeps = {
  defaultLessonId: 'basic',
  lessonScenario: (id) => (id === 'basic' ? lesson : undefined),
  lessonOptions: defaultLabOptions,
  derive: deriveRun,
  faultForSegment,
  typingDebounceMs: 0,
};

/**
 * Answers on a later macrotask, like a worker. Only the newest request is run: the store ignores
 * the answers to older ones anyway, and a flood of `load` messages would otherwise run thousands
 * of scenarios nobody sees.
 */
export function validatingRunner(): LabRunner & { runs: () => number } {
  let latest = 0;
  let runs = 0;
  return {
    runs: () => runs,
    run(scenario, options) {
      const request = ++latest;
      return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        if (request !== latest) throw new Error('superseded');
        runs++;
        const parsed = parseScenario(scenario);
        if (!parsed.ok) throw new Error(parsed.error);
        const capped = (s: Scenario) => runWithCauses(s, { maxEvents: MAX_EVENTS });
        return capped(scenarioForLab(parsed.scenario, options, capped));
      });
    },
    dispose() {},
  };
}

export function labStore(): LabStore {
  const store = createLabStore({ locale: 'en' }, deps);
  store.getState().attach(validatingRunner());
  return store;
}

export async function settle(store: LabStore): Promise<void> {
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'), {
    timeout: 10_000,
    interval: 5,
  });
}
