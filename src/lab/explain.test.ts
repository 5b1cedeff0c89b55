// Every step of every lesson gets an explanation whose key exists in both locales, whose
// placeholders are all filled, and every SendReason has its own explanation.
import { describe, expect, it } from 'vitest';
import type { SendEvent, SendReason, TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { explain as enExplain } from '../i18n/locales/en/explain';
import { explain as zhExplain } from '../i18n/locales/zh-CN/explain';
import { LESSONS } from '../scenarios/all';
import { type LessonId } from '../scenarios';
import {
  ExplainContext,
  explainRun,
  explainSend,
  explainStep,
  renderExplanation,
  type ExplainKey,
  type Explanation,
} from './explain';
import { runWithCauses } from './run';

const LOCALES = { en: { explain: enExplain }, zh: { explain: zhExplain } };

function translator(dict: unknown) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict);
    if (typeof text !== 'string') throw new Error(`missing key ${key}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`${key}: no value for {${name}}`);
      return String(params[name]);
    });
  };
}

function lessonRun(id: LessonId) {
  const lesson = LESSONS.find((l) => l.id === id);
  const parsed = parseScenario(lesson?.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  const run = runWithCauses(parsed.scenario);
  return { run, explanations: explainRun(run.events, run.causeStarts) };
}

const ALL = LESSONS.map((l) => ({ id: l.id, ...lessonRun(l.id) }));

function stepEvents(events: readonly TraceEvent[], starts: readonly number[], i: number) {
  return events.slice(starts[i], starts[i + 1] ?? events.length);
}

describe('explainStep on every lesson', () => {
  it.each(ALL.map((a) => a.id))(
    '%s: one explanation per step, rendered in both languages',
    (id) => {
      const entry = ALL.find((a) => a.id === id);
      if (!entry) throw new Error(id);
      const { run, explanations } = entry;
      expect(explanations).toHaveLength(run.causeStarts.length);
      for (const [lang, dict] of Object.entries(LOCALES)) {
        const t = translator(dict);
        explanations.forEach((e, i) => {
          const text = renderExplanation(e, t);
          expect(text.length, `${lang} step ${i + 1}`).toBeGreaterThan(0);
          expect(text).not.toMatch(/\{\w+\}/);
          expect(e.rfc).toMatch(/^(\d+(\.\d+)*|RFC \d+.*)$/);
        });
      }
    },
  );

  it('gives every step with a state change or a segment a specific explanation', () => {
    for (const { id, run, explanations } of ALL) {
      explanations.forEach((e, i) => {
        const events = stepEvents(run.events, run.causeStarts, i);
        const busy = events.some((ev) => ev.type === 'state' || ev.type === 'send');
        if (busy)
          expect(['other.nothing', 'arrive.nothing'], `${id} step ${i + 1}`).not.toContain(e.key);
      });
    }
  });

  it('explains every segment sent in every lesson by its reason, in both languages', () => {
    const seen = new Set<SendReason>();
    for (const { run } of ALL) {
      const context = new ExplainContext();
      for (const event of run.events) {
        if (event.type === 'send') {
          const e = explainSend(event, context);
          expect(e.key).toBe(`send.${event.reason}`);
          for (const dict of Object.values(LOCALES)) renderExplanation(e, translator(dict));
          seen.add(event.reason);
        }
        context.add(event);
      }
    }
    expect(seen.size).toBeGreaterThan(8);
  });

  it('has an explanation for every SendReason', () => {
    const reasons: SendReason[] = [
      'active-open',
      'passive-open',
      'simultaneous-open',
      'handshake-ack',
      'data',
      'ack',
      'delayed-ack',
      'fin',
      'retransmit',
      'dup-ack',
      'challenge-ack',
      'rst-closed',
      'rst-listen',
      'rst-bad-ack',
      'rst-orphan-data',
      'rst-syn-in-window',
      'abort',
      'injected',
    ];
    for (const reason of reasons) {
      const send: SendEvent = {
        t: 0,
        type: 'send',
        id: 1,
        who: 'client',
        flags: ['ACK'],
        seq: 1,
        ack: 1,
        len: 0,
        window: 65535,
        retransmission: false,
        reason,
      };
      const e = explainSend(send, new ExplainContext());
      expect(e.rfc).not.toBe('');
      for (const dict of Object.values(LOCALES)) {
        expect(renderExplanation(e, translator(dict))).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('agrees with explainStep given the events before the step', () => {
    const { run, explanations } = lessonRun('lost-final-ack');
    run.causeStarts.forEach((start, i) => {
      const context = ExplainContext.from(run.events.slice(0, start));
      expect(explainStep(stepEvents(run.events, run.causeStarts, i), context)).toEqual(
        explanations[i],
      );
    });
  });
});

describe('the key moments of each lesson', () => {
  const keys = (id: LessonId): ExplainKey[] =>
    (ALL.find((a) => a.id === id)?.explanations ?? []).map((e: Explanation) => e.key);

  it.each<[LessonId, ExplainKey[]]>([
    [
      'client-closes-first',
      [
        'app.listen',
        'app.connect',
        'arrive.synListen',
        'arrive.synAck',
        'arrive.handshakeAck',
        'app.closeActive',
        'arrive.fin',
        'arrive.ackOfFin',
        'app.closePassive',
        'arrive.finTimeWait',
        'arrive.lastAck',
        'timer.timeWait',
      ],
    ],
    ['half-close', ['app.shutdown', 'arrive.fin', 'arrive.data', 'app.closePassive']],
    ['delayed-ack-close', ['arrive.finDelayedAckClose', 'arrive.finTimeWait']],
    ['simultaneous-close', ['arrive.finSimultaneous', 'arrive.ackOfFinClosing']],
    ['lost-syn', ['drop.fault', 'timer.retransmitSyn', 'arrive.synListen']],
    [
      'lost-syn-ack',
      ['drop.fault', 'timer.retransmitSyn', 'timer.retransmitSynAck', 'arrive.synAgain'],
    ],
    ['lost-final-ack', ['drop.ackFault', 'timer.retransmitFin', 'arrive.finAgainTimeWait']],
    [
      'no-time-wait',
      [
        'arrive.finNoTimeWait',
        'timer.retransmitFin',
        'arrive.finNoConnection',
        'arrive.rstWhileClosing',
      ],
    ],
    [
      'reuse-with-time-wait',
      ['app.connectInUse', 'arrive.oldNoConnection', 'arrive.rstTimeWait', 'app.sendFailed'],
    ],
    [
      'reuse-without-time-wait',
      [
        'app.sendMany',
        'arrive.outOfOrder',
        'app.connectReuse',
        'arrive.oldDataAccepted',
        'arrive.dataDuplicate',
        'timer.giveUp',
      ],
    ],
    ['simultaneous-open', ['arrive.synSimultaneous', 'arrive.synAckSimultaneous']],
    [
      'two-way-handshake',
      [
        'timer.connectTimeout',
        'arrive.synListenTwoWay',
        'arrive.synAckNoConnection',
        'arrive.rstReset',
      ],
    ],
    ['closed-port', ['arrive.synClosedPort', 'arrive.rstRefused']],
    ['abort', ['app.abort', 'arrive.rstReset', 'app.sendFailed']],
  ])('%s', (id, expected) => {
    const got = keys(id);
    for (const key of expected) expect(got, key).toContain(key);
  });

  it('numbers are relative: the old segment is explained in its own connection’s numbers', () => {
    const entry = ALL.find((a) => a.id === 'reuse-without-time-wait');
    const old = entry?.explanations.find((e) => e.key === 'arrive.oldDataAccepted');
    expect(old?.params).toMatchObject({ who: 'server', peer: 'client', seq: 8761, len: 1460 });
    // The new connection's ISN is 10500: the server acknowledges up to 11221, i.e. 721 relative.
    expect(old?.params.replyAck).toBe(721);
  });
});
