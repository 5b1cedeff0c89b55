import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRun, deriveRunWork } from './derive';
import { finish, inSlices, pauses, type SliceClock, type Work } from './slices';
import { runWithCauses } from './run';
import { fixedScenario, at } from '../testing/scenarios';

/** Work that counts to `n`, offering to pause every `every` steps. */
function* counting(n: number, every: number): Work<number> {
  const pause = pauses(every);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (pause()) yield;
    sum += i;
  }
  return sum;
}

/** A clock where each step of work costs 1 ms; it records every time the page was given back. */
function fakeClock() {
  let ms = 0;
  const gaps: number[] = [];
  let lastYield = 0;
  const clock: SliceClock = {
    now: () => (ms += 1),
    yieldToPage: () => {
      gaps.push(ms - lastYield);
      lastYield = ms;
      return Promise.resolve();
    },
  };
  return { clock, gaps };
}

describe('slices', () => {
  it('pauses says yes once every `every` calls', () => {
    const pause = pauses(3);
    expect(Array.from({ length: 9 }, () => pause())).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('gives the same result at once or in slices, and the page back between slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 40 }),
        async (n, every, budgetMs) => {
          const { clock, gaps } = fakeClock();
          const sliced = await inSlices(counting(n, every), clock, { budgetMs });
          expect(sliced).toBe(finish(counting(n, every)));
          // Each slice ran about its budget: never far past it.
          for (const gap of gaps) expect(gap).toBeLessThanOrEqual(budgetMs + 2);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('drops the work once it is no longer wanted', async () => {
    const { clock } = fakeClock();
    let wanted = 3;
    let stopped = false;
    function* endless(): Work<string> {
      try {
        for (;;) yield;
      } finally {
        stopped = true;
      }
    }
    const result = await inSlices(endless(), clock, {
      budgetMs: 2,
      stillWanted: () => --wanted > 0,
    });
    expect(result).toBeNull();
    expect(stopped).toBe(true);
  });

  it('derives a long run in slices exactly as at once', async () => {
    const run = runWithCauses(
      fixedScenario('rfc9293', [
        at(0, 'server', 'listen'),
        at(10, 'client', 'connect'),
        at(50, 'client', 'send', { bytes: 4_000_000 }),
      ]),
    );
    const { clock, gaps } = fakeClock();
    const sliced = await inSlices(deriveRunWork(run), clock, { budgetMs: 1 });
    const whole = deriveRun(run);
    expect(gaps.length).toBeGreaterThan(2);
    expect(sliced?.steps).toEqual(whole.steps);
    expect(sliced?.segments).toEqual(whole.segments);
    expect(sliced?.stateChanges).toEqual(whole.stateChanges);
    expect(sliced?.axis.breaks).toEqual(whole.axis.breaks);
    expect(sliced?.axis.height).toBe(whole.axis.height);
    for (let step = 0; step <= whole.steps.length; step += 97) {
      expect(sliced?.viewAt(step).states).toEqual(whole.viewAt(step).states);
      expect(sliced?.axis.y(whole.steps[step]?.t ?? 0)).toBe(
        whole.axis.y(whole.steps[step]?.t ?? 0),
      );
    }
  });
});
