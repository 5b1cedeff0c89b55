// What the engine worker serves (engine.worker.ts): a lesson or a scenario run off the page's
// thread, the whole run in one answer. What it is given is raw, untrusted input (a link's or a
// course page's scenario), checked by the validator before anything runs.

import { stalledReason } from '../engine/engine';
import { EVENT_CAP } from '../engine/limits';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { runWithCauses, type CausedRun, type RunWithCausesOptions } from '../lab/run';
import { ALL_APPLY, knobApplicability, memoRun } from '../lab/knobs';
import type { KnobApplicability, LabOptions, Run } from '../lab/types';
import { scenarioForLab } from '../lab/variants';

export interface EngineServiceOptions {
  /** The most events a run may make (EVENT_CAP, the page's million, unless told). */
  maxEvents?: number;
  /** Runs a scenario (the engine, unless a test stands in for it). */
  runScenario?: (scenario: Scenario, options: RunWithCausesOptions) => CausedRun;
}

/** A refusal of the input (bad, or a run too long for the page): reported as it is. */
class InputError extends Error {}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEngineService({
  maxEvents = EVENT_CAP,
  runScenario = runWithCauses,
}: EngineServiceOptions = {}) {
  const tooLong = `this scenario makes more than ${maxEvents.toLocaleString('en')} events, too many to show; shorten it (until, fewer actions) or run it with npm run trace`;

  function parse(input: unknown): Scenario {
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new InputError(parsed.error);
    return parsed.scenario;
  }

  /** The whole run, or a refusal when it would make more events than the page may hold. */
  function runOf(scenario: Scenario): Run {
    const { events, causeStarts, final, end, endTime } = runScenario(scenario, { maxEvents });
    if (end === 'max-events') throw new InputError(tooLong);
    if (end === 'stalled') throw new InputError(stalledReason(endTime));
    return { scenario, events, causeStarts, final };
  }

  /** Anything but a refusal of the input is an engine bug: say so. */
  function guarded<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new Error(`engine failed: ${messageOf(error)}`, { cause: error });
    }
  }

  /** Runs what `build` makes. */
  function answer(build: () => Scenario): Run {
    return guarded(() => runOf(build()));
  }

  /**
   * Which knobs change the run. A variant the page could not show (too long, or options the
   * validator refuses) says nothing about the run shown: its knobs are left enabled, as before.
   */
  function knobsOf(
    lesson: Scenario,
    options: LabOptions,
    run: (scenario: Scenario) => Run,
  ): KnobApplicability {
    try {
      return knobApplicability(lesson, options, run);
    } catch (error) {
      if (error instanceof InputError) return ALL_APPLY;
      throw error;
    }
  }

  return {
    /**
     * Validates `scenario` and runs it. Throws the validator's one-line reason for a bad one.
     */
    run(scenario: unknown): Run {
      return answer(() => parse(scenario));
    },
    /**
     * Runs a lesson with the lab's options applied (the probe run that dropping the final ACK needs
     * included); `run.scenario` is the scenario built. The options can make a scenario the
     * validator refuses (an MSL out of range): its reason is the answer then.
     */
    lab(lesson: unknown, options: LabOptions): Run {
      // The probe runs the scenario the options make, checked first like the one that follows;
      // memoized, so the knobs' variants reuse the runs already made for the one shown.
      const probe = memoRun((built: Scenario) => runOf(parse(built)));
      return guarded(() => {
        const parsed = parse(lesson);
        const run = probe(scenarioForLab(parsed, options, probe));
        return { ...run, knobs: knobsOf(parsed, options, probe) };
      });
    },
  };
}

export type EngineService = ReturnType<typeof createEngineService>;

/** The service the engine worker serves. */
export const engineService: EngineService = createEngineService();
