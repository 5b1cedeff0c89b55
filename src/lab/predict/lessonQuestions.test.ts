import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { parseScenario } from '../../engine/validate';
import { LESSONS } from '../../scenarios/all';
import { deriveRun } from '../derive';
import { runWithCauses } from '../run';
import { freshScenario } from './fresh';
import { choiceQuestionsOf } from './lessonQuestions';
import { predicting as en } from '../../i18n/locales/en/predicting';
import { predicting as zh } from '../../i18n/locales/zh-CN/predicting';

const CORE = [
  'client-closes-first',
  'lost-syn',
  'lost-syn-ack',
  'lost-final-ack',
  'reuse-with-time-wait',
];
const scenarioOf = (id: string): Scenario => {
  const parsed = parseScenario(LESSONS.find((l) => l.id === id)?.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
};
const asked = (scenario: Scenario) =>
  choiceQuestionsOf(scenario.questions, deriveRun(runWithCauses(scenario)));

describe('lesson questions', () => {
  it('the five core lessons each ask one, with exactly one choice the engine makes true', () => {
    for (const id of CORE) {
      const scenario = scenarioOf(id);
      expect(scenario.questions, id).toHaveLength(1);
      const [question] = asked(scenario);
      expect(question, id).toBeDefined();
      expect(question?.choices.filter((c) => c.right)).toHaveLength(1);
    }
  });

  it('are right for what the engine did: the lost FIN+ACK is sent again, not a RST', () => {
    const [question] = asked(scenarioOf('lost-final-ack'));
    expect(question?.choices).toEqual([
      { id: 'fin-again', right: true },
      { id: 'closes', right: false },
      { id: 'rst', right: false },
    ]);
    const run = deriveRun(runWithCauses(scenarioOf('lost-final-ack')));
    const resent = run.segments.find((s) => s.sentStep === question?.step && s.from === 'server');
    expect(resent?.retransmission).toBe(true);
  });

  it('keep their answer with any attempt’s numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CORE), fc.integer({ min: 1, max: 999_999 }), (id, seed) => {
        const plain = asked(scenarioOf(id));
        expect(asked(freshScenario(scenarioOf(id), seed))).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('a question whose anchor the run lacks, or with no single right choice, is not asked', () => {
    const scenario = scenarioOf('lost-syn');
    const [q] = scenario.questions ?? [];
    if (!q) throw new Error('no question');
    expect(asked({ ...scenario, questions: [{ ...q, at: { ...q.at, nth: 9 } }] })).toEqual([]);
    const bothRight = { ...q, choices: [q.choices[0]!, { ...q.choices[0]!, id: 'twice' }] };
    expect(asked({ ...scenario, questions: [bothRight] })).toEqual([]);
  });

  it('every lesson question and choice has words in both languages, and nothing else does', () => {
    const asked: string[] = [];
    for (const lesson of LESSONS) {
      for (const q of scenarioOf(lesson.id).questions ?? []) {
        asked.push(
          `${lesson.id}.${q.id}.prompt`,
          ...q.choices.map((c) => `${lesson.id}.${q.id}.${c.id}`),
        );
      }
    }
    for (const words of [en.lessons, zh.lessons]) {
      const have = Object.entries(words).flatMap(([lesson, qs]) =>
        Object.entries(qs).flatMap(([q, w]) => [
          `${lesson}.${q}.prompt`,
          ...Object.keys(w.choices).map((c) => `${lesson}.${q}.${c}`),
        ]),
      );
      expect(have.sort()).toEqual([...asked].sort());
    }
  });

  it('the scenario format checks them', () => {
    const base = { actions: [{ at: 0, who: 'server', do: 'listen' }] };
    const bad = (questions: unknown) => parseScenario({ ...base, questions });
    expect(bad([{ id: 'q', at: { who: 'client', flags: 'SYN' }, choices: [] }])).toMatchObject({
      ok: false,
    });
    const one = { id: 'a', claim: { silent: 'server' } };
    expect(
      bad([
        { id: 'q', at: { who: 'client', flags: 'SYN' }, choices: [one, { id: 'b', claim: {} }] },
      ]),
    ).toMatchObject({ ok: false });
    expect(
      bad([{ id: 'q', at: { who: 'client', flags: 'SYNN' }, choices: [one, one] }]),
    ).toMatchObject({ ok: false });
    const good = parseScenario({
      ...base,
      questions: [
        {
          id: 'q',
          at: { who: 'client', flags: 'syn' },
          choices: [one, { id: 'b', claim: { state: { who: 'client', is: 'SYN_SENT' } } }],
        },
      ],
    });
    expect(good.ok && good.scenario.questions?.[0]?.at.flags).toBe('SYN');
  });
});
