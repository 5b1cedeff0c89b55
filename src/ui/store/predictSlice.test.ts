import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { questionsFor } from '../../lab/predict/progress';
import { LESSONS } from '../../scenarios/all';
import { LabDriver } from '../../testing/labDriver';

const lessons = Object.fromEntries(LESSONS.map((l) => [l.id, l.scenario as Scenario]));

let driver: LabDriver;
beforeEach(() => {
  driver = new LabDriver({ lessons });
});
afterEach(() => driver.dispose());

describe('predict mode in the store', () => {
  it('runs the lesson with the attempt’s numbers and stops before each question', async () => {
    const store = await driver.open({
      lessonId: 'client-closes-first',
      mode: 'predict',
      attemptSeed: 42,
    });
    const s = () => store.getState();
    expect(s().options.numbersSeed).toBe(42);
    const [syn] = s().derived?.segments ?? [];
    expect(syn?.seq).not.toBe(1000); // fresh ISN, not the lesson's
    const questions = questionsFor(s().derived!, s().run);
    const first = questions[0]!;
    // → stops before the SYN's step; play too.
    for (let k = 0; k < 5; k++) s().stepForward();
    expect(s().step).toBe(first.step - 1);
    s().goTo(s().total);
    expect(s().step).toBe(first.step - 1);
    // A right answer plays the step and counts.
    s().answerQuestion({
      flags: first.expected.flags,
      seq: first.expected.seq.relative,
      ack: first.expected.ack?.relative ?? null,
      states: first.expected.states,
    });
    expect(s().step).toBe(first.step);
    expect(s().predict.answers).toHaveLength(1);
    expect(s().predict.answers[0]?.marks).toEqual({ flags: true, numbers: true, states: true });
    // "Show me" counts as asked, not right, and moves on.
    const second = questions[1]!;
    s().goTo(s().total);
    expect(s().step).toBe(second.step - 1);
    s().answerQuestion(null);
    expect(s().step).toBe(second.step);
    expect(s().predict.answers[1]?.marks).toEqual({ flags: false, numbers: false, states: false });
  });

  it('steps freely in watch mode, with the lesson’s own numbers', async () => {
    const store = await driver.open({ lessonId: 'client-closes-first' });
    store.getState().goTo(store.getState().total);
    expect(store.getState().step).toBe(store.getState().total);
    expect(store.getState().derived?.segments[0]?.seq).toBe(1000);
  });

  it('a new attempt draws new numbers and starts over; a fixed seed replays the same numbers', async () => {
    const store = await driver.open({ lessonId: 'lost-syn', mode: 'predict', attemptSeed: 7 });
    const isnOf = () => store.getState().derived?.segments[0]?.seq;
    const first = isnOf();
    store.getState().newAttempt(8);
    await driver.settle(store);
    expect(isnOf()).not.toBe(first);
    expect(store.getState().step).toBe(0);
    store.getState().newAttempt(7);
    await driver.settle(store);
    expect(isnOf()).toBe(first);
  });

  it('an exercise set keeps each lesson’s result and goes on to the next', async () => {
    const store = await driver.open({
      lessonId: 'client-closes-first',
      mode: 'predict',
      attemptSeed: 3,
      set: ['client-closes-first', 'lost-syn'],
    });
    store.getState().goTo(store.getState().total);
    store.getState().answerQuestion(null);
    store.getState().nextLessonInSet();
    await driver.settle(store);
    expect(store.getState().lessonId).toBe('lost-syn');
    expect(store.getState().options.numbersSeed).toBe(3);
    expect(store.getState().predict.done).toHaveLength(1);
    expect(store.getState().predict.done[0]?.score.asked).toBe(3);
  });
});
