// Which of the lab's knobs change the run of a lesson, and why the others do not. A knob that
// would change nothing is shown disabled with its reason rather than silently ignored, so the
// answer must be exact: a knob is applicable iff moving it changes the engine's run. Where a
// structural rule is exact (the MSL only sets TIME_WAIT's length, the seed only draws losses and
// unset ISNs) it is used; the rest are found by running the variant (the caller runs the engine,
// in the worker, so this module stays pure).
import type { Scenario, TraceEvent } from '../engine/types';
import { defaultLabOptions } from './labOptions';
import type { KnobApplicability, LabOptions, Run } from './types';
import { applyOptions, finalAckFault, scenarioForLab } from './variants';

/** Every knob applies (what a run without the check, or a capture, is shown with). */
export const ALL_APPLY: KnobApplicability = {
  profile: null,
  mslMs: null,
  lossPercent: null,
  seed: null,
  dropFinalAck: null,
  reusePort: null,
};

/** Two runs the student could tell apart: any event differs. */
export function sameEvents(a: readonly TraceEvent[], b: readonly TraceEvent[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A run function that runs each distinct scenario once: the variants share their probe runs
 * with the run shown (and with each other).
 */
export function memoRun(run: (scenario: Scenario) => Run): (scenario: Scenario) => Run {
  const cache = new Map<string, Run>();
  return (scenario) => {
    const key = JSON.stringify(scenario);
    let found = cache.get(key);
    if (found === undefined) {
      found = run(scenario);
      cache.set(key, found);
    }
    return found;
  };
}

const clientConnects = (run: Run) =>
  run.events.filter((e) => e.type === 'app' && e.who === 'client' && e.call === 'connect').length;

/**
 * Which knobs apply to `lesson` run with `options`. `run` runs a scenario through the engine;
 * pass a memoized one (memoRun) so that the run shown and the probes are not run again.
 */
export function knobApplicability(
  lesson: Scenario,
  options: LabOptions,
  run: (scenario: Scenario) => Run,
): KnobApplicability {
  const labRun = (o: LabOptions) => run(scenarioForLab(lesson, o, run));
  const shown = labRun(options);
  const changes = (patch: Partial<LabOptions>) =>
    !sameEvents(labRun({ ...options, ...patch }).events, shown.events);

  const dropFinalAck = changes({ dropFinalAck: !options.dropFinalAck })
    ? null
    : finalAckFault(run(applyOptions(lesson, { ...options, dropFinalAck: false }))) === null
      ? 'no-final-ack'
      : 'final-ack-lost';

  const toggled = labRun({ ...options, reusePort: !options.reusePort });
  const reusePort = !sameEvents(toggled.events, shown.events)
    ? null
    : Math.max(clientConnects(shown), clientConnects(toggled)) > 1
      ? 'reconnect-unaffected'
      : 'no-reconnect';

  const other = (options.profile ?? 'rfc9293') === 'linux' ? 'rfc9293' : 'linux';
  // The profile select keeps the lesson's own MSL (SettingsPanel does the same).
  const profile = changes({ profile: other, mslMs: defaultLabOptions(lesson).mslMs })
    ? null
    : 'same-run';

  // The MSL only sets the length of TIME_WAIT (2·MSL): it changes a run iff a TIME_WAIT timer is
  // set in it, and entering TIME_WAIT never depends on it.
  const timeWait = shown.events.some(
    (e) => e.type === 'timer' && e.timer === 'time-wait' && e.action === 'set',
  );
  // The engine's random numbers are the losses and the ISNs a scenario leaves unset.
  const drawsIsn = (['client', 'server'] as const).some(
    (side) =>
      shown.scenario[side]?.isn === undefined &&
      shown.events.some((e) => e.type === 'send' && e.who === side && e.flags.includes('SYN')),
  );
  const crossesNetwork = shown.events.some((e) => e.type === 'send' && e.injected !== true);

  return {
    profile,
    mslMs: timeWait ? null : 'no-time-wait',
    lossPercent: crossesNetwork ? null : 'no-segments',
    seed: options.lossPercent > 0 || drawsIsn ? null : 'no-loss',
    dropFinalAck,
    reusePort,
  };
}
