import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Scenario, SendEvent, TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { LESSONS } from '../scenarios/all';
import lesson from '../scenarios/client-closes-first.json';
import { incoherences } from '../testing/coherence';
import { runScenario } from '../engine/engine';
import { runWithCauses } from './run';
import { PROPERTY_MAX_EVENTS, scenarioArb } from '../testing/scenarioArbitrary';
import { defaultLabOptions } from './labOptions';
import type { LabOptions } from './types';
import {
  REUSE_DELAY_MS,
  applyOptions,
  faultForSegment,
  finalAckFault,
  scenarioForLab,
} from './variants';

const base = lesson as Scenario;
const plain: LabOptions = defaultLabOptions(base);

describe('applyOptions', () => {
  it('leaves a lesson as written under its default options', () => {
    const out = applyOptions(base, plain);
    expect(out).toEqual({ ...base, network: { lossRate: 0 }, seed: 7, profile: 'rfc9293' });
    expect(parseScenario(out).ok).toBe(true);
  });

  it('sets profile, MSL, loss and seed, and puts clicked drops first', () => {
    const click = { who: 'client' as const, flags: 'ACK', nth: 1, after: 5, fate: 'drop' as const };
    const out = applyOptions(
      { ...base, timers: { rtoMinMs: 300 }, faults: [{ ...click, fate: 'duplicate' }] },
      {
        ...plain,
        profile: 'linux',
        mslMs: 30_000,
        lossPercent: 25,
        seed: 99,
        extraFaults: [click],
      },
    );
    expect(out).toMatchObject({ profile: 'linux', seed: 99, network: { lossRate: 0.25 } });
    expect(out.timers).toEqual({ rtoMinMs: 300, mslMs: 30_000 });
    expect(out.faults).toEqual([click, { ...click, fate: 'duplicate' }]);
  });

  it('adds a reconnect with SO_REUSEADDR once the peer’s FIN has arrived, to a lesson that connects once', () => {
    const out = applyOptions(base, { ...plain, reusePort: true });
    expect(out.actions).toEqual([
      ...base.actions,
      { after: 'eof', delayMs: REUSE_DELAY_MS, who: 'client', do: 'connect', reuse: true },
    ]);
    expect(parseScenario(out).ok).toBe(true);
    // Nothing to reconnect after: no close, or an abort (no TIME_WAIT, no FIN to wait for).
    const open: Scenario = { ...base, actions: base.actions.filter((a) => a.do !== 'close') };
    expect(applyOptions(open, { ...plain, reusePort: true }).actions).toEqual(open.actions);
    const aborting: Scenario = {
      ...base,
      actions: base.actions.map((a) =>
        a.do === 'close' && a.who === 'client' ? { ...a, do: 'abort' } : a,
      ),
    };
    expect(applyOptions(aborting, { ...plain, reusePort: true }).actions).toEqual(aborting.actions);
  });

  it('orders `at` and `after` actions as they run: a close listed first but timed later still counts', () => {
    const shuffled: Scenario = {
      ...base,
      actions: [
        { at: 900, who: 'client', do: 'close' },
        { at: 0, who: 'server', do: 'listen' },
        { at: 150, who: 'client', do: 'connect' },
      ],
    };
    expect(applyOptions(shuffled, { ...plain, reusePort: true }).actions.at(-1)).toMatchObject({
      do: 'connect',
      reuse: true,
    });
    const closedBefore: Scenario = {
      ...shuffled,
      actions: [{ ...shuffled.actions[0], at: 100 } as Action, ...shuffled.actions.slice(1)],
    };
    expect(applyOptions(closedBefore, { ...plain, reusePort: true }).actions).toEqual(
      closedBefore.actions,
    );
  });

  it('marks the later connects of a lesson that connects again, and unmarks them when off', () => {
    const twice: Scenario = {
      ...base,
      actions: [...base.actions, { after: 'eof', delayMs: 100, who: 'client', do: 'connect' }],
    };
    expect(defaultLabOptions(twice).reusePort).toBe(false);
    expect(applyOptions(twice, { ...plain, reusePort: true }).actions.at(-1)).toEqual({
      after: 'eof',
      delayMs: 100,
      who: 'client',
      do: 'connect',
      reuse: true,
    });
    const reusing: Scenario = {
      ...twice,
      actions: twice.actions.map((a, i) =>
        i === twice.actions.length - 1 ? { ...a, reuse: true } : a,
      ),
    };
    expect(defaultLabOptions(reusing).reusePort).toBe(true);
    expect(applyOptions(reusing, { ...plain, reusePort: false }).actions).toEqual(twice.actions);
  });
});

describe('reuse-port leaves a scenario as written in its starting state', () => {
  const connect = (reuse?: boolean): Action => ({
    after: 'eof',
    delayMs: 50,
    who: 'client',
    do: 'connect',
    ...(reuse === undefined ? {} : { reuse }),
  });
  const mixed: Scenario = {
    ...base,
    actions: [
      ...base.actions.slice(0, 2).map((a, i) => (i === 1 ? { ...a, reuse: true } : a)),
      ...base.actions.slice(2),
      connect(true),
      connect(),
      connect(false),
    ],
  };

  it('a mix of flags, the first connect’s included, stays exactly as written', () => {
    const own = defaultLabOptions(mixed);
    expect(own.reusePort).toBe(true);
    expect(applyOptions(mixed, own).actions).toEqual(mixed.actions);
    // Off: no later connect asks for the port; the first keeps its flag (it has nothing to take).
    const off = applyOptions(mixed, { ...own, reusePort: false }).actions;
    expect(off.slice(-3)).toEqual([connect(), connect(), connect(false)]);
    expect(off[1]).toEqual(mixed.actions[1]);
    // On, from a scenario that starts off: every later connect asks for it.
    const none: Scenario = { ...mixed, actions: off };
    expect(defaultLabOptions(none).reusePort).toBe(false);
    expect(applyOptions(none, { ...own, reusePort: true }).actions.slice(-3)).toEqual([
      connect(true),
      connect(true),
      connect(true),
    ]);
  });

  it('a single connect that asks for reuse starts unchecked and stays as written', () => {
    const single: Scenario = {
      ...base,
      actions: base.actions.map((a) => (a.do === 'connect' ? { ...a, reuse: true } : a)),
    };
    const own = defaultLabOptions(single);
    expect(own.reusePort).toBe(false);
    expect(applyOptions(single, own).actions).toEqual(single.actions);
  });

  it('holds for any scenario: its starting options leave its actions alone', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.option(fc.boolean())), (raw, flags) => {
        let k = 0;
        const actions = raw.actions.map((a) => {
          if (a.do !== 'connect') return a;
          const flag = flags[k++];
          return flag === null || flag === undefined ? a : { ...a, reuse: flag };
        });
        const scenario = { ...raw, actions };
        expect(applyOptions(scenario, defaultLabOptions(scenario)).actions).toEqual(actions);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('reuse-port in the engine (CONTRACT.md section 0.2)', () => {
  const results = (scenario: Scenario) =>
    runWithCauses(scenario).events.flatMap((e) =>
      e.type === 'app' && e.who === 'client' && e.call === 'connect' ? [e.result] : [],
    );

  it('off, the lesson’s own reconnect during TIME_WAIT fails with EADDRINUSE', () => {
    const twice: Scenario = {
      ...base,
      actions: [...base.actions, { at: 700, who: 'client', do: 'connect' }],
    };
    expect(results(applyOptions(twice, plain))).toEqual(['ok', 'EADDRINUSE']);
  });

  it('on, Linux takes the TIME_WAIT connection over because it used timestamps', () => {
    const linux = { ...plain, profile: 'linux' as const, reusePort: true };
    const run = runWithCauses(applyOptions(base, linux));
    expect(results(run.scenario)).toEqual(['ok', 'ok']);
    const syns = run.events.filter(
      (e): e is SendEvent => e.type === 'send' && e.who === 'client' && e.flags.includes('SYN'),
    );
    const oldFin = run.events.find(
      (e): e is SendEvent => e.type === 'send' && e.who === 'client' && e.flags.includes('FIN'),
    );
    expect(syns).toHaveLength(2);
    // The old connection's SND.NXT is one past its FIN.
    expect(syns[1]?.seq).toBe(((oldFin?.seq ?? 0) + 1 + 65537) % 2 ** 32);
    // Without timestamps there is nothing to tell old segments apart by: refused.
    const bare = { ...base, client: { ...base.client, options: { timestamps: false } } };
    expect(results(applyOptions(bare, linux))).toEqual(['ok', 'EADDRNOTAVAIL']);
  });

  it('on, RFC 9293 refuses: the connection still exists', () => {
    expect(results(applyOptions(base, { ...plain, reusePort: true }))).toEqual([
      'ok',
      'EADDRNOTAVAIL',
    ]);
  });
});

describe('every lesson with the knobs stays coherent', () => {
  it('at any loss, under either profile, with reuse-port either way', () => {
    const lessons = LESSONS.map((l) => {
      const parsed = parseScenario(l.scenario);
      if (!parsed.ok) throw new Error(`${l.id}: ${parsed.error}`);
      return parsed.scenario;
    });
    const arb = fc.record({
      lesson: fc.constantFrom(...lessons),
      profile: fc.constantFrom('rfc9293' as const, 'linux' as const),
      reusePort: fc.boolean(),
      lossPercent: fc.integer({ min: 0, max: 50 }),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
    });
    fc.assert(
      fc.property(arb, ({ lesson, ...knobs }) => {
        const scenario = applyOptions(lesson, { ...defaultLabOptions(lesson), ...knobs });
        const trace = runScenario({ ...scenario, until: 30_000 });
        expect(incoherences(trace.events)).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);
});

const isTimeWaitSet = (e: TraceEvent) =>
  e.type === 'timer' && e.who === 'client' && e.timer === 'time-wait' && e.action === 'set';

describe('drop-final-ack', () => {
  it.each(['rfc9293', 'linux'] as const)(
    'drops the ACK of the server FIN: FIN resent from LAST_ACK, TIME_WAIT restarts (%s)',
    (profile) => {
      const options = { ...plain, profile, dropFinalAck: true };
      const probe = runWithCauses(applyOptions(base, options));
      const serverFin = probe.events.find(
        (e): e is SendEvent => e.type === 'send' && e.who === 'server' && e.flags.includes('FIN'),
      );
      const fault = finalAckFault(probe);
      expect(fault).toMatchObject({ who: 'client', flags: 'ACK', nth: 1, fate: 'drop' });
      expect(fault?.after).toBeGreaterThan(serverFin?.t ?? Infinity);
      if (profile === 'rfc9293') expect(fault?.after).toBe(601);
      const run = runWithCauses(scenarioForLab(base, options, runWithCauses));
      const drops = run.events.filter((e) => e.type === 'drop');
      expect(drops).toHaveLength(1);
      const lost = run.events.find((e) => e.type === 'send' && e.id === drops[0]?.id);
      expect(lost).toMatchObject({ who: 'client', flags: ['ACK'], t: fault?.after });
      const resent = run.events.find(
        (e) => e.type === 'send' && e.who === 'server' && e.retransmission,
      );
      expect(resent).toMatchObject({ flags: ['FIN', 'ACK'] });
      const lastAckAt = run.events.findIndex((e) => e.type === 'state' && e.to === 'LAST_ACK');
      const closedAt = run.events.findIndex(
        (e) => e.type === 'state' && e.who === 'server' && e.to === 'CLOSED',
      );
      const resentAt = run.events.indexOf(resent as TraceEvent);
      expect(lastAckAt).toBeLessThan(resentAt);
      expect(resentAt).toBeLessThan(closedAt);
      expect(run.events.filter(isTimeWaitSet)).toHaveLength(2);
      expect(run.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
    },
  );

  it('finds the passive closer when the server closes first', () => {
    const serverFirst: Scenario = {
      ...base,
      actions: base.actions.map((a) =>
        a.do === 'close' ? { ...a, who: a.who === 'client' ? 'server' : 'client' } : a,
      ),
    };
    const fault = finalAckFault(runWithCauses(serverFirst));
    expect(fault).toMatchObject({ who: 'server', flags: 'ACK', nth: 1 });
  });

  it('finds none in a simultaneous close or with no close', () => {
    const simultaneous: Scenario = {
      ...base,
      actions: [
        ...base.actions.filter((a) => a.do !== 'close'),
        { at: 600, who: 'client', do: 'close' },
        { at: 600, who: 'server', do: 'close' },
      ],
    };
    expect(finalAckFault(runWithCauses(simultaneous))).toBeNull();
    const open = { ...base, actions: base.actions.filter((a) => a.do !== 'close') };
    expect(finalAckFault(runWithCauses(open))).toBeNull();
    expect(scenarioForLab(open, { ...plain, dropFinalAck: true }, runWithCauses)).toEqual(
      applyOptions(open, plain),
    );
  });
});

describe('faultForSegment', () => {
  it('counts same-flag segments sent at the same time before the one clicked', () => {
    const run = runWithCauses({
      ...base,
      actions: [
        ...base.actions.slice(0, 2),
        { at: 300, who: 'client', do: 'send', bytes: 5 },
        { at: 300, who: 'client', do: 'send', bytes: 5 },
      ],
    });
    const data = run.events.filter((e) => e.type === 'send' && e.len === 5);
    expect(data).toHaveLength(2);
    const second = data[1];
    expect(second?.type === 'send' && faultForSegment(run, second.id)).toEqual({
      who: 'client',
      flags: 'ACK',
      nth: 2,
      after: 300,
      fate: 'drop',
    });
  });

  it('refuses an unknown id', () => {
    expect(() => faultForSegment(runWithCauses(base), 99)).toThrow(/not sent/);
  });

  it('drops exactly that segment and changes nothing sent before it', () => {
    const arb = scenarioArb.chain((scenario) =>
      fc.tuple(fc.constant(scenario), fc.integer({ min: 0, max: 1_000_000 })),
    );
    fc.assert(
      fc.property(arb, ([raw, pick]) => {
        const parsed = parseScenario(raw);
        if (!parsed.ok) return;
        const options = { maxEvents: PROPERTY_MAX_EVENTS };
        // As the page does: the run the student clicks in is the lesson with the lab's options.
        const lab = defaultLabOptions(parsed.scenario);
        const run = runWithCauses(applyOptions(parsed.scenario, lab), options);
        const sends = run.events.flatMap((e, i) =>
          e.type === 'send' && e.injected !== true ? [{ e, i }] : [],
        );
        const chosen = sends[pick % Math.max(1, sends.length)];
        if (!chosen) return;
        const fault = faultForSegment(run, chosen.e.id);
        const scenario = applyOptions(parsed.scenario, { ...lab, extraFaults: [fault] });
        const rerun = runWithCauses(scenario, options);
        // Everything up to and including the send is the same...
        expect(rerun.events.slice(0, chosen.i + 1)).toEqual(run.events.slice(0, chosen.i + 1));
        // ...and the segment is dropped by the fault.
        const fate = rerun.events.find(
          (e) => (e.type === 'drop' || e.type === 'deliver') && e.id === chosen.e.id,
        );
        if (rerun.truncated && fate === undefined) return;
        expect(fate).toMatchObject({ type: 'drop', reason: 'fault' });
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);
});
