// Test-only: the real lab store over an in-process runner that behaves as the engine worker does
// (answers on a later tick, refuses what the validator refuses with its one line, caps a run's
// events), so store, link and message tests exercise the page's whole path without a browser.

import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';

import { lessonById } from '../scenarios/all';
import { DEFAULT_LESSON_ID } from '../scenarios';
import { runWithCauses } from '../lab/run';
import type { LabOptions } from '../lab/types';
import { defaultLabOptions, faultForSegment, scenarioForLab } from '../lab/variants';
import { deriveRun } from '../lab/derive';
import type { LabDeps, LabRunner } from '../ui/store/labStore';

/** The store's dependencies on the built-in lessons (or on `lessons`, the first the default). */
export function testLabDeps(lessons?: Record<string, Scenario>): LabDeps {
  const ids = lessons ? Object.keys(lessons) : [];
  return {
    defaultLessonId: ids[0] ?? DEFAULT_LESSON_ID,
    lessonScenario: (id) =>
      lessons ? lessons[id] : (lessonById(id)?.scenario as Scenario | undefined),
    lessonOptions: defaultLabOptions,
    derive: deriveRun,
    faultForSegment,
    typingDebounceMs: 0,
  };
}

export interface TestRunnerOptions {
  /** Stops each run after this many events (a random scenario may loop until its end). */
  maxEvents?: number;
  /**
   * Runs only the newest request and refuses the ones it superseded (the store ignores their
   * answers anyway): a flood of requests then costs one run, not thousands nobody sees.
   */
  latestOnly?: boolean;
}

function parse(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

export type TestRunner = LabRunner & { calls: LabOptions[]; runs: () => number };

export function validatingRunner({
  maxEvents,
  latestOnly = false,
}: TestRunnerOptions = {}): TestRunner {
  const calls: LabOptions[] = [];
  let latest = 0;
  let runs = 0;
  const run = (scenario: Scenario) =>
    runWithCauses(scenario, maxEvents === undefined ? {} : { maxEvents });
  return {
    calls,
    runs: () => runs,
    run(scenario, options) {
      calls.push(options);
      const request = ++latest;
      return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        if (latestOnly && request !== latest) throw new Error('superseded');
        runs++;
        // As src/worker/host.ts: the lesson, then the scenario the options make of it.
        const built = parse(scenarioForLab(parse(scenario), options, run));
        return run(built);
      });
    },
    dispose() {},
  };
}
