import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import lesson from '../scenarios/client-closes-first.json';
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

  it('reconnects from the same port after the close with reuse-port', () => {
    const out = applyOptions(base, { ...plain, reusePort: true });
    // After the server's close (600) and two one-way delays of 1 ms.
    expect(out.actions.at(-1)).toEqual({
      at: 600 + REUSE_DELAY_MS + 2,
      who: 'client',
      do: 'connect',
      reuse: true,
    });
    const run = runWithCauses(out);
    const connects = run.events.filter((e) => e.type === 'app' && e.call === 'connect');
    expect(connects.map((e) => e.type === 'app' && e.result)).toEqual(['ok', 'ok']);
    // Without the option the lesson's own second connect is refused while TIME_WAIT holds.
    const twice: Scenario = {
      ...base,
      actions: [...base.actions, { at: 700, who: 'client', do: 'connect' }],
    };
    const refused = runWithCauses(applyOptions(twice, plain)).events.filter(
      (e) => e.type === 'app' && e.call === 'connect',
    );
    expect(refused.map((e) => e.type === 'app' && e.result)).toEqual(['ok', 'EADDRINUSE']);
    expect(applyOptions(twice, { ...plain, reusePort: true }).actions.at(-1)).toEqual({
      at: 700,
      who: 'client',
      do: 'connect',
      reuse: true,
    });
  });
});

describe('reuse-port reflects and controls a lesson that reconnects', () => {
  const reconnecting: Scenario = {
    ...base,
    actions: [...base.actions, { at: 700, who: 'client', do: 'connect', reuse: true }],
  };

  it('starts checked when the lesson already asks for the port', () => {
    expect(defaultLabOptions(reconnecting).reusePort).toBe(true);
    expect(defaultLabOptions(base).reusePort).toBe(false);
  });

  it('unchecked, the reconnect no longer asks for it and is refused while TIME_WAIT holds', () => {
    const options = { ...defaultLabOptions(reconnecting), reusePort: false };
    const out = applyOptions(reconnecting, options);
    expect(out.actions.at(-1)).toEqual({ at: 700, who: 'client', do: 'connect' });
    const results = runWithCauses(out).events.flatMap((e) =>
      e.type === 'app' && e.call === 'connect' ? [e.result] : [],
    );
    expect(results).toEqual(['ok', 'EADDRINUSE']);
  });
});

const isTimeWaitSet = (e: TraceEvent) =>
  e.type === 'timer' && e.who === 'client' && e.timer === 'time-wait' && e.action === 'set';

describe('drop-final-ack', () => {
  it.each(['rfc9293', 'linux'] as const)(
    'drops the ACK of the server FIN: FIN resent from LAST_ACK, TIME_WAIT restarts (%s)',
    (profile) => {
      const options = { ...plain, profile, dropFinalAck: true };
      const probe = runWithCauses(applyOptions(base, options));
      expect(finalAckFault(probe)).toEqual({
        who: 'client',
        flags: 'ACK',
        nth: 1,
        after: 601,
        fate: 'drop',
      });
      const run = runWithCauses(scenarioForLab(base, options, runWithCauses));
      const drops = run.events.filter((e) => e.type === 'drop');
      expect(drops).toEqual([{ t: 602, type: 'drop', id: 9, reason: 'fault' }]);
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
      expect(run.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
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
  });
});
