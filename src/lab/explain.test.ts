// Every step of every lesson gets an explanation whose key exists in both locales, whose
// placeholders are all filled, and every SendReason has its own explanation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SendReason, TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { formatDuration, loadLocale, type Locale } from '../i18n';
import { explain as enExplain } from '../i18n/locales/en/explain';
import { explain as zhExplain } from '../i18n/locales/zh-CN/explain';
import { LESSONS } from '../scenarios/all';
import { type LessonId } from '../scenarios';
import { deriveRun } from './derive';
import { explainerFor, explainRun, renderExplanation } from './explain';
import type { ExplainKey, Explanation } from './explain/explanation';
import { explainSend } from './explain/send';
import { runWithCauses } from './run';
import { describeSegments } from './segments';
import { buildSteps } from './steps';
import type { SegmentInfo } from './types';

const LOCALES = {
  en: { locale: 'en', dict: { explain: enExplain } },
  zh: { locale: 'zh-CN', dict: { explain: zhExplain } },
} as const satisfies Record<string, { locale: Locale; dict: unknown }>;

beforeAll(async () => {
  await loadLocale('zh-CN');
});

/** The explanation in a locale's words, every placeholder required to have a value. */
function render(e: Explanation, lang: keyof typeof LOCALES): string {
  const { locale, dict } = LOCALES[lang];
  return renderExplanation(e, translator(dict), (ms) => formatDuration(ms, locale));
}

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
      for (const lang of ['en', 'zh'] as const) {
        explanations.forEach((e, i) => {
          const text = render(e, lang);
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
      for (const seg of describeSegments(run, buildSteps(run))) {
        const e = explainSend(seg);
        expect(e.key).toBe(`send.${seg.reason}`);
        expect(e.params).toMatchObject({ seq: seg.relSeq, ack: seg.relAck ?? 0 });
        for (const lang of ['en', 'zh'] as const) expect(render(e, lang)).not.toMatch(/\{\w+\}/);
        seen.add(seg.reason);
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
      'loss-probe',
      'paws-ack',
      'injected',
    ];
    // A real segment, its reason swapped: every reason must have words whatever it was.
    const { run } = ALL[0]!;
    const [sample] = describeSegments(run, buildSteps(run));
    if (!sample) throw new Error('no segment');
    for (const reason of reasons) {
      const seg: SegmentInfo = { ...sample, reason };
      const e = explainSend(seg);
      expect(e.rfc).not.toBe('');
      for (const lang of ['en', 'zh'] as const) expect(render(e, lang)).not.toMatch(/\{\w+\}/);
    }
  });

  it('explains a step from the run up to it: a run cut after it explains it the same', () => {
    for (const { run, explanations } of ALL) {
      run.causeStarts.forEach((_, i) => {
        const end = run.causeStarts[i + 1] ?? run.events.length;
        const cut = explainRun(run.events.slice(0, end), run.causeStarts.slice(0, i + 1));
        expect(cut.at(-1), `step ${i + 1}`).toEqual(explanations[i]);
      });
    }
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
        'arrive.synNewSocket',
        'arrive.synAck',
        'arrive.handshakeAckAccepted',
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
    ['lost-syn', ['drop.fault', 'timer.retransmitSyn', 'arrive.synNewSocket']],
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
    ['reuse-with-time-wait', ['app.connectInUse', 'arrive.oldNoConnection', 'arrive.outOfWindow']],
    [
      'reuse-without-time-wait',
      [
        'app.sendMany',
        'arrive.outOfOrder',
        'app.connectReuseWhatIf',
        'arrive.synNewSocket',
        'arrive.oldDataAccepted',
        'arrive.outOfWindowAcked',
        'timer.giveUp',
      ],
    ],
    [
      'reuse-timestamps',
      ['timer.lossProbe', 'app.connectTakeover', 'arrive.synNewSocket', 'arrive.pawsAcked'],
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
    // The new connection's ISN is 10000: the server acknowledges up to 11221, i.e. 1221 relative.
    expect(old?.params.replyAck).toBe(1221);
  });
});

describe('durations in the explanations', () => {
  const timerStep = (id: LessonId, key: ExplainKey) => {
    const found = ALL.find((a) => a.id === id)?.explanations.find((e) => e.key === key);
    if (!found) throw new Error(`${id}: no ${key}`);
    return found;
  };

  it('words the new timeout and 2·MSL with the shared formatter, in each language', () => {
    const rtx = timerStep('lost-syn', 'timer.retransmitSyn');
    expect(rtx.params.rto).toEqual({ ms: 2000 });
    expect(render(rtx, 'en')).toContain('doubles its timeout to 2 s (exponential backoff)');
    expect(render(rtx, 'zh')).toContain('把超时时间加倍为 2 秒');
    const timeWait = timerStep('client-closes-first', 'timer.timeWait');
    expect(render(timeWait, 'en')).toMatch(/^2·MSL \(240 s\) have passed/);
    expect(render(timeWait, 'zh')).toContain('2MSL（240 秒）');
  });

  it('hands the formatter the milliseconds and puts its words in place', () => {
    const rtx = timerStep('lost-syn', 'timer.retransmitSyn');
    const text = renderExplanation(rtx, translator(LOCALES.en.dict), (ms) => `<${ms}>`);
    expect(text).toContain('doubles its timeout to <2000>');
  });
});

describe('explainerFor', () => {
  it('says the same with the page’s steps and segments as when it works them out', () => {
    for (const lesson of LESSONS) {
      const parsed = parseScenario(lesson.scenario);
      if (!parsed.ok) throw new Error(parsed.error);
      const run = runWithCauses(parsed.scenario);
      const alone = explainerFor(run);
      const given = explainerFor(run, deriveRun(run));
      for (let step = 0; step <= run.causeStarts.length; step++) {
        expect(given.at(step), `${lesson.id} step ${step}`).toEqual(alone.at(step));
      }
    }
  });
});
