// Explanations are the engine's rules in words: one template per rule id and language, every
// step of every lesson worded in both languages with every placeholder filled, each claim borne
// out by the step's events, and a regression case for each sentence once found wrong.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, type RuleId } from '../engine/rules';
import type { Action, Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { formatDuration, loadLocale, type Locale } from '../i18n';
import { explain as enExplain } from '../i18n/locales/en/explain';
import { explain as zhExplain } from '../i18n/locales/zh-CN/explain';
import { LESSONS } from '../scenarios/all';
import { type LessonId } from '../scenarios';
import { unsupportedClaims } from '../testing/explanationClaims';
import { rulesTable, TABLE_BEGIN, TABLE_END } from '../testing/rulesTable';
import { deriveRun } from './derive';
import { explainerFor, explainRun, renderExplanation, type Numbering } from './explain';
import type { Explanation } from './explain/explanation';
import { at, fixedScenario } from '../testing/scenarios';
import { strictTranslator } from '../testing/words';
import { runWithCauses } from './run';
import type { Run } from './types';
import { finish } from './slices';

const LOCALES = {
  en: { locale: 'en', dict: { explain: enExplain } },
  zh: { locale: 'zh-CN', dict: { explain: zhExplain } },
} as const satisfies Record<string, { locale: Locale; dict: unknown }>;

beforeAll(async () => {
  await loadLocale('zh-CN');
});

/** The explanation in a locale's words, every placeholder required to have a value. */
function render(e: Explanation, lang: keyof typeof LOCALES, numbering: Numbering = 'relative') {
  const { locale, dict } = LOCALES[lang];
  return renderExplanation(e, translator(dict), (ms) => formatDuration(ms, locale), numbering);
}

const translator = strictTranslator;

function runOf(scenario: unknown): Run {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return runWithCauses(parsed.scenario);
}

const ALL = LESSONS.map((l) => {
  const run = runOf(l.scenario);
  return { id: l.id, run, explanations: explainRun(run.events, run.causeStarts) };
});

const lesson = (id: LessonId) => {
  const found = ALL.find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** Every step's English words, with its rules. */
function words(run: Run): { rules: (RuleId | null)[]; text: string }[] {
  return explainRun(run.events, run.causeStarts).map((e) => ({
    rules: e.sentences.map((s) => s.rule),
    text: render(e, 'en'),
  }));
}

const wordsWith = (run: Run, rule: RuleId) => words(run).filter((w) => w.rules.includes(rule));

describe('one template per rule', () => {
  it('has a sentence for every rule id and a rule id for every sentence, in both languages', () => {
    expect(Object.keys(enExplain.rules).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(zhExplain.rules).sort()).toEqual([...RULE_IDS].sort());
  });

  it('uses every phrase somewhere: a phrase no code picks is a sentence with no rule', () => {
    const source = readFileSync(join(import.meta.dirname, 'explain', 'sentences.ts'), 'utf8');
    for (const [group, phrases] of Object.entries(enExplain.facts)) {
      for (const name of Object.keys(phrases)) {
        const key = `${group}.${name}`;
        // `timer.<name>` is picked by timer name, `<group>.${…}` by a computed key.
        const picked =
          source.includes(`'${key}'`) || (group === 'timer' && source.includes('`timer.${'));
        expect(picked, key).toBe(true);
      }
    }
  });

  it('lists every rule with its sentences in both languages in the README, up to date', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(TABLE_BEGIN), readme.indexOf(TABLE_END));
    // Prettier pads the cells: compare them trimmed.
    const cells = (rows: string) =>
      rows
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) =>
          line
            .split(/(?<!\\)\|/)
            .map((c) => c.trim())
            .filter((c) => c !== ''),
        );
    expect(cells(table)).toEqual(cells(rulesTable()));
    expect(cells(table)).toHaveLength(RULE_IDS.length);
  });
});

describe('every step of every lesson', () => {
  it.each(ALL.map((a) => a.id))('%s: worded in both languages and both numberings', (id) => {
    const { run, explanations } = lesson(id);
    expect(explanations).toHaveLength(run.causeStarts.length);
    explanations.forEach((e, i) => {
      for (const lang of ['en', 'zh'] as const) {
        for (const numbering of ['relative', 'absolute'] as const) {
          const text = render(e, lang, numbering);
          expect(text.length, `${lang} step ${i + 1}`).toBeGreaterThan(0);
          expect(text).not.toMatch(/\{\w+\}/);
        }
      }
      // The citation is the deciding rule's own reference.
      const rule = e.rule;
      expect(rule, `${id} step ${i + 1}`).not.toBeNull();
      if (rule !== null) expect(e.rfc ?? e.cite ?? RULES[rule]).toBe(RULES[rule]);
    });
  });

  it('claims nothing the step’s events do not show', () => {
    for (const { id, run, explanations } of ALL) {
      const segments = new Map(deriveRun(run).segments.map((s) => [s.id, s]));
      explanations.forEach((e, i) => {
        const start = run.causeStarts[i]!;
        const events = run.events.slice(start, run.causeStarts[i + 1] ?? run.events.length);
        const before = run.events.slice(0, start);
        expect(
          unsupportedClaims(render(e, 'en'), { events, segments, before }),
          `${id} ${i + 1}`,
        ).toEqual([]);
      });
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

describe('explainerFor on a run of thousands of steps', () => {
  // Losses on a long transfer: duplicate ACKs, retransmission timers and state changes spread
  // over far more steps than the explainer keeps between checkpoints.
  const run = runOf(
    scenario('linux', [at(50, 'client', 'send', { bytes: 2_500_000 })], {
      seed: 11,
      network: { lossRate: 0.03 },
    }),
  );
  const all = explainRun(run.events, run.causeStarts);
  const derived = deriveRun(run);

  it('is long enough to cross several checkpoints', () => {
    expect(all.length).toBeGreaterThan(3000);
  });

  it('gives any step, in any order of jumps and steps, the explanation of the whole run', () => {
    const stepNumber = fc.integer({ min: 1, max: all.length });
    const move = fc.oneof(
      stepNumber,
      fc.constant('next' as const),
      fc.constant('previous' as const),
    );
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 12 }), (moves) => {
        const explainer = explainerFor(run, derived);
        // Half the time the checkpoints are all there first, as the page makes them while idle.
        if (moves.length % 2 === 0) finish(explainer.ahead());
        let step = 1;
        for (const m of moves) {
          step = m === 'next' ? step + 1 : m === 'previous' ? step - 1 : m;
          if (step < 1 || step > all.length) step = 1;
          expect(explainer.at(step)).toEqual(all[step - 1]);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

// ---- sentences once found wrong ----

/** Listen, connect at 10 ms, then `actions`, on `profile` (see fixedScenario), for 300 s. */
function scenario(profile: 'linux' | 'rfc9293', actions: Action[], more: Partial<Scenario> = {}) {
  const open = [at(0, 'server', 'listen'), at(10, 'client', 'connect')];
  return fixedScenario(profile, [...open, ...actions], { until: 300_000, ...more });
}

describe('a partial ACK', () => {
  it.each(['rfc9293', 'linux'] as const)(
    '%s: restarts the timer, as the diagram shows, and never says it stops',
    (profile) => {
      const run = runOf(scenario(profile, [at(50, 'client', 'send', { bytes: 3000 })]));
      const partial = wordsWith(run, 'ack-partial');
      expect(partial.length).toBeGreaterThan(0);
      for (const { text } of partial) {
        expect(text).toMatch(/covers only part of what the client has sent/);
        expect(text).toMatch(/restarts its (retransmission|loss-probe) timer/);
        expect(text).not.toMatch(/stops its/);
      }
      // The last ACK, which covers everything, is the one that stops it.
      expect(wordsWith(run, 'all-acked').at(-1)?.text).toMatch(/stops its/);
    },
  );
});

describe('duplicate ACKs and ACKs of data never sent', () => {
  it('calls one duplicate ACK what it is while data is outstanding', () => {
    const run = runOf(
      scenario('rfc9293', [at(50, 'client', 'send', { bytes: 3000 })], {
        faults: [{ who: 'client', flags: 'ACK', nth: 2, fate: { delayMs: 20 } }],
      }),
    );
    const [dup] = wordsWith(run, 'dup-ack-received');
    expect(dup?.text).toContain('still has data unacknowledged: a duplicate ACK');
    expect(dup?.text).toContain('below the fast-retransmit threshold of three');
    expect(dup?.text).not.toContain('nothing to resend');
  });

  it('says an ACK of something never sent is one, and is dropped', () => {
    const run = runOf(
      scenario('rfc9293', [], {
        inject: [{ at: 50, to: 'client', flags: 'ACK', seq: 1, ack: 500 }],
      }),
    );
    const [unsent] = wordsWith(run, 'ack-of-unsent');
    expect(unsent?.text).toContain('beyond anything the client has sent (SEG.ACK > SND.NXT)');
    expect(unsent?.text).toContain('drops it');
  });
});

describe('a RST in TIME_WAIT', () => {
  /** The client ends in TIME_WAIT; a RST with relative seq `seq` reaches it at 300 ms. */
  const rstInTimeWait = (profile: 'linux' | 'rfc9293', seq: number, more: Partial<Scenario> = {}) =>
    runOf(
      scenario(profile, [at(100, 'client', 'close'), at(200, 'server', 'close')], {
        inject: [{ at: 300, to: 'client', flags: 'RST', seq }],
        ...more,
      }),
    );

  it.each(['rfc9293', 'linux'] as const)('%s: an acceptable RST closes TIME_WAIT', (profile) => {
    const run = rstInTimeWait(profile, 2);
    const [rst] = wordsWith(run, 'rst-in-time-wait');
    expect(rst?.text).toContain('arrives in TIME_WAIT and ends it');
    expect(rst?.text).toContain('default tcp_rfc1337 = 0');
    expect(run.events).toContainEqual(
      expect.objectContaining({ type: 'state', who: 'client', from: 'TIME_WAIT', to: 'CLOSED' }),
    );
  });

  it('a RST outside the window is discarded for that, not for RFC 1337', () => {
    const run = rstInTimeWait('rfc9293', 100_000);
    const texts = words(run).map((w) => w.text);
    expect(texts.some((t) => t.includes('lies outside the client’s receive window'))).toBe(true);
    expect(texts.some((t) => t.includes('RFC 1337'))).toBe(false);
  });

  it('with tcp_rfc1337 = 1 Linux ignores it, and says so', () => {
    const run = rstInTimeWait('linux', 2, { sysctl: { tcp_rfc1337: 1 } });
    expect(wordsWith(run, 'rfc1337-ignore-rst')[0]?.text).toContain('tcp_rfc1337 = 1');
  });
});

describe('segments that find no connection', () => {
  it('does not call a first FIN a retransmission, nor a SYN+ACK a stale connection', () => {
    // The client aborts and its RST is lost: the server's first FIN reaches nobody.
    const run = runOf(
      scenario('rfc9293', [at(100, 'client', 'abort'), at(200, 'server', 'close')], {
        faults: [{ who: 'client', flags: 'RST', nth: 1, fate: 'drop' }],
      }),
    );
    const [noConnection] = wordsWith(run, 'no-connection');
    expect(noConnection?.text).toMatch(/^The FIN\+ACK segment finds no connection at the client/);
    for (const { text } of words(run)) {
      expect(text).not.toMatch(/retransmitted FIN finds no connection/);
      expect(text).not.toMatch(/stale/);
    }
  });
});

describe('a repeated SYN in SYN_RCVD', () => {
  const lostSynAck = (profile: 'linux' | 'rfc9293') =>
    runOf(
      scenario(profile, [], {
        faults: [{ who: 'server', flags: 'SYN,ACK', nth: 1, fate: 'drop' }],
      }),
    );

  it('rfc9293: answered with a bare ACK, cited to RFC 9293', () => {
    const run = lostSynAck('rfc9293');
    const list = explainRun(run.events, run.causeStarts);
    const dup = list.find((e) => e.rule === 'duplicate-syn');
    expect(dup).toMatchObject({ rfc: 'RFC 9293 §3.10.7.4' });
    expect(render(dup!, 'en')).toContain('answers with an ACK');
    expect(render(dup!, 'en')).toContain('Linux and BSD would resend it at once');
    expect(list.some((e) => e.rule === 'syn-repeated')).toBe(false);
  });

  it('linux: the SYN+ACK again at once, cited to the kernel and called Linux and BSD behaviour', () => {
    const run = lostSynAck('linux');
    const dup = explainRun(run.events, run.causeStarts).find((e) => e.rule === 'syn-repeated');
    expect(dup).toMatchObject({ cite: 'linux tcp_check_req()' });
    expect(dup?.rfc).toBeUndefined();
    expect(render(dup!, 'en')).toContain('This is what Linux and BSD do; RFC 9293 answers');
  });

  it('the lost-syn-ack lesson shows the RFC’s answer', () => {
    const rules = lesson('lost-syn-ack').explanations.map((e) => e.rule);
    expect(rules).toContain('duplicate-syn');
  });
});

describe('Chinese words', () => {
  const zhText = JSON.stringify(zhExplain);

  it('uses one term for sequence number, and none of the phrases found wrong', () => {
    expect(zhText).toContain('序列号');
    for (const wrong of [
      '序号',
      '等待 TIME_WAIT 的是另一方',
      '这对端口',
      '越过了一个空缺',
      '礼貌的 FIN',
    ]) {
      expect(zhText).not.toContain(wrong);
    }
  });

  it('joins Chinese sentences without a space after the full stop', () => {
    for (const { explanations } of ALL) {
      for (const e of explanations) expect(render(e, 'zh')).not.toMatch(/[。！？] /);
    }
  });

  it('translates every step of every lesson without English sentences left in', () => {
    for (const { explanations } of ALL) {
      for (const e of explanations) {
        const text = render(e, 'zh');
        // Protocol names, states, flags and kernel names stay; English words do not.
        expect(
          text.replace(
            /TS val|[A-Z_]{2,}[\w+]*|SO_LINGER|l_onoff|l_linger|tcp_\w+|\w+\(\)|RFC \d+|ISN|MSL|SRTT|RTTVAR|mss|sackOK|TS val|ecr|wscale|SEG\.ACK|SND\.NXT|quick-ACK/g,
            '',
          ),
        ).not.toMatch(/\b[a-z]{3,}\b/);
      }
    }
  });
});

describe('numbers', () => {
  it('spells out the sequence arithmetic where it first matters, in the reader’s numbering', () => {
    const { explanations } = lesson('client-closes-first');
    const connect = explanations.find((e) => e.rule === 'active-open')!;
    expect(render(connect, 'en')).toContain('ISN 1000');
    expect(render(connect, 'en')).toContain('ISN + 1, shown as 1');
    expect(render(connect, 'en', 'absolute')).toContain('ISN + 1 = 1001');
    const fin = explanations.find((e) => e.rule === 'fin-received')!;
    expect(render(fin, 'en')).toContain(
      'Like a SYN it takes one sequence number, so the ACK for it is 7',
    );
    expect(render(fin, 'en', 'absolute')).toContain('so the ACK for it is 1007');
  });

  it('words durations with the shared formatter, in each language', () => {
    const { explanations } = lesson('lost-syn');
    const rtx = explanations.find((e) => e.rule === 'rto-expired')!;
    expect(render(rtx, 'en')).toContain('Its timeout doubles to 2 s (exponential backoff)');
    expect(render(rtx, 'zh')).toContain('超时时间翻倍为 2 秒');
    const text = renderExplanation(rtx, translator(LOCALES.en.dict), (ms) => `<${ms}>`);
    expect(text).toContain('doubles to <2000>');
  });
});

describe('explainerFor', () => {
  it('says the same with the page’s steps and segments as when it works them out', () => {
    for (const { run } of ALL) {
      const alone = explainerFor(run);
      const given = explainerFor(run, deriveRun(run));
      for (let step = 0; step <= run.causeStarts.length; step++) {
        expect(given.at(step)).toEqual(alone.at(step));
      }
    }
  });
});

describe('explainerFor', () => {
  it('gives each step the explanation of the whole run, whatever order the steps are asked in', () => {
    for (const lesson of LESSONS) {
      const parsed = parseScenario(lesson.scenario);
      if (!parsed.ok) throw new Error(parsed.error);
      const run = runWithCauses(parsed.scenario);
      const all = explainRun(run.events, run.causeStarts);
      const derived = deriveRun(run);
      const explainer = explainerFor(run, derived);
      // The last step first (a jump to the end), then the others from the start, and step 0.
      const order = [all.length, ...all.map((_, i) => i + 1)];
      for (const step of order)
        expect(explainer.at(step), `${lesson.id} ${step}`).toEqual(all[step - 1]);
      expect(explainer.at(0)).toBeNull();
      expect(explainer.at(all.length + 1)).toBeNull();
    }
  });
});
