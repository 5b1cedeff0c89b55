import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Scenario, SocketOwner, TcpState } from '../engine/types';
import { parseScenario } from '../engine/validate';
import lesson from '../scenarios/client-closes-first.json';
import { runWithCauses } from './run';
import { buildSteps } from './steps';
import { PROPERTY_MAX_EVENTS, scenarioArb } from '../testing/scenarioArbitrary';
import type { Run, RunningTimer, SegmentFate, StepView } from './types';
import { CHECKPOINT_EVERY, createStepper, stepsCount, viewAt } from './view';

/** The view by brute force: replay every event up to the step. */
function naiveView(run: Run, step: number) {
  const steps = buildSteps(run);
  const end = step === 0 ? 0 : (steps[step - 1]?.end ?? 0);
  const states: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
  const timers = new Map<string, number>();
  const fates = new Map<number, SegmentFate>();
  for (const event of run.events.slice(0, end)) {
    if (event.type === 'state') states[event.who] = event.to;
    if (event.type === 'send') fates.set(event.id, 'in-flight');
    if (event.type === 'deliver' && fates.get(event.id) === 'in-flight')
      fates.set(event.id, 'delivered');
    if (event.type === 'drop') fates.set(event.id, 'dropped');
    if (event.type === 'timer') {
      const key = `${event.who} ${event.timer}`;
      if (event.action === 'set') timers.set(key, event.due ?? 0);
      else timers.delete(key);
    }
  }
  return { states, timers, fates };
}

const timerKeys = (timers: RunningTimer[]) =>
  new Map(timers.map((t) => [`${t.who} ${t.timer}`, t.due]));

function lostFinalAck(profile: 'rfc9293' | 'linux'): Scenario {
  return {
    ...(lesson as Scenario),
    profile,
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 601, fate: 'drop' }],
  };
}

describe('viewAt', () => {
  it('shows nothing at step 0 and the final states at the last step', () => {
    const run = runWithCauses(lesson as Scenario);
    const steps = buildSteps(run);
    const start = viewAt(run, steps, 0);
    expect(start).toMatchObject({ step: 0, t: 0, states: { client: 'CLOSED', server: 'CLOSED' } });
    expect(start.timers).toEqual([]);
    expect(start.fates.size).toBe(0);
    const end = viewAt(run, steps, stepsCount(run));
    expect(end.states).toEqual(run.final);
    expect([...end.fates.values()].every((f) => f === 'delivered')).toBe(true);
    // Out-of-range steps are clamped.
    expect(viewAt(run, steps, 1e9).step).toBe(steps.length);
    expect(viewAt(run, steps, -3).step).toBe(0);
  });

  it('shows a segment in flight between its send and delivery steps', () => {
    const stepper = createStepper(runWithCauses(lesson as Scenario));
    const syn = stepper.segments[0];
    if (!syn) throw new Error('no SYN');
    expect(stepper.viewAt(syn.sentStep - 1).fates.has(syn.id)).toBe(false);
    expect(stepper.viewAt(syn.sentStep).fates.get(syn.id)).toBe('in-flight');
    expect(stepper.viewAt(syn.deliveredStep ?? 0).fates.get(syn.id)).toBe('delivered');
  });

  it.each(['rfc9293', 'linux'] as const)(
    'shows the TIME_WAIT timer restarting after a lost final ACK (%s)',
    (profile) => {
      const stepper = createStepper(runWithCauses(lostFinalAck(profile)));
      const views: StepView[] = [];
      for (let k = 0; k <= stepper.stepsCount; k++) views.push(stepper.viewAt(k));
      const timeWaits = views.map((v) => v.timers.filter((t) => t.timer === 'time-wait'));
      expect(Math.max(...timeWaits.map((t) => t.length))).toBe(1);
      const setTimes = new Set(timeWaits.flat().map((t) => t.setAt));
      expect(setTimes.size).toBe(2); // armed at the first FIN, re-armed at the retransmitted one
      const lastAck = views.find((v) => v.states.server === 'LAST_ACK');
      expect(lastAck?.lastTransition.server).toMatchObject({ from: 'CLOSE_WAIT', to: 'LAST_ACK' });
      const dropped = views.at(-1)?.fates;
      expect([...(dropped?.values() ?? [])].filter((f) => f === 'dropped')).toHaveLength(1);
    },
  );

  it('matches a full replay at every step of random runs', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const parsed = parseScenario(raw);
        if (!parsed.ok) return;
        const run = runWithCauses(parsed.scenario, { maxEvents: PROPERTY_MAX_EVENTS });
        // A checkpoint every 3 steps: random runs are short, and this crosses several.
        const stepper = createStepper(run, buildSteps(run), 3);
        for (let k = 0; k <= stepper.stepsCount; k++) {
          const view = stepper.viewAt(k);
          const naive = naiveView(run, k);
          expect(view.states).toEqual(naive.states);
          expect(timerKeys(view.timers)).toEqual(naive.timers);
          expect(new Map(view.fates)).toEqual(naive.fates);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('steps a 10,000-event run in well under a millisecond per step', () => {
    const sends: Action[] = Array.from({ length: 2500 }, (_, i) => ({
      at: 200 + i * 10,
      who: 'client',
      do: 'send',
      bytes: 100,
    }));
    const run = runWithCauses({
      ...(lesson as Scenario),
      network: { lossRate: 0.05 },
      actions: [
        { at: 0, who: 'server', do: 'listen' },
        { at: 100, who: 'client', do: 'connect' },
        ...sends,
      ],
    });
    expect(run.events.length).toBeGreaterThan(10_000);
    const built = performance.now();
    const stepper = createStepper(run);
    const buildMs = performance.now() - built;
    const start = performance.now();
    let n = 0;
    for (let k = 0; k <= stepper.stepsCount; k += 3) {
      stepper.viewAt(k).fates.get(1);
      n++;
    }
    const perStepMs = (performance.now() - start) / n;
    expect(buildMs).toBeLessThan(500);
    expect(perStepMs).toBeLessThan(1);
    for (const k of [CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY, 1000, stepper.stepsCount]) {
      const view = stepper.viewAt(k);
      const naive = naiveView(run, k);
      expect(view.states).toEqual(naive.states);
      expect(timerKeys(view.timers)).toEqual(naive.timers);
      expect(new Map(view.fates)).toEqual(naive.fates);
    }
  });
});
