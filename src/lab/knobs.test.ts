// Which knobs apply, against the engine: for every lesson, a few seeds and loss rates, a knob is
// marked applicable exactly when moving it changes the run.
import { describe, expect, it } from 'vitest';
import { resolveBehaviour } from '../engine/profile';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { LESSONS } from '../scenarios/all';
import { knobApplicability, memoRun, sameEvents } from './knobs';
import { defaultLabOptions } from './labOptions';
import { runWithCauses } from './run';
import { KNOBS, type Knob, type LabOptions, type Run } from './types';
import { scenarioForLab } from './variants';

function parsed(raw: unknown): Scenario {
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(result.error);
  return result.scenario;
}

const lessons = LESSONS.map((lesson) => ({ id: lesson.id, scenario: parsed(lesson.scenario) }));
const engine = (scenario: Scenario): Run => runWithCauses(scenario);

/** The moves of each knob the check tries: changes the run iff one of them does. */
function moves(knob: Knob, lesson: Scenario, o: LabOptions): Partial<LabOptions>[] {
  const profile = o.profile ?? 'rfc9293';
  switch (knob) {
    case 'profile':
      return [
        {
          profile: profile === 'linux' ? 'rfc9293' : 'linux',
          mslMs: defaultLabOptions(lesson).mslMs,
        },
      ];
    case 'mslMs': {
      const msl = o.mslMs ?? resolveBehaviour({ profile, actions: [] }).mslMs;
      return [{ mslMs: msl * 2 + 1000 }, { mslMs: Math.max(1, Math.floor(msl / 3)) }];
    }
    case 'lossPercent':
      return [{ lossPercent: o.lossPercent > 0 ? 0 : 100 }];
    case 'seed':
      return [1, 2, 3, 4, 5, 6].map((k) => ({ seed: o.seed + k * 7919 }));
    case 'dropFinalAck':
      return [{ dropFinalAck: !o.dropFinalAck }];
    case 'reusePort':
      return [{ reusePort: !o.reusePort }];
  }
}

function changes(lesson: Scenario, o: LabOptions, patch: Partial<LabOptions>): boolean {
  const run = memoRun(engine);
  const shown = run(scenarioForLab(lesson, o, run));
  const moved = run(scenarioForLab(lesson, { ...o, ...patch }, run));
  return !sameEvents(shown.events, moved.events);
}

describe('knobApplicability', () => {
  // Each lesson as written, with loss, with another seed, and with the knobs moved first.
  const variants: [string, Partial<LabOptions>][] = [
    ['as written', {}],
    ['10% loss', { lossPercent: 10 }],
    ['30% loss, seed 99', { lossPercent: 30, seed: 99 }],
    ['linux', { profile: 'linux' }],
    ['final ACK dropped', { dropFinalAck: true }],
  ];

  for (const { id, scenario } of lessons) {
    it(`marks a knob applicable iff moving it changes the run: ${id}`, () => {
      for (const [name, patch] of variants) {
        const options = { ...defaultLabOptions(scenario), ...patch };
        const knobs = knobApplicability(scenario, options, memoRun(engine));
        for (const knob of KNOBS) {
          const changed = moves(knob, scenario, options).some((m) => changes(scenario, options, m));
          expect(knobs[knob] === null, `${id}, ${name}: ${knob} (${knobs[knob]})`).toBe(changed);
        }
      }
    });
  }

  it('gives the reasons the settings panel shows', () => {
    const reasons = (id: string, patch: Partial<LabOptions> = {}) => {
      const scenario = lessons.find((l) => l.id === id)!.scenario;
      return knobApplicability(
        scenario,
        { ...defaultLabOptions(scenario), ...patch },
        memoRun(engine),
      );
    };
    expect(reasons('client-closes-first')).toEqual({
      profile: null,
      mslMs: null,
      lossPercent: null,
      seed: 'no-loss',
      dropFinalAck: null,
      reusePort: null,
    });
    expect(reasons('client-closes-first', { lossPercent: 5 }).seed).toBeNull();
    expect(reasons('closed-port')).toMatchObject({
      dropFinalAck: 'no-final-ack',
      reusePort: 'no-reconnect',
      mslMs: 'no-time-wait',
    });
    expect(reasons('abort')).toMatchObject({
      dropFinalAck: 'no-final-ack',
      reusePort: 'no-reconnect',
    });
    expect(reasons('simultaneous-close').dropFinalAck).toBe('no-final-ack');
    expect(reasons('simultaneous-open').dropFinalAck).toBe('no-final-ack');
    expect(reasons('half-close').reusePort).toBe('no-reconnect');
    // The lesson drops that very ACK already.
    expect(reasons('lost-final-ack').dropFinalAck).toBe('final-ack-lost');
  });

  it('runs each distinct scenario once', () => {
    const scenario = lessons.find((l) => l.id === 'client-closes-first')!.scenario;
    let count = 0;
    const counted = memoRun((s: Scenario) => {
      count++;
      return engine(s);
    });
    const options = defaultLabOptions(scenario);
    counted(scenarioForLab(scenario, options, counted));
    expect(count).toBe(1);
    knobApplicability(scenario, options, counted);
    // The final ACK dropped (the probe is the run shown), reuse toggled, the other profile.
    expect(count).toBe(4);
  });
});
