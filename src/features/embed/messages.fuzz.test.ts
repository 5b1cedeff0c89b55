// Fuzz: random and mutated postMessage payloads, from allowed origins and others, through the
// widget's whole inbound path (origin policy, parser, command on a real store over the engine
// worker's service). Nothing may throw or hang, a message from an origin not allowed must change
// nothing, and afterwards the widget must still step.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWED,
  FUZZ_LESSON as lesson,
  origin,
  PARENT,
  payload,
  scenario,
} from '../../testing/fuzzCases/messages';
import { LabDriver } from '../../testing/labDriver';
import type { LabStore } from '../../ui/store/labStore';
import { applyCommand } from './commands';
import { parseInboundMessage } from './messages';
import { isAllowedOrigin } from './origins';

/**
 * A store over the engine service with each run capped (a random scenario may loop until its end)
 * and only the newest request run (a flood of `load` messages would otherwise run thousands of
 * scenarios nobody sees).
 */
const newDriver = () =>
  new LabDriver({ lessons: { basic: lesson }, maxEvents: 5_000, latestOnly: true });

/** What the page's message listener does with one message (useCourseMessages). */
function receive(store: LabStore, origin: string, data: unknown): void {
  if (!isAllowedOrigin(origin, PARENT, ALLOWED)) return;
  const command = parseInboundMessage(data);
  if (command) applyCommand(store, command);
}

describe('postMessage fuzz', () => {
  let driver: LabDriver;
  afterEach(() => driver.dispose());

  it('10,000 payloads: nothing throws, other origins change nothing, the widget still steps', async () => {
    driver = newDriver();
    const store = await driver.open();
    let applied = 0;
    fc.assert(
      fc.property(origin, payload, (from, data) => {
        const before = store.getState();
        receive(store, from, data);
        if (isAllowedOrigin(from, PARENT, ALLOWED)) applied++;
        else expect(store.getState()).toBe(before);
      }),
      { numRuns: 10_000, seed: 20260407 },
    );
    expect(applied).toBeGreaterThan(5_000);

    await driver.settle(store);
    const { total } = store.getState();
    expect(total).toBeGreaterThan(0);
    receive(store, PARENT, { target: 'handshake-lab', type: 'reset' });
    receive(store, PARENT, { target: 'handshake-lab', type: 'step' });
    expect(store.getState().step).toBe(1);
    expect(store.getState().view).not.toBeNull();
  }, 120_000);

  it('every load, waited for: the widget shows a run afterwards, and an error when it refused', async () => {
    driver = newDriver();
    const store = await driver.open();
    await fc.assert(
      fc.asyncProperty(scenario, async (raw) => {
        store.getState().dismissError();
        receive(store, PARENT, { target: 'handshake-lab', type: 'load', scenario: raw });
        await driver.settle(store);
        const { error, run, lessonId } = store.getState();
        expect(run).not.toBeNull();
        if (error) expect(error.kind).toBe('load');
        else expect(lessonId).toBe('custom');
        receive(store, PARENT, { target: 'handshake-lab', type: 'reset' });
        receive(store, PARENT, { target: 'handshake-lab', type: 'step' });
        // A scenario with nothing to do (no actions) is a run of no step.
        expect(store.getState().step).toBe(Math.min(1, store.getState().total));
      }),
      { numRuns: 1_000, seed: 7 },
    );
  }, 120_000);
});
