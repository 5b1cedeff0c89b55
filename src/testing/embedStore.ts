// A lab store for the embed tests: the real store over the test runner of src/ui/store/testing.ts,
// with each run capped (a random scenario may loop until its end) and only the newest request run
// (a flood of `load` messages would otherwise run thousands of scenarios nobody sees).

import { vi, expect } from 'vitest';
import type { Scenario } from '../engine/types';
import lessonJson from '../scenarios/client-closes-first.json';
import { createLabStore, type LabStore } from '../ui/store/labStore';
import { testLabDeps, validatingRunner } from './labStore';

export const lesson = lessonJson as Scenario;

export const MAX_EVENTS = 5_000;

export function labStore(): LabStore {
  const store = createLabStore({ locale: 'en' }, testLabDeps({ basic: lesson }));
  store.getState().attach(validatingRunner({ maxEvents: MAX_EVENTS, latestOnly: true }));
  return store;
}

export async function settle(store: LabStore): Promise<void> {
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'), {
    timeout: 10_000,
    interval: 5,
  });
}
