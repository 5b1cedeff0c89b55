import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { questionsFor } from '../../lab/predict/progress';
import { LESSONS } from '../../scenarios/all';
import { LabDriver } from '../../testing/labDriver';
import { createPredictReporter } from './predictMessages';

const lessons = Object.fromEntries(LESSONS.map((l) => [l.id, l.scenario as Scenario]));
let driver: LabDriver;
afterEach(() => driver.dispose());

describe('predict mode’s course-page messages', () => {
  it('say each answer once, then the score at the end', async () => {
    driver = new LabDriver({ lessons });
    const store = await driver.open({ lessonId: 'lost-syn', mode: 'predict', attemptSeed: 99 });
    const said = createPredictReporter();
    const questions = questionsFor(store.getState().derived!, store.getState().run);
    expect(said(store.getState())).toEqual([]);
    const first = questions[0]!;
    store.getState().goTo(store.getState().total);
    store.getState().answerQuestion({
      flags: first.expected.flags,
      seq: first.expected.seq.relative,
      ack: null,
      states: { client: 'CLOSED', server: first.expected.states.server },
    });
    const [answer, ...rest] = said(store.getState());
    expect(rest).toEqual([]);
    expect(answer).toMatchObject({
      source: 'handshake-lab',
      type: 'answer',
      lesson: 'lost-syn',
      seed: 99,
      step: first.step,
      phase: 'syn',
      right: { flags: true, numbers: true, states: false },
      answer: { flags: 'SYN' },
      expected: { flags: 'SYN' },
    });
    expect(said(store.getState())).toEqual([]);
    // The rest revealed, to the end (the lesson's own question too): one answer each, then the score.
    const messages = [];
    for (let guard = 0; guard < 50 && store.getState().step < store.getState().total; guard++) {
      const before = store.getState().predict;
      store.getState().goTo(store.getState().total);
      store.getState().answerChoice(null);
      if (store.getState().predict === before) store.getState().answerQuestion(null);
      messages.push(...said(store.getState()));
    }
    messages.push(...said(store.getState()));
    const answers = messages.filter((m) => m.type === 'answer');
    expect(answers.filter((m) => m.kind === 'segment')).toHaveLength(questions.length - 1);
    expect(answers.filter((m) => m.kind === 'choice')).toEqual([
      expect.objectContaining({
        question: 'next',
        answer: null,
        expected: 'retransmit',
        right: false,
      }),
    ]);
    expect(messages.at(-1)).toEqual({
      source: 'handshake-lab',
      type: 'score',
      correct: 2,
      asked: questions.length * 3 + 1,
      lesson: 'lost-syn',
      seed: 99,
      set: null,
    });
  });
});
