// Every lesson is a valid scenario, and each one shows what its title promises: the key states and
// segments are checked against the engine's trace.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/engine';
import type {
  AppEvent,
  DeliverEvent,
  Scenario,
  SendEvent,
  Side,
  SocketOwner,
  StateEvent,
  TcpState,
  TimerEvent,
  Trace,
  TraceEvent,
} from '../engine/types';
import { parseScenario } from '../engine/validate';
import { answers } from '../i18n/locales/en/answers';
import { LESSONS, lessonById } from './all';
import {
  DEFAULT_LESSON_ID,
  LESSON_FOR_ANSWER,
  LESSON_IDS,
  isLessonId,
  type LessonId,
} from './index';

function scenarioOf(id: LessonId): Scenario {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const parsed = parseScenario(lesson.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

const traces = new Map<LessonId, Trace>();
function run(id: LessonId): Trace {
  let trace = traces.get(id);
  if (!trace) {
    trace = runScenario(scenarioOf(id));
    traces.set(id, trace);
  }
  return trace;
}

const sends = (t: Trace, who?: Side): SendEvent[] =>
  t.events.filter((e): e is SendEvent => e.type === 'send' && (who === undefined || e.who === who));
/** A socket's states, from the one its first change leaves (the server's connections start from LISTEN). */
const states = (t: Trace, who: SocketOwner): TcpState[] => {
  const changes = t.events.filter((e): e is StateEvent => e.type === 'state' && e.who === who);
  return [changes[0]?.from ?? 'CLOSED', ...changes.map((e) => e.to)];
};
/** The same states as one line, "CLOSED → SYN_SENT → …", as the lessons' titles write them. */
const path = (t: Trace, who: SocketOwner): string => states(t, who).join(' → ');
const apps = (t: Trace, who: SocketOwner): string[] =>
  t.events
    .filter((e): e is AppEvent => e.type === 'app' && e.who === who)
    .map((e) => `${e.call}:${e.result}`);
const timers = (t: Trace, who: Side, timer: TimerEvent['timer'], action: TimerEvent['action']) =>
  t.events.filter(
    (e): e is TimerEvent =>
      e.type === 'timer' && e.who === who && e.timer === timer && e.action === action,
  );
const flagsOf = (e: SendEvent): string => e.flags.filter((f) => f !== 'PSH').join(',');
/** Non-pure-ACK segments of one side, as "FLAGS" or "FLAGS/len" strings. */
const wire = (t: Trace, who: Side): string[] =>
  sends(t, who)
    .filter((e) => e.len > 0 || e.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST'))
    .map((e) => (e.len > 0 ? `${flagsOf(e)}/${e.len}` : flagsOf(e)));
const deliveryOf = (t: Trace, id: number): DeliverEvent[] =>
  t.events.filter((e): e is DeliverEvent => e.type === 'deliver' && e.id === id);
const indexOf = (t: Trace, pred: (e: TraceEvent) => boolean): number => t.events.findIndex(pred);

describe('the lesson list', () => {
  it('has unique ids, a default among them and an entry per id', () => {
    expect(new Set(LESSON_IDS).size).toBe(LESSON_IDS.length);
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
    expect(isLessonId(DEFAULT_LESSON_ID)).toBe(true);
    expect(lessonById('nope')).toBeUndefined();
    expect(isLessonId('nope')).toBe(false);
  });

  it('links every answer card to a lesson that names it', () => {
    for (const answer of Object.keys(answers) as (keyof typeof answers)[]) {
      const lesson = lessonById(LESSON_FOR_ANSWER[answer]);
      expect(lesson?.answers, answer).toContain(answer);
    }
  });

  it.each(LESSON_IDS)('%s validates, has a title and description, and runs to an end', (id) => {
    const lesson = lessonById(id);
    const parsed = parseScenario(lesson?.scenario);
    expect(parsed.ok ? '' : parsed.error).toBe('');
    if (!parsed.ok) return;
    expect(parsed.scenario.title).toBeTruthy();
    expect(parsed.scenario.description).toBeTruthy();
    expect(parsed.scenario.client?.isn).toBe(1000);
    expect(parsed.scenario.server?.isn).toBe(5000);
    expect(run(id).events.length).toBeGreaterThan(0);
  });

  it.each(LESSON_IDS)('%s: a listener stays in LISTEN to the end (nothing closes it)', (id) => {
    const t = run(id);
    const listens = scenarioOf(id).actions.some((a) => a.do === 'listen');
    expect(t.final.listener).toBe(listens ? 'LISTEN' : 'CLOSED');
    expect(states(t, 'listener')).toEqual(listens ? ['CLOSED', 'LISTEN'] : ['CLOSED']);
  });
});

describe('each lesson shows what it promises', () => {
  it('client-closes-first: FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT on the client, CLOSE_WAIT → LAST_ACK on the server', () => {
    const t = run('client-closes-first');
    expect(path(t, 'client')).toBe(
      'CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT → CLOSED',
    );
    expect(path(t, 'server')).toBe(
      'LISTEN → SYN_RCVD → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED',
    );
    expect(wire(t, 'client')).toEqual(['SYN', 'ACK/5', 'FIN,ACK']);
    expect(wire(t, 'server')).toEqual(['SYN,ACK', 'FIN,ACK']);
    const [set] = timers(t, 'client', 'time-wait', 'set');
    const [fire] = timers(t, 'client', 'time-wait', 'fire');
    expect((fire?.t ?? 0) - (set?.t ?? 0)).toBe(240_000); // 2·MSL, MSL = 2 min
  });

  it('server-closes-first: the server is the one in TIME_WAIT', () => {
    const t = run('server-closes-first');
    expect(path(t, 'server')).toBe(
      'LISTEN → SYN_RCVD → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT → CLOSED',
    );
    expect(states(t, 'client')).toContain('CLOSE_WAIT');
    expect(states(t, 'client')).toContain('LAST_ACK');
    expect(states(t, 'client')).not.toContain('TIME_WAIT');
    expect(wire(t, 'server')).toEqual(['SYN,ACK', 'ACK/20', 'FIN,ACK']);
  });

  it('half-close: the server sends data after the client’s FIN, and the client acknowledges it', () => {
    const t = run('half-close');
    expect(apps(t, 'client')).toContain('shutdown:ok');
    const clientFin = sends(t, 'client').find((e) => e.flags.includes('FIN'));
    const lateData = sends(t, 'server').filter((e) => e.len > 0);
    expect(lateData.map((e) => e.len)).toEqual([100, 50]);
    for (const data of lateData) expect(data.t).toBeGreaterThan(clientFin?.t ?? Infinity);
    // The client, in FIN_WAIT_2, acknowledges all 150 bytes (5001 + 150 = 5151).
    const acks = sends(t, 'client').map((e) => e.ack);
    expect(acks).toContain(5151);
    expect(path(t, 'server')).toBe(
      'LISTEN → SYN_RCVD → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED',
    );
    expect(states(t, 'client')).toContain('TIME_WAIT');
  });

  it('lost-syn: the SYN is dropped and retransmitted after 1 s; the next RTO is 3 s', () => {
    const t = run('lost-syn');
    const syns = sends(t, 'client').filter((e) => e.flags.includes('SYN'));
    expect(syns.map((e) => [e.t, e.retransmission])).toEqual([
      [150, false],
      [1150, true],
    ]);
    expect(t.events).toContainEqual(
      expect.objectContaining({ t: 151, type: 'drop', id: syns[0]?.id, reason: 'fault' }),
    );
    expect(apps(t, 'client')).toEqual(['connect:ok', 'send:ok']);
    const dataTimer = timers(t, 'client', 'retransmit', 'set').at(-1);
    expect((dataTimer?.due ?? 0) - (dataTimer?.t ?? 0)).toBe(3000);
    expect(t.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', listener: 'LISTEN' });
  });

  it('lost-syn-ack: both sides retransmit; the server answers the repeated SYN with a bare ACK', () => {
    const t = run('lost-syn-ack');
    const synAcks = sends(t, 'server').filter((e) => e.flags.includes('SYN'));
    expect(synAcks.length).toBeGreaterThanOrEqual(2);
    expect(synAcks.slice(1).every((e) => e.retransmission)).toBe(true);
    expect(
      sends(t, 'client').filter((e) => e.flags.includes('SYN') && e.retransmission),
    ).toHaveLength(1);
    expect(t.events.some((e) => e.type === 'drop' && e.id === synAcks[0]?.id)).toBe(true);
    // RFC 9293: the repeated SYN is below the window, so it draws an ACK, not a SYN+ACK.
    const answer = sends(t, 'server').find((e) => e.why.rule === 'duplicate-syn');
    expect(answer?.flags).toEqual(['ACK']);
    expect(t.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', listener: 'LISTEN' });
  });

  it('lost-final-ack: the server’s FIN is sent twice, and the client’s TIME_WAIT timer is set twice', () => {
    const t = run('lost-final-ack');
    const fins = sends(t, 'server').filter((e) => e.flags.includes('FIN'));
    expect(fins).toHaveLength(2);
    expect(fins[1]?.retransmission).toBe(true);
    expect(fins[1]?.reason).toBe('retransmit');
    expect(fins[1]?.seq).toBe(fins[0]?.seq);
    // The retransmission goes out from LAST_ACK.
    const lastAck = indexOf(
      t,
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'LAST_ACK',
    );
    const closed = indexOf(
      t,
      (e) => e.type === 'state' && e.who === 'server' && e.from === 'LAST_ACK',
    );
    const rtx = indexOf(t, (e) => e.type === 'send' && e.id === fins[1]?.id);
    expect(lastAck).toBeLessThan(rtx);
    expect(rtx).toBeLessThan(closed);
    // The first ACK of the FIN is dropped, the second one (sent from TIME_WAIT) arrives.
    const finAcks = sends(t, 'client').filter((e) => e.ack === 5002 && e.len === 0);
    expect(finAcks).toHaveLength(2);
    expect(t.events.some((e) => e.type === 'drop' && e.id === finAcks[0]?.id)).toBe(true);
    expect(deliveryOf(t, finAcks[1]?.id ?? -1)).toHaveLength(1);
    const sets = timers(t, 'client', 'time-wait', 'set');
    expect(sets).toHaveLength(2);
    expect(sets[1]?.t).toBe(deliveryOf(t, fins[1]?.id ?? -1)[0]?.t);
    expect(timers(t, 'client', 'time-wait', 'fire')).toHaveLength(1);
    expect(t.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('no-time-wait: the client forgets at once, and the retransmitted FIN meets RST', () => {
    const t = run('no-time-wait');
    expect(states(t, 'client')).not.toContain('TIME_WAIT');
    expect(t.events).toContainEqual(
      expect.objectContaining({ type: 'state', who: 'client', from: 'FIN_WAIT_2', to: 'CLOSED' }),
    );
    const fins = sends(t, 'server').filter((e) => e.flags.includes('FIN'));
    expect(fins).toHaveLength(2);
    const rst = sends(t, 'client').find((e) => e.flags.includes('RST'));
    expect(rst?.reason).toBe('rst-closed');
    expect(rst?.t).toBe(deliveryOf(t, fins[1]?.id ?? -1)[0]?.t);
    expect(t.events).toContainEqual(
      expect.objectContaining({ type: 'state', who: 'server', from: 'LAST_ACK', to: 'CLOSED' }),
    );
  });

  it('reuse-with-time-wait: connect from the same port fails with EADDRINUSE; the stray segment meets no connection', () => {
    const t = run('reuse-with-time-wait');
    // The send after the failed connect waits for a connection that never opens: it never runs.
    expect(apps(t, 'client')).toEqual(['connect:ok', 'send:ok', 'close:ok', 'connect:EADDRINUSE']);
    const refused = indexOf(t, (e) => e.type === 'app' && e.result === 'EADDRINUSE');
    const twStart = indexOf(
      t,
      (e) => e.type === 'state' && e.who === 'client' && e.to === 'TIME_WAIT',
    );
    const twEnd = indexOf(
      t,
      (e) => e.type === 'state' && e.who === 'client' && e.from === 'TIME_WAIT',
    );
    expect(twStart).toBeLessThan(refused);
    expect(refused).toBeLessThan(twEnd);
    const delayed = t.events.find(
      (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
    );
    expect(delayed).toBeDefined();
    // It arrives while the client is still in TIME_WAIT; the server has no connection for it.
    expect(t.events.indexOf(delayed as TraceEvent)).toBeLessThan(twEnd);
    const answer = sends(t, 'server').find((e) => e.t === delayed?.t && e.flags.includes('RST'));
    expect(answer?.reason).toBe('rst-listen');
    // The client, in TIME_WAIT, ignores the RST: its state does not change when it arrives.
    const rstArrival = deliveryOf(t, answer?.id ?? -1)[0];
    expect(rstArrival?.t).toBeLessThan(t.events[twEnd]?.t ?? 0);
    // Only one connection ever existed: one SYN from the client.
    expect(sends(t, 'client').filter((e) => e.flags.includes('SYN'))).toHaveLength(1);
    expect(t.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('reuse-timestamps: Linux takes over the TIME_WAIT connection at old SND.NXT + 65537, and PAWS discards the stray segment', () => {
    const t = run('reuse-timestamps');
    expect(apps(t, 'client')).toEqual([
      'connect:ok',
      'send:ok',
      'close:ok',
      'connect:ok',
      'send:ok',
    ]);
    const syns = sends(t, 'client').filter((e) => e.flags.includes('SYN'));
    expect(syns).toHaveLength(2);
    // Reconnected from TIME_WAIT: the old connection was still there when the new SYN went out.
    expect(states(t, 'client')).toContain('TIME_WAIT');
    const twEnter = t.events.find(
      (e): e is StateEvent => e.type === 'state' && e.who === 'client' && e.to === 'TIME_WAIT',
    );
    expect(twEnter?.t).toBeLessThan(syns[1]?.t ?? 0);
    // Both SYNs carry timestamps: that is what lets Linux take the connection over.
    for (const syn of syns) expect(syn.options?.map((o) => o.kind)).toContain('timestamps');
    const oldFin = sends(t, 'client').find(
      (e) => e.flags.includes('FIN') && e.t < (syns[1]?.t ?? 0),
    );
    const oldSndNxt = (oldFin?.seq ?? 0) + (oldFin?.len ?? 0) + 1;
    expect(syns[1]?.seq).toBe((oldSndNxt + 65537) % 2 ** 32);
    // The stray segment of the first connection arrives in the second one and PAWS discards it.
    const stray = t.events.find(
      (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
    );
    const old = sends(t, 'client').find((e) => e.id === stray?.id);
    expect(old?.t).toBeLessThan(syns[1]?.t ?? 0);
    expect(stray?.discarded).toBe('paws');
    const accepted = t.events.filter(
      (e) => e.type === 'app' && e.who === 'server' && e.call === 'accept',
    );
    expect(accepted).toHaveLength(2);
    expect(stray?.t).toBeGreaterThan(accepted[1]?.t ?? Infinity);
    // The new connection's 100 bytes arrive and are acknowledged.
    const data = sends(t, 'client').filter((e) => e.t > (syns[1]?.t ?? 0) && e.len > 0);
    expect(data.map((e) => e.len)).toEqual([100]);
    const newIsn = syns[1]?.seq ?? 0;
    expect(sends(t, 'server').some((e) => e.ack === (newIsn + 101) % 2 ** 32)).toBe(true);
  });

  it('reuse-without-time-wait: with no protection, the old data segment is accepted into the second connection', () => {
    const t = run('reuse-without-time-wait');
    expect(apps(t, 'client').slice(0, 4)).toEqual([
      'connect:ok',
      'send:ok',
      'close:ok',
      'connect:ok',
    ]);
    const syns = sends(t, 'client').filter((e) => e.flags.includes('SYN'));
    expect(syns).toHaveLength(2);
    const newIsn = syns[1]?.seq ?? 0;
    const delivered = t.events.find(
      (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
    );
    const old = sends(t, 'client').find((e) => e.id === delivered?.id);
    if (!old || !delivered) throw new Error('no delayed segment');
    expect(delivered.discarded).toBeUndefined();
    // It belongs to the first connection (sent before the second SYN)...
    expect(old.t).toBeLessThan(syns[1]?.t ?? 0);
    expect(old.len).toBeGreaterThan(0);
    // ...and arrives once the second connection is ESTABLISHED on the server...
    const established = t.events.filter(
      (e): e is StateEvent => e.type === 'state' && e.who === 'server' && e.to === 'ESTABLISHED',
    );
    expect(established).toHaveLength(2);
    expect(delivered.t).toBeGreaterThan(established[1]?.t ?? Infinity);
    // ...inside the new receive window: its bytes cover the next expected byte, ISN + 1.
    expect(old.seq).toBeLessThanOrEqual(newIsn + 1);
    expect(old.seq + old.len).toBeGreaterThan(newIsn + 1);
    // The server's acknowledgement advances over it: bytes the client never sent on this connection.
    const answer = sends(t, 'server').find((e) => e.t === delivered.t);
    expect(answer?.ack).toBe(old.seq + old.len);
    expect(answer?.ack).toBeGreaterThan(newIsn + 1);
    // The client's real data is then discarded as a duplicate, again and again, until it gives up.
    const realData = sends(t, 'client').filter((e) => e.t > delivered.t && e.len > 0);
    expect(realData.length).toBeGreaterThan(1);
    for (const data of realData) expect(data.seq).toBe(newIsn + 1);
    expect(
      sends(t, 'server')
        .filter((e) => e.t > delivered.t)
        .every((e) => e.ack === answer?.ack),
    ).toBe(true);
    expect(t.final).toEqual({ client: 'CLOSED', server: 'ESTABLISHED', listener: 'LISTEN' });
  });

  it('simultaneous-open: both SYN_SENT → SYN_RCVD → ESTABLISHED, four segments, nobody listens', () => {
    const t = run('simultaneous-open');
    for (const side of ['client', 'server'] as const) {
      expect(states(t, side)).toEqual(['CLOSED', 'SYN_SENT', 'SYN_RCVD', 'ESTABLISHED']);
      expect(wire(t, side)).toEqual(['SYN', 'SYN,ACK']);
      expect(apps(t, side)).toEqual(['connect:ok']);
    }
    expect(sends(t).filter((e) => e.reason === 'simultaneous-open')).toHaveLength(2);
  });

  it('simultaneous-close: both FIN_WAIT_1 → CLOSING → TIME_WAIT', () => {
    const t = run('simultaneous-close');
    for (const side of ['client', 'server'] as const) {
      const s = states(t, side);
      expect(s.slice(s.indexOf('FIN_WAIT_1'))).toEqual([
        'FIN_WAIT_1',
        'CLOSING',
        'TIME_WAIT',
        'CLOSED',
      ]);
    }
    // The FINs cross: each is sent before the other arrives.
    const [cFin] = sends(t, 'client').filter((e) => e.flags.includes('FIN'));
    const [sFin] = sends(t, 'server').filter((e) => e.flags.includes('FIN'));
    expect(sFin?.t).toBeLessThan(deliveryOf(t, cFin?.id ?? -1)[0]?.t ?? 0);
  });

  it('closed-port: the SYN meets RST+ACK and connect fails with ECONNREFUSED', () => {
    const t = run('closed-port');
    const rst = sends(t, 'server')[0];
    expect(rst?.flags).toEqual(['RST', 'ACK']);
    expect(rst?.reason).toBe('rst-closed');
    expect(rst?.ack).toBe(1001);
    expect(apps(t, 'client')).toEqual(['connect:ECONNREFUSED']);
    expect(states(t, 'client')).toEqual(['CLOSED', 'SYN_SENT', 'CLOSED']);
    expect(states(t, 'server')).toEqual(['CLOSED']);
  });

  it('abort: RST instead of FIN; no TIME_WAIT; the server’s next send fails with ECONNRESET', () => {
    const t = run('abort');
    expect(wire(t, 'client')).toEqual(['SYN', 'ACK/5', 'RST']);
    expect(sends(t, 'client').at(-1)?.reason).toBe('abort');
    expect(states(t, 'client')).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'CLOSED']);
    expect(states(t, 'server').slice(-2)).toEqual(['ESTABLISHED', 'CLOSED']);
    expect(apps(t, 'server')).toEqual(['accept:ok', 'send:ECONNRESET']);
    expect(apps(t, 'listener')).toEqual(['listen:ok']);
    expect(sends(t).some((e) => e.flags.includes('FIN'))).toBe(false);
  });

  it('two-way-handshake: an old SYN makes the server ESTABLISHED for a connection the client never made', () => {
    const t = run('two-way-handshake');
    expect(apps(t, 'client')).toEqual(['connect:ETIMEDOUT']);
    const giveUp = t.events.find((e) => e.type === 'app' && e.who === 'client');
    const syn = sends(t, 'client').find((e) => e.flags.includes('SYN'));
    const [arrival] = deliveryOf(t, syn?.id ?? -1);
    expect(arrival?.delayedMs).toBe(2000);
    expect(arrival?.t).toBeGreaterThan(giveUp?.t ?? Infinity);
    // The server goes straight on to ESTABLISHED after its SYN+ACK, with the client CLOSED.
    expect(states(t, 'server')).toEqual(['LISTEN', 'SYN_RCVD', 'ESTABLISHED', 'CLOSED']);
    expect(apps(t, 'server')).toEqual(['accept:ok']);
    const phantom = indexOf(
      t,
      (e) => e.type === 'state' && e.who === 'server' && e.to === 'ESTABLISHED',
    );
    expect(t.events[phantom]?.t).toBe(arrival?.t);
    expect(states(t, 'client')).toEqual(['CLOSED', 'SYN_SENT', 'CLOSED']);
    // The SYN+ACK reaches a client with no connection, which answers RST.
    const rst = sends(t, 'client').find((e) => e.flags.includes('RST'));
    expect(rst?.reason).toBe('rst-closed');
  });

  it('delayed-ack-close: three segments, the server’s FIN carrying the delayed ACK', () => {
    const t = run('delayed-ack-close');
    const clientFin = sends(t, 'client').find((e) => e.flags.includes('FIN'));
    const fromFin = t.events.filter(
      (e): e is SendEvent => e.type === 'send' && e.t >= (clientFin?.t ?? Infinity),
    );
    expect(fromFin.map((e) => flagsOf(e))).toEqual(['FIN,ACK', 'FIN,ACK', 'ACK']);
    expect(fromFin[1]?.who).toBe('server');
    expect(fromFin[1]?.ack).toBe((clientFin?.seq ?? 0) + 1);
    // The ACK was held back by the delayed-ACK timer, which the FIN made unnecessary.
    expect(timers(t, 'server', 'delayed-ack', 'set').at(-1)?.t).toBe(
      deliveryOf(t, clientFin?.id ?? -1)[0]?.t,
    );
    expect(timers(t, 'server', 'delayed-ack', 'cancel').length).toBeGreaterThan(0);
    expect(states(t, 'server').slice(-3)).toEqual(['CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    const [set] = timers(t, 'client', 'time-wait', 'set');
    expect((set?.due ?? 0) - (set?.t ?? 0)).toBe(60_000); // Linux: 60 s
  });
});
