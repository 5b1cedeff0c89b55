// Each lesson's "What to watch for" moment happens in its own run, at a step found from the
// engine's rule, and that step shows what the lesson's sentences say (src/i18n/locales/*/lessons.ts:
// `watch`, `shows`, `takeaway`); a run whose knobs take the connection elsewhere has no such step.
import { describe, expect, it } from 'vitest';
import type {
  AppEvent,
  Scenario,
  SendEvent,
  SocketOwner,
  StateEvent,
  TimerEvent,
  TraceEvent,
} from '../engine/types';
import { parseScenario } from '../engine/validate';
import { LESSONS, lessonById } from '../scenarios/all';
import { LESSON_IDS, type LessonId } from '../scenarios/index';
import { defaultLabOptions } from './labOptions';
import { runWithCauses } from './run';
import { buildSteps } from './steps';
import type { LabOptions, Step } from './types';
import { scenarioForLab } from './variants';
import { watchEventIndex, watchStep } from './watch';

function parse(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

interface Shown {
  events: TraceEvent[];
  steps: Step[];
  /** The watched step's events. */
  at: TraceEvent[];
  /** Every event before the watched step, and every one from it on. */
  before: TraceEvent[];
  after: TraceEvent[];
  step: number | null;
}

/** A lesson run as the lab runs it (its own options, or some changed), and its watched step. */
function shown(id: LessonId, patch: Partial<LabOptions> = {}): Shown {
  const lesson = lessonById(id)!;
  const scenario = parse(lesson.scenario);
  const options = { ...defaultLabOptions(scenario), ...patch };
  const probe = (built: Scenario) => runWithCauses(parse(built));
  const run = runWithCauses(parse(scenarioForLab(scenario, options, probe)));
  const steps = buildSteps(run);
  const step = watchStep(run.events, steps, lesson.watch);
  const s = step === null ? undefined : steps[step - 1];
  return {
    events: run.events,
    steps,
    at: s ? run.events.slice(s.first, s.end) : [],
    before: s ? run.events.slice(0, s.first) : [],
    after: s ? run.events.slice(s.first) : [],
    step,
  };
}

const sends = (events: TraceEvent[], who?: SocketOwner) =>
  events.filter((e): e is SendEvent => e.type === 'send' && (who === undefined || e.who === who));
const stateTo = (events: TraceEvent[], who: SocketOwner, to: string) =>
  events.filter((e): e is StateEvent => e.type === 'state' && e.who === who && e.to === to);
const apps = (events: TraceEvent[], who: SocketOwner) =>
  events.filter((e): e is AppEvent => e.type === 'app' && e.who === who);
const has = (e: SendEvent, flag: string) => (e.flags as string[]).includes(flag);
/** The state `who` is in after `events`. */
function stateAfter(events: TraceEvent[], who: SocketOwner): string {
  const changes = events.filter((e): e is StateEvent => e.type === 'state' && e.who === who);
  return changes.at(-1)?.to ?? 'CLOSED';
}

describe('the watched moment of every lesson', () => {
  it.each(LESSON_IDS)('%s: happens in its own run, at a step the link can go to', (id) => {
    const { step, steps } = shown(id);
    expect(step, id).not.toBeNull();
    expect(step).toBeGreaterThanOrEqual(1);
    expect(step).toBeLessThanOrEqual(steps.length);
  });

  it('is the first event of its rule, narrowed as the lesson says', () => {
    const events: TraceEvent[] = [
      {
        t: 0,
        type: 'state',
        who: 'client',
        from: 'FIN_WAIT_2',
        to: 'CLOSED',
        why: { rule: 'fin-received', ref: '' },
      },
      {
        t: 1,
        type: 'state',
        who: 'server',
        from: 'FIN_WAIT_2',
        to: 'TIME_WAIT',
        why: { rule: 'fin-received', ref: '' },
      },
      {
        t: 2,
        type: 'state',
        who: 'client',
        from: 'FIN_WAIT_2',
        to: 'TIME_WAIT',
        why: { rule: 'fin-received', ref: '' },
      },
    ];
    expect(watchEventIndex(events, { rule: 'fin-received' })).toBe(0);
    expect(watchEventIndex(events, { rule: 'fin-received', to: 'TIME_WAIT' })).toBe(1);
    expect(watchEventIndex(events, { rule: 'fin-received', who: 'client', to: 'TIME_WAIT' })).toBe(
      2,
    );
    expect(watchEventIndex(events, { rule: ['paws', 'fin-received'], type: 'send' })).toBe(-1);
    expect(watchEventIndex(events, { rule: 'fin-received', after: 'paws' })).toBe(-1);
    const steps = [
      { number: 1, t: 0, first: 0, end: 2 },
      { number: 2, t: 2, first: 2, end: 3 },
    ];
    expect(watchStep(events, steps, { rule: 'fin-received', who: 'client', to: 'TIME_WAIT' })).toBe(
      2,
    );
    expect(watchStep(events, steps, { rule: 'paws' })).toBeNull();
  });

  it('says so when the knobs take the connection another way', () => {
    // SO_REUSEADDR lets bind() succeed, so EADDRINUSE never comes (RFC 9293 refuses the connect).
    expect(shown('reuse-with-time-wait', { reusePort: true }).step).toBeNull();
    // RFC 9293's behaviour acknowledges the FIN at once: no delayed ACK for the FIN to ride on.
    expect(shown('delayed-ack-close', { profile: 'rfc9293' }).step).toBeNull();
    // Without Linux's takeover there is no new connection for PAWS to protect.
    expect(shown('reuse-timestamps', { profile: 'rfc9293' }).step).toBeNull();
  });
});

// What each lesson's sentences say, checked at the step its link goes to.
describe('the frame’s sentences, against the run', () => {
  it('client-closes-first: the client enters TIME_WAIT when it acknowledges the server’s FIN', () => {
    const { at, events } = shown('client-closes-first');
    expect(stateTo(at, 'client', 'TIME_WAIT')).toHaveLength(1);
    expect(sends(at, 'client').some((e) => has(e, 'ACK') && !has(e, 'FIN'))).toBe(true);
    expect(stateTo(events, 'server', 'TIME_WAIT')).toHaveLength(0);
    expect(stateTo(events, 'server', 'CLOSED').at(-1)?.from).toBe('LAST_ACK');
  });

  it('server-closes-first: the server, not the client, enters TIME_WAIT', () => {
    const { at, events } = shown('server-closes-first');
    expect(stateTo(at, 'server', 'TIME_WAIT')).toHaveLength(1);
    expect(stateTo(events, 'client', 'TIME_WAIT')).toHaveLength(0);
    expect(stateTo(events, 'client', 'LAST_ACK')).toHaveLength(1);
  });

  it('half-close: the server sends data from CLOSE_WAIT and the client acknowledges it', () => {
    const { at, before, after } = shown('half-close');
    expect(apps(before, 'client').map((e) => e.call)).toContain('shutdown');
    expect(stateAfter(before, 'server')).toBe('CLOSE_WAIT');
    expect(stateAfter(before, 'client')).toBe('FIN_WAIT_2');
    const data = sends(at, 'server').filter((e) => e.len > 0);
    expect(data).toHaveLength(1);
    const end = data[0]!.seq + data[0]!.len;
    expect(sends(after, 'client').some((e) => e.ack === end)).toBe(true);
  });

  it('delayed-ack-close: the server’s FIN carries the ACK of the client’s FIN: three segments', () => {
    const { at, before, after } = shown('delayed-ack-close');
    const clientFin = sends(before, 'client').find((e) => has(e, 'FIN'))!;
    const timer = at.find((e): e is TimerEvent => e.type === 'timer' && e.timer === 'delayed-ack');
    expect(timer?.action).toBe('set');
    const fin = sends(at, 'server').find((e) => has(e, 'FIN'))!;
    expect(fin.ack).toBe(clientFin.seq + 1);
    // Nothing but the FIN+ACK between the client's FIN and the client's last ACK.
    expect(sends(before.concat(after), 'server').filter((e) => e.t >= clientFin.t)).toEqual([fin]);
    expect(sends(after, 'client').filter((e) => e.t >= clientFin.t)).toHaveLength(1);
  });

  it('simultaneous-close: the FINs cross, both go FIN_WAIT_1 → CLOSING → TIME_WAIT', () => {
    const { at, events } = shown('simultaneous-close');
    expect(
      at.some((e) => e.type === 'state' && e.from === 'FIN_WAIT_1' && e.to === 'CLOSING'),
    ).toBe(true);
    for (const side of ['client', 'server'] as const) {
      expect(stateTo(events, side, 'CLOSING')).toHaveLength(1);
      expect(stateTo(events, side, 'TIME_WAIT')[0]?.from).toBe('CLOSING');
    }
  });

  it('lost-syn: one second after the first SYN the client sends it again and doubles its timer', () => {
    const { at, before } = shown('lost-syn');
    const first = sends(before, 'client')[0]!;
    expect(sends(before, 'server')).toHaveLength(0);
    const again = sends(at, 'client').find((e) => has(e, 'SYN'))!;
    expect(again.retransmission).toBe(true);
    expect(again.t - first.t).toBe(1000);
    const set = at.find((e): e is TimerEvent => e.type === 'timer' && e.action === 'set')!;
    expect((set.due ?? 0) - set.t).toBe(2000);
  });

  it('lost-syn-ack: both timers expire, and the server’s copy completes the handshake', () => {
    const { at, after } = shown('lost-syn-ack');
    expect(sends(at).filter((e) => e.retransmission)).toHaveLength(1);
    const resent = sends(after).filter((e) => e.retransmission);
    expect(resent.map((e) => `${e.who}:${e.flags.join(',')}`)).toEqual([
      'client:SYN',
      'server:SYN,ACK',
    ]);
    expect(resent[1]!.t - resent[0]!.t).toBeLessThanOrEqual(1);
    const established = after.findIndex(
      (e) => e.type === 'state' && e.who === 'client' && e.to === 'ESTABLISHED',
    );
    expect(after[established - 2]).toMatchObject({ type: 'deliver', id: resent[1]!.id });
  });

  it('lost-final-ack: the client in TIME_WAIT acknowledges the FIN again and restarts its timer', () => {
    const { at, before } = shown('lost-final-ack');
    expect(stateAfter(before, 'client')).toBe('TIME_WAIT');
    expect(stateAfter(before, 'server')).toBe('LAST_ACK');
    expect(
      sends(before, 'server')
        .filter((e) => has(e, 'FIN'))
        .at(-1)?.retransmission,
    ).toBe(true);
    expect(sends(at, 'client').some((e) => has(e, 'ACK'))).toBe(true);
    expect(
      at.some((e) => e.type === 'timer' && e.timer === 'time-wait' && e.action === 'set'),
    ).toBe(true);
  });

  it('no-time-wait: the retransmitted FIN meets a RST, and the server leaves LAST_ACK on it', () => {
    const { at, before, after } = shown('no-time-wait');
    expect(stateTo(before, 'client', 'TIME_WAIT')).toHaveLength(0);
    expect(stateAfter(before, 'client')).toBe('CLOSED');
    expect(sends(at, 'client').some((e) => has(e, 'RST'))).toBe(true);
    const closed = stateTo(after, 'server', 'CLOSED')[0];
    expect(closed).toMatchObject({ from: 'LAST_ACK', why: { rule: 'rst-received' } });
  });

  it('reuse-with-time-wait: EADDRINUSE while TIME_WAIT holds the port; the old segment draws a RST', () => {
    const { at, before, after } = shown('reuse-with-time-wait');
    expect(apps(at, 'client').map((e) => `${e.call}:${e.result}`)).toEqual(['connect:EADDRINUSE']);
    expect(stateAfter(before, 'client')).toBe('TIME_WAIT');
    const late = after.find((e) => e.type === 'deliver' && e.delayedMs !== undefined);
    expect(late).toMatchObject({ discarded: 'no-connection' });
    const rst = sends(after, 'server').find((e) => has(e, 'RST'))!;
    expect(after.find((e) => e.type === 'deliver' && e.id === rst.id)).toMatchObject({
      discarded: expect.any(String),
    });
    expect(sends(after, 'client')).toHaveLength(0);
  });

  it('reuse-timestamps: Linux takes the 4-tuple over and PAWS discards the old segment', () => {
    const { at, before } = shown('reuse-timestamps');
    const takeover = before.findIndex((e) => 'why' in e && e.why?.rule === 'time-wait-takeover');
    expect(takeover).toBeGreaterThan(0);
    const old = sends(before.slice(0, takeover), 'client');
    const oldNext = Math.max(...old.map((e) => e.seq + e.len + (has(e, 'FIN') ? 1 : 0)));
    const syn = sends(before.slice(takeover), 'client').find((e) => has(e, 'SYN'))!;
    expect(syn.seq).toBe(oldNext + 65537);
    const paws = at.find((e) => e.type === 'deliver')!;
    expect(paws).toMatchObject({ discarded: 'paws' });
    const stray = old.find((e) => paws.type === 'deliver' && e.id === paws.id)!;
    const tsOf = (e: SendEvent) => e.options?.find((o) => o.kind === 'timestamps');
    const newest = Math.max(
      ...sends(before.slice(takeover), 'client').map((e) => {
        const ts = tsOf(e);
        return ts?.kind === 'timestamps' ? ts.tsval : 0;
      }),
    );
    const strayTs = tsOf(stray);
    expect(strayTs?.kind === 'timestamps' && strayTs.tsval < newest).toBe(true);
    expect(sends(at, 'server').map((e) => e.flags.join(','))).toEqual(['ACK']);
  });

  it('reuse-without-time-wait: the old segment is taken as new data; the server acknowledges bytes never sent', () => {
    const { at, before } = shown('reuse-without-time-wait');
    const reuse = before.findIndex((e) => 'why' in e && e.why?.rule === 'reuse-time-wait');
    const oldIds = new Set(sends(before.slice(0, reuse)).map((e) => e.id));
    const arrival = at.find((e) => e.type === 'deliver')!;
    expect(arrival.type === 'deliver' && oldIds.has(arrival.id)).toBe(true);
    expect(arrival).not.toHaveProperty('discarded');
    const sentSince = sends(before.slice(reuse), 'client');
    const newNext = Math.max(...sentSince.map((e) => e.seq + e.len + (has(e, 'SYN') ? 1 : 0)));
    const ack = sends(at, 'server')[0]!;
    expect(ack.ack).toBeGreaterThan(newNext);
    const isn = sentSince.find((e) => has(e, 'SYN'))!.seq;
    const oldSeqs = sends(before.slice(0, reuse), 'client').map((e) => e.seq);
    expect(isn).toBeGreaterThan(Math.min(...oldSeqs));
    expect(isn).toBeLessThan(Math.max(...oldSeqs));
  });

  it('simultaneous-open: each side goes SYN_SENT → SYN_RCVD; four segments, both connects succeed', () => {
    const { at, events } = shown('simultaneous-open');
    expect(at.some((e) => e.type === 'state' && e.from === 'SYN_SENT' && e.to === 'SYN_RCVD')).toBe(
      true,
    );
    expect(sends(events)).toHaveLength(4);
    for (const side of ['client', 'server'] as const) {
      expect(apps(events, side).map((e) => `${e.call}:${e.result}`)).toEqual(['connect:ok']);
    }
    expect(stateTo(events, 'listener', 'LISTEN')).toHaveLength(0);
  });

  it('two-way-handshake: a stale SYN makes the server ESTABLISHED and accept() return; a RST follows', () => {
    const { at, before, after } = shown('two-way-handshake');
    expect(apps(before, 'client').map((e) => `${e.call}:${e.result}`)).toEqual([
      'connect:ETIMEDOUT',
    ]);
    expect(stateTo(at, 'server', 'ESTABLISHED')).toHaveLength(1);
    expect(apps(at, 'server').map((e) => `${e.call}:${e.result}`)).toEqual(['accept:ok']);
    expect(sends(after, 'client').map((e) => e.flags.join(','))).toEqual(['RST']);
    expect(stateTo(after, 'server', 'CLOSED')[0]?.from).toBe('ESTABLISHED');
  });

  it('closed-port: RST+ACK acknowledging the SYN, then ECONNREFUSED and no retry', () => {
    const { at, before, after, events } = shown('closed-port');
    const syn = sends(before, 'client')[0]!;
    const rst = sends(at, 'server')[0]!;
    expect(rst.flags).toEqual(['RST', 'ACK']);
    expect(rst.ack).toBe(syn.seq + 1);
    expect(apps(after, 'client').map((e) => `${e.call}:${e.result}`)).toEqual([
      'connect:ECONNREFUSED',
    ]);
    expect(sends(events, 'client')).toHaveLength(1);
  });

  it('abort: one RST, ESTABLISHED → CLOSED at once, and the server’s next send gets ECONNRESET', () => {
    const { at, after, events } = shown('abort');
    expect(sends(at, 'client').map((e) => e.flags.join(','))).toEqual(['RST']);
    expect(stateTo(at, 'client', 'CLOSED')[0]?.from).toBe('ESTABLISHED');
    expect(stateTo(after, 'server', 'CLOSED')[0]?.from).toBe('ESTABLISHED');
    expect(apps(after, 'server').map((e) => `${e.call}:${e.result}`)).toEqual(['send:ECONNRESET']);
    expect(sends(events).some((e) => has(e, 'FIN'))).toBe(false);
    expect(stateTo(events, 'client', 'TIME_WAIT')).toHaveLength(0);
  });

  it('has a moment for every lesson in the list', () => {
    expect(LESSONS.every((l) => l.watch.rule.length > 0)).toBe(true);
  });
});
