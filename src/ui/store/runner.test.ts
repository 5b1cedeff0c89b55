// The store's runner over fake engine workers: a run the store no longer wants is stopped by
// ending its worker, and nothing it would have answered is shown, not even a part of it.
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import type { LabOptions, Run } from '../../lab/types';
import { InProcessWorker } from '../../testing/inProcessWorker';
import { PART_LENGTH, type WorkerLike } from '../../worker/rpc';
import { createLabRunner, RUN_REPLACED } from './runner';

/** A worker that computes nothing: it keeps the calls it is sent until the test answers them. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly calls: { id: number; method: string; args: unknown[] }[] = [];

  postMessage(message: unknown): void {
    this.calls.push(message as FakeWorker['calls'][number]);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The lessons asked of this worker, by title. */
  get asked(): string[] {
    return this.calls.map((call) => (call.args[0] as Scenario).title ?? '');
  }

  /** Answers the call asked for `title` with a run carrying that title. */
  answer(title: string): void {
    const call = this.calls.find((c) => (c.args[0] as Scenario).title === title);
    if (!call) throw new Error(`${title} was not asked of this worker`);
    this.onmessage?.({
      data: { id: call.id, kind: 'result', value: runOf(title) },
    } as MessageEvent);
  }
}

const options = { seed: 1 } as LabOptions;
const lesson = (title: string): Scenario => ({ title, actions: [] });
const runOf = (title: string) => ({ scenario: lesson(title) }) as unknown as Run;
const titleOf = (run: Run) => run.scenario.title;

function start() {
  const workers: FakeWorker[] = [];
  const runner = createLabRunner(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { runner, workers };
}

/** Lets the promise callbacks run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the lab runner', () => {
  it('asked for a run while one computes, ends that worker and asks a fresh one', async () => {
    const { runner, workers } = start();
    const long = runner.run(lesson('long'), options);
    const next = runner.run(lesson('next'), options);
    expect(workers).toHaveLength(2);
    const [busy, fresh] = workers as [FakeWorker, FakeWorker];
    expect(busy.terminated).toBe(true);
    expect(fresh.terminated).toBe(false);
    expect(fresh.asked).toEqual(['next']);
    await expect(long).rejects.toThrow(RUN_REPLACED);

    // The ended worker's late answer reaches no one; the fresh one's is the answer.
    busy.answer('long');
    fresh.answer('next');
    expect(titleOf(await next)).toBe('next');
  });

  it('keeps its worker when the run before was answered', async () => {
    const { runner, workers } = start();
    const first = runner.run(lesson('first'), options);
    workers[0]!.answer('first');
    expect(titleOf(await first)).toBe('first');
    const second = runner.run(lesson('second'), options);
    workers[0]!.answer('second');
    expect(titleOf(await second)).toBe('second');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('keeps a run asked beside the lab’s: not stopped, not stopping, asked again of the new worker', async () => {
    const { runner, workers } = start();
    const beside = runner.run(lesson('compare'), options, { beside: true });
    const asideToo = runner.run(lesson('compare 2'), options, { beside: true });
    expect(workers).toHaveLength(1); // a run beside stops nothing
    const lab = runner.run(lesson('lab'), options);
    expect(workers).toHaveLength(1); // nothing of the lab's was computing yet
    const next = runner.run(lesson('next'), options);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.asked).toEqual(['compare', 'compare 2', 'next']);
    await expect(lab).rejects.toThrow(RUN_REPLACED);
    for (const title of ['compare', 'compare 2', 'next']) workers[1]!.answer(title);
    expect((await Promise.all([beside, asideToo, next])).map(titleOf)).toEqual([
      'compare',
      'compare 2',
      'next',
    ]);
  });

  it('passes a refusal on as it is', async () => {
    const { runner, workers } = start();
    const bad = runner.run(lesson('bad'), options);
    const call = workers[0]!.calls[0]!;
    workers[0]!.onmessage?.({
      data: { id: call.id, kind: 'error', message: 'actions: required' },
    } as MessageEvent);
    await expect(bad).rejects.toThrow('actions: required');
  });

  it('cancel stops the run computing; dispose ends the worker and what is pending', async () => {
    const { runner, workers } = start();
    runner.cancel(); // nothing computes: nothing to stop
    expect(workers).toHaveLength(1);
    const stopped = runner.run(lesson('stopped'), options);
    runner.cancel();
    await expect(stopped).rejects.toThrow(RUN_REPLACED);
    expect(workers[0]!.terminated).toBe(true);

    const pending = runner.run(lesson('pending'), options);
    runner.dispose();
    expect(workers[1]!.terminated).toBe(true);
    await expect(pending).rejects.toThrow('engine client is disposed');
    // Disposed, it starts no worker again.
    await expect(runner.run(lesson('late'), options)).rejects.toThrow('disposed');
    await settled();
    expect(workers).toHaveLength(2);
  });

  it('drops a run replaced while its parts arrive', async () => {
    // An engine that answers each lesson with a run long enough to come in parts.
    const engine = {
      lab: (asked: Scenario) => ({
        ...runOf(asked.title ?? ''),
        events: Array.from({ length: 3 * PART_LENGTH }, (_, id) => ({ id })),
      }),
    };
    const workers: InProcessWorker[] = [];
    const runner = createLabRunner(() => {
      const worker = new InProcessWorker(engine);
      workers.push(worker);
      return worker;
    });
    workers[0]!.holding = true;
    let longRun: Run | null = null;
    const long = runner.run(lesson('long'), options);
    long.then((run) => (longRun = run)).catch(() => {});
    // Its head and three parts are on their way: the head and one part arrive.
    await vi.waitFor(() => expect(workers[0]!.held).toHaveLength(4));
    workers[0]!.release(2);
    const next = runner.run(lesson('next'), options);
    await expect(long).rejects.toThrow(RUN_REPLACED);
    expect(workers[0]!.terminated).toBe(true);
    const drawn = await next;
    expect(titleOf(drawn)).toBe('next');
    expect(drawn.events).toHaveLength(3 * PART_LENGTH);
    // The rest of the replaced run reaches no one.
    workers[0]!.release();
    await settled();
    expect(longRun).toBeNull();
    runner.dispose();
  });
});
