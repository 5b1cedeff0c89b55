// What the page shows at a step, fast enough to call on every key press. A stepper keeps a snapshot
// of the small per-step state (states, last transitions, running timers) every CHECKPOINT_EVERY
// steps and replays at most that many steps' events from the nearest one; segment fates come
// straight from the per-segment step numbers, so no per-step copy of them is ever made.
import type { SocketOwner, TcpState, TraceEvent } from '../engine/types';
import { finish, pauses, type Work } from './slices';
import { segmentsWork } from './segments';
import { buildSteps, stepOfEvents, stepsWork } from './steps';
import type {
  AppCallMark,
  RunningTimer,
  Run,
  SegmentFate,
  SegmentInfo,
  Step,
  StepView,
} from './types';

/** Replay distance bound: 64 steps of events is well under a millisecond. */
export const CHECKPOINT_EVERY = 64;

/** A socket's last state change, with the rule that made it (the state diagram lights its edge). */
type Transition = { from: TcpState; to: TcpState; t: number; rule: string };

interface Snapshot {
  states: Record<SocketOwner, TcpState>;
  last: Record<SocketOwner, Transition | null>;
  timers: RunningTimer[];
}

export interface Stepper {
  readonly run: Run;
  readonly steps: readonly Step[];
  readonly segments: readonly SegmentInfo[];
  /** Every application call of the run, in trace order. */
  readonly appCalls: readonly AppCallMark[];
  /** Steps in the run; the page shows step 0 (nothing yet) to stepsCount. */
  readonly stepsCount: number;
  /** The view after `step` (clamped to 0…stepsCount). */
  viewAt(step: number): StepView;
}

function initialSnapshot(): Snapshot {
  return {
    states: { client: 'CLOSED', server: 'CLOSED', listener: 'CLOSED' },
    last: { client: null, server: null, listener: null },
    timers: [],
  };
}

function copy(s: Snapshot): Snapshot {
  return { states: { ...s.states }, last: { ...s.last }, timers: [...s.timers] };
}

/** Applies one event to a snapshot (mutating it). */
function apply(s: Snapshot, event: TraceEvent): void {
  if (event.type === 'state') {
    s.states[event.who] = event.to;
    s.last[event.who] = { from: event.from, to: event.to, t: event.t, rule: event.why.rule };
    return;
  }
  if (event.type !== 'timer') return;
  const { who, timer } = event;
  if (event.action === 'set') {
    // The engine cancels a timer before re-arming it, so a set never replaces a running one; two
    // entries with one name only happen when a side holds two connections.
    s.timers.push({ who, timer, setAt: event.t, due: event.due ?? event.t });
    return;
  }
  // Events do not say which connection's timer stopped: a firing one is the one due now, a
  // cancelled one the latest armed (the older connection's usually runs on, as in TIME_WAIT).
  let found = -1;
  for (let i = s.timers.length - 1; i >= 0; i--) {
    const running = s.timers[i];
    if (running === undefined || running.who !== who || running.timer !== timer) continue;
    if (found < 0) found = i;
    if (event.action === 'fire' && running.due === event.t) {
      found = i;
      break;
    }
  }
  if (found >= 0) s.timers.splice(found, 1);
}

/** Fates as a map view over the segments: O(1) lookups, nothing copied per step. */
class FateMap implements ReadonlyMap<number, SegmentFate> {
  constructor(
    private readonly byId: ReadonlyMap<number, SegmentInfo>,
    private readonly sent: readonly SegmentInfo[],
    private readonly step: number,
  ) {}

  get size(): number {
    return this.sent.length;
  }

  get(id: number): SegmentFate | undefined {
    const seg = this.byId.get(id);
    return seg && seg.sentStep <= this.step ? fateAt(seg, this.step) : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  forEach(
    callback: (value: SegmentFate, key: number, map: ReadonlyMap<number, SegmentFate>) => void,
  ): void {
    for (const seg of this.sent) callback(fateAt(seg, this.step), seg.id, this);
  }

  *entries(): MapIterator<[number, SegmentFate]> {
    for (const seg of this.sent) yield [seg.id, fateAt(seg, this.step)];
  }

  *keys(): MapIterator<number> {
    for (const seg of this.sent) yield seg.id;
  }

  *values(): MapIterator<SegmentFate> {
    for (const seg of this.sent) yield fateAt(seg, this.step);
  }

  [Symbol.iterator](): MapIterator<[number, SegmentFate]> {
    return this.entries();
  }
}

export function fateAt(seg: SegmentInfo, step: number): SegmentFate {
  if (seg.droppedStep !== null && seg.droppedStep <= step) return 'dropped';
  if (seg.deliveredStep !== null && seg.deliveredStep <= step) return 'delivered';
  return 'in-flight';
}

/** The run's application calls, each with the step that shows it. */
function* appCallsWork(run: Run, stepOf: Uint32Array): Work<AppCallMark[]> {
  const out: AppCallMark[] = [];
  const pause = pauses();
  for (let index = 0; index < run.events.length; index++) {
    if (pause()) yield;
    const event = run.events[index];
    if (event?.type !== 'app') continue;
    const { t, who, call, result } = event;
    out.push({ index, t, step: stepOf[index] ?? 0, who, call, result });
  }
  return out;
}

/**
 * Whether the run says what the listening socket did (see StepView.listenerKnown). Engines that
 * report it name it in their events; a scenario without listen() has none to report (it stays
 * CLOSED); a capture's synthetic scenario has no actions at all.
 */
export function knowsListener(run: Pick<Run, 'events' | 'scenario'>): boolean {
  const named = run.events.some(
    (e) => (e.type === 'state' || e.type === 'app') && e.who === 'listener',
  );
  if (named) return true;
  const actions = run.scenario.actions;
  return actions.length > 0 && !actions.some((a) => a.do === 'listen');
}

export function createStepper(
  run: Run,
  steps: readonly Step[] = buildSteps(run),
  /** Tests pass a small value to exercise the checkpoints with short runs. */
  checkpointEvery: number = CHECKPOINT_EVERY,
): Stepper {
  return finish(stepperWork(run, steps, checkpointEvery));
}

export function* stepperWork(
  run: Run,
  given?: readonly Step[],
  checkpointEvery: number = CHECKPOINT_EVERY,
): Work<Stepper> {
  const steps = given ?? (yield* stepsWork(run));
  const segments = yield* segmentsWork(run, steps);
  const byId = new Map<number, SegmentInfo>();
  const pause = pauses();
  for (const seg of segments) {
    if (pause()) yield;
    byId.set(seg.id, seg);
  }
  // Segments are sent in step order, so "sent by step k" is a prefix; sentCount[k] is its length.
  const sentCount = new Uint32Array(steps.length + 1);
  let next = 0;
  for (let k = 0; k <= steps.length; k++) {
    if (pause()) yield;
    while ((segments[next]?.sentStep ?? Infinity) <= k) next++;
    sentCount[k] = next;
  }

  const appCalls = yield* appCallsWork(run, stepOfEvents(run.events.length, steps));
  const callCount = new Uint32Array(steps.length + 1);
  next = 0;
  for (let k = 0; k <= steps.length; k++) {
    if (pause()) yield;
    while ((appCalls[next]?.step ?? Infinity) <= k) next++;
    callCount[k] = next;
  }
  const listenerKnown = knowsListener(run);
  // A step that adds no call hands the diagram the same array as the step before (it redraws
  // nothing); only the last prefix is kept, as a long run's would add up to megabytes.
  let lastCalls: readonly AppCallMark[] = [];
  const callsUpTo = (count: number): readonly AppCallMark[] => {
    if (lastCalls.length !== count) lastCalls = appCalls.slice(0, count);
    return lastCalls;
  };

  const checkpoints: Snapshot[] = [initialSnapshot()];
  const running = initialSnapshot();
  for (const step of steps) {
    if (pause()) yield;
    for (let i = step.first; i < step.end; i++) {
      const event = run.events[i];
      if (event) apply(running, event);
    }
    if (step.number % checkpointEvery === 0) checkpoints.push(copy(running));
  }

  const viewAt = (requested: number): StepView => {
    const step = Math.max(0, Math.min(steps.length, Math.floor(requested) || 0));
    const base = Math.floor(step / checkpointEvery);
    const snapshot = copy(checkpoints[base] ?? initialSnapshot());
    for (let k = base * checkpointEvery; k < step; k++) {
      const s = steps[k];
      if (!s) break;
      for (let i = s.first; i < s.end; i++) {
        const event = run.events[i];
        if (event) apply(snapshot, event);
      }
    }
    const sent = segments.slice(0, sentCount[step] ?? 0);
    return {
      step,
      t: step === 0 ? 0 : (steps[step - 1]?.t ?? 0),
      states: snapshot.states,
      lastTransition: snapshot.last,
      listenerKnown,
      timers: snapshot.timers,
      fates: new FateMap(byId, sent, step),
      appCalls: callsUpTo(callCount[step] ?? 0),
    };
  };

  return { run, steps, segments, appCalls, stepsCount: steps.length, viewAt };
}

// Plain-function access for callers that keep only the run: the stepper is built once per run.
const cache = new WeakMap<Run, Stepper>();

function stepperFor(run: Run, steps?: readonly Step[]): Stepper {
  let stepper = cache.get(run);
  // Steps derive from the run alone, so a fresh but equal `steps` array need not rebuild.
  if (!stepper || (steps !== undefined && stepper.steps.length !== steps.length)) {
    stepper = createStepper(run, steps);
    cache.set(run, stepper);
  }
  return stepper;
}

export function viewAt(run: Run, steps: readonly Step[], stepNumber: number): StepView {
  return stepperFor(run, steps).viewAt(stepNumber);
}

export function stepsCount(run: Run): number {
  return stepperFor(run).stepsCount;
}
