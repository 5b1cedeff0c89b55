// Test-only: the one way store, link and message tests drive a lab. The real store over the real
// engine service (the object the engine worker serves, reached through the page's own runner and
// RPC client over an in-process channel: answers come on a later tick, cloned, as from a worker),
// with helpers to load a store, step it, drop a segment and wait for its run to settle.

import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { deriveRun } from '../lab/derive';
import type { LabOptions } from '../lab/types';
import { defaultLabOptions } from '../lab/labOptions';
import { faultForSegment } from '../lab/variants';
import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_LESSON_ID } from '../scenarios';
import { lessonById } from '../scenarios/all';
import {
  createLabStore,
  type LabDeps,
  type LabInit,
  type LabRunner,
  type LabStore,
} from '../ui/store/labStore';
import { createLabRunner } from '../ui/store/runner';
import { createEngineService, engineService } from '../worker/engineService';
import { InProcessWorker } from './inProcessWorker';
import { predictKit } from '../ui/store/predictKit';

export interface LabDriverOptions {
  /** The lessons the stores know, the first one the default; the built-in lessons without. */
  lessons?: Record<string, Scenario>;
  /**
   * Refuses a run past this many events, as the page refuses one past a million (a random
   * scenario may loop until its end): the service is made with this cap.
   */
  maxEvents?: number;
  /**
   * Sends only the newest request of a burst and refuses the ones it superseded (the store ignores
   * their answers anyway): a flood of `load` messages then costs one run, not thousands nobody
   * sees. For one store at a time.
   */
  latestOnly?: boolean;
  /** The stores' typing debounce (ms); none unless told. */
  typingDebounceMs?: number;
}

/** How long a run may take to settle before a test calls it a hang. */
const SETTLE_MS = 10_000;

function lessonDeps(lessons: Record<string, Scenario> | undefined, debounceMs: number): LabDeps {
  return {
    defaultLessonId: lessons ? (Object.keys(lessons)[0] ?? DEFAULT_LESSON_ID) : DEFAULT_LESSON_ID,
    lessonScenario: (id) =>
      lessons
        ? Object.hasOwn(lessons, id)
          ? lessons[id]
          : undefined
        : (lessonById(id)?.scenario as Scenario | undefined),
    lessonOptions: defaultLabOptions,
    checkScenario: parseScenario,
    derive: deriveRun,
    faultForSegment,
    typingDebounceMs: debounceMs,
    loadPredict: () => Promise.resolve(predictKit),
  };
}

export class LabDriver {
  readonly deps: LabDeps;
  /** The runner the driver's stores are attached to: one engine worker for them all. */
  readonly runner: LabRunner;
  /** The options of every run asked for, in order. */
  readonly calls: LabOptions[] = [];
  private readonly engine: LabRunner;
  private readonly stores = new Set<LabStore>();

  constructor({
    lessons,
    maxEvents,
    latestOnly = false,
    typingDebounceMs = 0,
  }: LabDriverOptions = {}) {
    this.deps = lessonDeps(lessons, typingDebounceMs);
    const service = maxEvents === undefined ? engineService : createEngineService({ maxEvents });
    this.engine = createLabRunner(() => new InProcessWorker(service));
    let latest = 0;
    this.runner = {
      run: (lesson, options) => {
        this.calls.push(options);
        const request = ++latest;
        // Beside each other: one store's run must not stop another's on the shared worker.
        if (!latestOnly) return this.engine.run(lesson, options, { beside: true });
        return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
          if (request !== latest) throw new Error('superseded');
          return this.engine.run(lesson, options, { beside: true });
        });
      },
      // Shared by every store: the worker ends with the driver (dispose).
      dispose() {},
    };
  }

  /** A store, not attached yet (it shows nothing until it is). */
  create(init: Partial<LabInit> = {}): LabStore {
    const store = createLabStore({ locale: 'en', ...init }, this.deps);
    this.stores.add(store);
    return store;
  }

  /** A store attached to `runner` (the driver's unless told): its first run is on its way. */
  load(init: Partial<LabInit> = {}, runner: LabRunner = this.runner): LabStore {
    const store = this.create(init);
    store.getState().attach(runner);
    return store;
  }

  /** A store with its first run shown. */
  open(init: Partial<LabInit> = {}): Promise<LabStore> {
    return this.settle(this.load(init));
  }

  /**
   * Resolves once the store shows a run (at once if it does); rejects if its run fails or it has
   * not settled in `timeoutMs`.
   */
  settle(store: LabStore, timeoutMs: number = SETTLE_MS): Promise<LabStore> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error('the run did not settle')), timeoutMs);
      const unsubscribe = store.subscribe(check);
      function finish(error?: Error): void {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else resolve(store);
      }
      function check(): void {
        const { status, error } = store.getState();
        if (status === 'ready') finish();
        else if (status === 'error') finish(new Error(`the run failed: ${error?.message ?? '?'}`));
      }
      check();
    });
  }

  /** Presses → `count` times (← for a negative count); the step shown after. */
  step(store: LabStore, count = 1): number {
    for (let i = 0; i < Math.abs(count); i++) {
      if (count > 0) store.getState().stepForward();
      else store.getState().stepBack();
    }
    return store.getState().step;
  }

  /** Clicks segment `id` in flight (dropping it) and waits for the run without it. */
  drop(store: LabStore, id: number): Promise<LabStore> {
    store.getState().dropSegment(id);
    return this.settle(store);
  }

  /** Detaches a store and forgets it. */
  close(store: LabStore): void {
    store.getState().detach();
    this.stores.delete(store);
  }

  /** Detaches every store still open and ends the engine worker. */
  dispose(): void {
    for (const store of this.stores) this.close(store);
    this.engine.dispose();
  }
}

/**
 * For a describe block whose every test starts from a store with its first run shown: a driver
 * made before each test and disposed after it. Read `current()` inside the tests.
 */
export function openedLab(options: LabDriverOptions): () => { driver: LabDriver; store: LabStore } {
  let opened: { driver: LabDriver; store: LabStore } | null = null;
  beforeEach(async () => {
    const driver = new LabDriver(options);
    opened = { driver, store: await driver.open() };
  });
  afterEach(() => {
    opened?.driver.dispose();
    opened = null;
  });
  return () => {
    if (!opened) throw new Error('openedLab: read it inside a test');
    return opened;
  };
}
