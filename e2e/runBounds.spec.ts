// No run goes on once the student has moved on: choosing another lesson while a long run still
// computes ends that run's engine worker at once, and the new lesson shows without waiting for it.
import { expect, test, type Worker } from '@playwright/test';
import type { Scenario } from '../src/engine/types';
import { encodeScenarioParam } from '../src/lab/shareLink';
import { expectRun, lessonScenario } from './helpers/engine';
import { counterOf, expectEndToMatch, watchErrors } from './helpers/page';

/**
 * Fourteen 16 MiB sends: just under the page's million events, so the worker runs it whole and then
 * runs it again for each knob it checks. Seconds of work at best, a minute on a busy machine.
 */
const long: Scenario = {
  title: 'A long run',
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 0, who: 'client', do: 'connect' },
    ...Array.from({ length: 14 }, (_, i) => ({
      at: 100 + i,
      who: 'client' as const,
      do: 'send' as const,
      bytes: 16 * 1024 * 1024,
    })),
  ],
};

/**
 * Whether `worker` is in the middle of a computation: a worker busy with a run answers nothing
 * until the run is over (or the worker is ended), not even the test's question.
 */
async function computing(worker: Worker, ms = 500): Promise<boolean> {
  const answered = worker.evaluate(() => true).catch(() => true);
  const silent = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
  return !(await Promise.race([answered, silent]));
}

test('switching lessons during a long run ends its worker and shows the new lesson at once', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const engines: Worker[] = [];
  const closed = new Set<Worker>();
  page.on('worker', (worker) => {
    if (!worker.url().includes('engine.worker')) return;
    engines.push(worker);
    worker.on('close', () => closed.add(worker));
  });

  await page.goto(`./?lang=en&s=${encodeScenarioParam(long)}`);
  // Nothing is drawn until the long run is in; wait until the engine worker is computing it.
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running');
  await expect
    .poll(async () => engines.length > 0 && (await computing(engines.at(-1)!)), { timeout: 15_000 })
    .toBe(true);
  const busy = engines.at(-1)!;

  await page.getByTestId('lesson-select').selectOption('lost-syn');
  // The new lesson is drawn within seconds, long before the long run and its knobs could finish.
  await expect(counterOf(page)).toHaveText(/^0 \/ [1-9]\d*$/, { timeout: 5_000 });
  // The busy worker was ended: a worker that finishes a run stays for the next one, so only an
  // ended one closes (reported once its thread is gone, a second or two later under load).
  await expect.poll(() => closed.has(busy), { timeout: 10_000 }).toBe(true);
  // A fresh worker ran it: the lost SYN's run, exactly as the engine makes it.
  const fresh = engines.at(-1)!;
  expect(fresh).not.toBe(busy);
  expect(closed.has(fresh)).toBe(false);
  await expectEndToMatch(page, expectRun(lessonScenario('lost-syn')), 'the new lesson');
  await expect(page.getByTestId('lesson-select')).toHaveValue('lost-syn');
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(errors).toEqual([]);
});
