import { describe, expect, it, vi } from 'vitest';
import { defaultLabOptions } from '../lab/labOptions';
import type { LabOptions, Run } from '../lab/types';
import type { Scenario } from '../engine/types';
import { LESSONS } from '../scenarios/all';
import type { EngineRunner } from '../ui/store/runner';
import { createEngineService } from '../worker/engineService';
import { type FirstRun, firstRunBlock, readFirstRun, runnerWithFirstRun } from './firstRun';

/** A document holding `html` as the body's only content, as far as readFirstRun looks. */
function documentWith(html: string): Document {
  const match = /^<script type="application\/json" id="([^"]+)">([\s\S]*)<\/script>$/.exec(html);
  return {
    getElementById: (id: string) =>
      match && match[1] === id ? ({ textContent: match[2] } as HTMLElement) : null,
  } as Document;
}

const engine = createEngineService();

describe('the run the HTML brings', () => {
  it('reads back exactly as the engine made it, for every built-in lesson', () => {
    for (const lesson of LESSONS) {
      const options = defaultLabOptions(lesson.scenario as Scenario);
      const run = engine.lab(lesson.scenario, options);
      const read = readFirstRun(documentWith(firstRunBlock({ lessonId: lesson.id, options, run })));
      expect(read, lesson.id).toEqual({ lessonId: lesson.id, options, run });
    }
  });

  it('cannot end its data block early, whatever the scenario says', () => {
    const first = {
      lessonId: 'x',
      options: {} as LabOptions,
      run: { events: [], causeStarts: [], scenario: { title: '</script><b>' } } as unknown as Run,
    };
    const block = firstRunBlock(first);
    expect(block.indexOf('</script>')).toBe(block.length - '</script>'.length);
    expect(readFirstRun(documentWith(block))).toEqual(first);
  });

  it('is none when the page has none, or not one the build wrote', () => {
    expect(readFirstRun(documentWith(''))).toBeNull();
    for (const text of ['{', 'null', '{"lessonId":1}', '{"lessonId":"a","options":{},"run":{}}']) {
      expect(
        readFirstRun(
          documentWith(`<script type="application/json" id="first-run">${text}</script>`),
        ),
      ).toBeNull();
    }
  });
});

describe('runnerWithFirstRun', () => {
  const lesson = { title: 'a lesson' };
  const options = { seed: 7 } as unknown as LabOptions;
  const run = { events: [], causeStarts: [] } as unknown as Run;
  const first: FirstRun = { lessonId: 'a', options, run };
  const lessons = (id: string) => (id === 'a' ? lesson : undefined);
  const engineRunner = () => {
    const other = { events: [1] } as unknown as Run;
    const runner: EngineRunner = {
      run: vi.fn(async () => other),
      cancel: vi.fn(),
      dispose: vi.fn(),
    };
    return { runner, other, create: vi.fn(() => runner) };
  };

  it('answers the request it was made for with its run, and starts no engine', async () => {
    const { create } = engineRunner();
    const runner = runnerWithFirstRun(first, lessons, create);
    await expect(runner.run({ ...lesson } as never, { ...options })).resolves.toBe(run);
    expect(create).not.toHaveBeenCalled();
  });

  it('answers any other lesson or option from the engine, started once', async () => {
    const { runner: engine, other, create } = engineRunner();
    const runner = runnerWithFirstRun(first, lessons, create);
    await expect(runner.run(lesson as never, { seed: 8 } as never)).resolves.toBe(other);
    await expect(runner.run({ title: 'b' } as never, options)).resolves.toBe(other);
    expect(create).toHaveBeenCalledTimes(1);
    expect(engine.run).toHaveBeenCalledTimes(2);
    runner.dispose();
    expect(engine.dispose).toHaveBeenCalled();
  });

  it('starts the engine when warmed, once, and never after it is disposed', () => {
    const { create } = engineRunner();
    const runner = runnerWithFirstRun(first, lessons, create);
    runner.warm();
    runner.warm();
    expect(create).toHaveBeenCalledTimes(1);
    const { create: create2 } = engineRunner();
    const disposed = runnerWithFirstRun(first, lessons, create2);
    disposed.dispose();
    disposed.warm();
    expect(create2).not.toHaveBeenCalled();
  });

  it('knows its lesson once that lesson is loaded', async () => {
    const { create } = engineRunner();
    const loaded = new Map<string, unknown>();
    const runner = runnerWithFirstRun(first, (id) => loaded.get(id), create);
    loaded.set('a', lesson);
    await expect(runner.run(lesson as never, options)).resolves.toBe(run);
    expect(create).not.toHaveBeenCalled();
  });

  it("answering with its run, stops the engine's run asked before it", async () => {
    const { runner: engine, create } = engineRunner();
    const runner = runnerWithFirstRun(first, lessons, create);
    void runner.run({ title: 'a long one' } as never, options);
    await expect(runner.run(lesson as never, options)).resolves.toBe(run);
    expect(engine.cancel).toHaveBeenCalledTimes(1);
    // A run beside the lab's (the why-three comparison) stops nothing.
    await runner.run(lesson as never, options, { beside: true });
    expect(engine.cancel).toHaveBeenCalledTimes(1);
  });

  it('runs everything in the engine when the lesson it was made for is unknown', async () => {
    const { other, create } = engineRunner();
    const runner = runnerWithFirstRun({ ...first, lessonId: 'gone' }, lessons, create);
    await expect(runner.run(lesson as never, options)).resolves.toBe(other);
  });
});
