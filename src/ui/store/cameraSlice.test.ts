import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabDriver } from '../../testing/labDriver';
import { closingScenario } from '../../testing/scenarios';

const lesson = closingScenario({
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
});

let driver: LabDriver;
beforeEach(() => {
  driver = new LabDriver({ lessons: { basic: lesson, other: lesson } });
});
afterEach(() => driver.dispose());

describe('the camera slice', () => {
  it('toggles the whole-run view', async () => {
    const store = await driver.open();
    expect(store.getState().fit).toBe(false);
    store.getState().toggleFit();
    expect(store.getState().fit).toBe(true);
    store.getState().setFit(false);
    expect(store.getState().fit).toBe(false);
  });

  it('says where a knob change first shows, and nothing for a new lesson', async () => {
    const store = await driver.open();
    expect(store.getState().knobEffect).toBeNull();
    store.getState().setOptions({ dropFinalAck: true });
    await driver.settle(store);
    const effect = store.getState().knobEffect;
    expect(effect?.step).toBeGreaterThan(1);
    expect(effect?.step).toBeLessThanOrEqual(store.getState().total);
    // The same options again: the run does not change.
    store.getState().setOptions({ dropFinalAck: true });
    await driver.settle(store);
    expect(store.getState().knobEffect).toEqual({ step: null });
    store.getState().setLesson('other');
    await driver.settle(store);
    expect(store.getState().knobEffect).toBeNull();
  });
});
