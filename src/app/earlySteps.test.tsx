import { afterAll, describe, expect, it } from 'vitest';
import { LabDriver } from '../testing/labDriver';
import { captureEarlySteps } from './earlySteps';

const driver = new LabDriver();
afterAll(() => driver.dispose());

const press = (key: string) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));

describe('steps asked for while the page loads', () => {
  it('→ pressed before the store exists and before the run is in: taken once the run is', async () => {
    const early = captureEarlySteps(window);
    press('ArrowRight');
    press('ArrowRight');
    press('ArrowLeft');
    press('ArrowRight');
    const store = driver.create();
    early.handTo(store);
    // Queued, not lost: the store has no run yet.
    expect(store.getState().step).toBe(0);
    expect(store.getState().pendingStep).toBe(2);
    press('ArrowRight');
    expect(store.getState().pendingStep).toBe(3);
    store.getState().attach(driver.runner);
    await driver.settle(store);
    expect(store.getState().step).toBe(3);
    early.stop();
    press('ArrowRight');
    expect(store.getState().step).toBe(3);
    driver.close(store);
  });

  it('the first step pressed while loading flies as a step does', async () => {
    const store = driver.create();
    store.getState().stepForward();
    store.getState().attach(driver.runner);
    await driver.settle(store);
    expect(store.getState().step).toBe(1);
    expect(store.getState().animateStep).toBe(1);
    driver.close(store);
  });

  it('keys with a modifier, or already handled, are not steps', () => {
    const early = captureEarlySteps(window);
    const store = driver.create();
    early.handTo(store);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', ctrlKey: true }));
    const handled = new KeyboardEvent('keydown', { key: 'ArrowRight', cancelable: true });
    handled.preventDefault();
    window.dispatchEvent(handled);
    expect(store.getState().pendingStep).toBeNull();
    early.stop();
    driver.close(store);
  });
});
