// Fuzz: random and mutated `s=` values through the page's own path (the URL read by
// parseUrlOptions and labInitFromUrl, a store, the engine worker's service behind the page's own
// runner and RPC client, in process). Whatever the link holds, nothing may throw out of the store,
// every run settles on a diagram (the link's scenario, or the default lesson with a 'link' message
// saying why) and the store still steps. Runs are capped at a few thousand events, as the page caps
// them at a million, so a scenario asking for an endless run ends in a message, not a hang.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LESSON_ID } from '../scenarios';
import {
  anyLinkText,
  base64url,
  damagedLink,
  extremeLinkTexts,
  LESSON_SCENARIOS,
  linkExtras,
  linkQuery as asQuery,
  mutatedLesson,
  randomJsonLink,
} from '../testing/fuzzCases/links';
import { LabDriver } from '../testing/labDriver';
import { CUSTOM_LESSON_ID } from './types';
import { decodeScenarioParam } from './scenarioParam';
import { lessonsOfSet } from '../scenarios/exerciseSets';
import { labInitFromUrl } from '../ui/store/urlInit';
import { parseUrlOptions } from './urlOptions';
import { encodeScenarioParam } from './shareLink';

/** The most events one fuzzed run may make (the page allows a million; a test wants speed). */
const MAX_EVENTS = 3000;
const RUNS = Number(process.env.LINK_FUZZ_RUNS ?? 1) || 1;

const driver = new LabDriver({ maxEvents: MAX_EVENTS });
afterAll(() => driver.dispose());

/** Opens a page query as the page does and checks what the user would see. */
async function openQuery(query: string): Promise<void> {
  const url = parseUrlOptions(query);
  const store = driver.load(
    labInitFromUrl(url, 'en', { decode: decodeScenarioParam, lessonsOfSet }),
  );
  try {
    await driver.settle(store);
    const state = store.getState();
    if (state.lessonId === CUSTOM_LESSON_ID) {
      expect(state.error).toBeNull();
    } else {
      expect(state.lessonId).toBe(DEFAULT_LESSON_ID);
      expect(state.error?.kind).toBe('link');
      expect(state.error?.message).toMatch(/^s: \S/);
      // A refusal is the input's fault: an engine failure would be a bug.
      expect(state.error?.message).not.toMatch(/engine failed/);
      expect(state.total).toBeGreaterThan(0);
    }
    const { total } = state;
    expect(state.step).toBe(Math.min(url.step ?? 0, total));
    state.goTo(0);
    expect(driver.step(store)).toBe(Math.min(1, total));
    state.goTo(total);
    expect(driver.step(store, -1)).toBe(Math.max(0, total - 1));
    expect(store.getState().view).not.toBeNull();
  } finally {
    driver.close(store);
  }
}

describe('fuzzed s= links', { timeout: 120_000 }, () => {
  it('arbitrary strings: an error over the default lesson, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(anyLinkText, linkExtras, async (s, extra) => openQuery(asQuery(s, extra))),
      { numRuns: 3000 * RUNS },
    );
  });

  it('base64url of random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(randomJsonLink, linkExtras, async (s, extra) =>
        openQuery(asQuery(s, extra)),
      ),
      { numRuns: 2000 * RUNS },
    );
  });

  it('base64url of mutated lessons', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedLesson, linkExtras, async (scenario, extra) =>
        openQuery(asQuery(encodeScenarioParam(scenario), extra)),
      ),
      { numRuns: 4000 * RUNS },
    );
  });

  it('nesting deeper and arrays longer than any mutation makes', async () => {
    const lesson = JSON.stringify(LESSON_SCENARIOS[0]);
    const texts = extremeLinkTexts();
    for (const text of texts.slice(1)) expect(text).not.toBe(lesson);
    for (const text of texts) await openQuery(asQuery(base64url(text)));
  });

  it('valid links cut short or with a character changed', async () => {
    await fc.assert(
      fc.asyncProperty(damagedLink, linkExtras, async (s, extra) => openQuery(asQuery(s, extra))),
      { numRuns: 1500 * RUNS },
    );
  });
});
