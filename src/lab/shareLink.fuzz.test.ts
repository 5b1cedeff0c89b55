// Fuzz: random and mutated `s=` values through the page's own path (the URL read by
// parseUrlOptions and labInitFromUrl, a store, the engine worker's service behind the page's own
// runner and RPC client, in process). Whatever the link holds, nothing may throw out of the store,
// every run settles on a diagram (the link's scenario, or the default lesson with a 'link' message
// saying why) and the store still steps. Runs are capped at a few thousand events, as the page caps
// them at a million, so a scenario asking for an endless run ends in a message, not a hang.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/all';
import { DEFAULT_LESSON_ID } from '../scenarios';
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

const asQuery = (s: string, extra: { step?: number; dropFinalAck?: boolean } = {}) => {
  const query = new URLSearchParams({ s });
  if (extra.step !== undefined) query.set('step', String(extra.step));
  if (extra.dropFinalAck === true) query.set('dropFinalAck', '1');
  return `?${query.toString()}`;
};

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const lessons = LESSONS.map((lesson) => lesson.scenario as Record<string, unknown>);

/** Values that break a field: wrong types, extremes, the empty and the huge. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    '',
    'client',
    'connect',
    -1,
    0,
    0.5,
    1e-300,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 32,
    2 ** 53 + 2,
    [],
    {},
    [{}],
  ),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Op = 'tweak' | 'clone' | 'delete' | 'replace' | 'nest' | 'repeat' | 'add';
type Mutation = { at: number; op: Op; value: unknown; number: number; word: string };

/** Words the format knows: a string swapped for one keeps the scenario plausible. */
const WORDS = [
  'client',
  'server',
  'listen',
  'connect',
  'send',
  'shutdown',
  'close',
  'abort',
  'rfc9293',
  'linux',
  'SYN',
  'ACK',
  'FIN',
  'RST',
  'SYN,ACK',
  'FIN,ACK',
  'drop',
  'duplicate',
  'delay',
];

// Half the mutations keep each value's type (another number, another known word, an element
// copied), so that many scenarios still pass the validator and reach the engine.
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>(
    'tweak',
    'tweak',
    'tweak',
    'clone',
    'delete',
    'replace',
    'nest',
    'repeat',
    'add',
  ),
  value: nasty,
  number: fc.oneof(
    fc.integer({ min: -5, max: 5000 }),
    fc.integer({ min: 0, max: 2 ** 32 }),
    fc.constantFrom(1e308, 2 ** 53, 0.5, 1e-9, 86_400_000, 16 * 1024 * 1024),
  ),
  word: fc.constantFrom(...WORDS),
});

/** Every object or array inside `root` with the keys it holds, in document order. */
function slots(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string }[] {
  const found: { parent: Record<string, unknown> | unknown[]; key: string }[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const parent = node as Record<string, unknown>;
    for (const key of Object.keys(parent)) {
      found.push({ parent, key });
      walk(parent[key]);
    }
  };
  walk(root);
  return found;
}

/** A lesson with one field deleted, replaced, buried deep, repeated or given a sibling. */
function mutate(lesson: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(lesson);
  for (const { at, op, value, number, word } of mutations) {
    const all = slots(copy);
    const slot = all[at % Math.max(1, all.length)];
    if (!slot) continue;
    const target = slot.parent as Record<string, unknown>;
    const old = target[slot.key];
    if (op === 'tweak') {
      if (typeof old === 'number') target[slot.key] = number;
      else if (typeof old === 'string') target[slot.key] = word;
      else if (typeof old === 'boolean') target[slot.key] = !old;
      else target[slot.key] = value;
    } else if (op === 'clone') {
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 0, structuredClone(old));
      else target[slot.key] = structuredClone(old);
    } else if (op === 'delete') {
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete target[slot.key];
    } else if (op === 'replace') {
      target[slot.key] = value;
    } else if (op === 'nest') {
      let deep: unknown = old;
      for (let i = 0; i < 1 + (at % 40); i++) deep = i % 2 === 0 ? [deep] : { v: deep };
      target[slot.key] = deep;
    } else if (op === 'repeat') {
      target[slot.key] = Array.from({ length: 1 + (at % 50) }, () => old);
    } else {
      target[`${slot.key}${at % 3 === 0 ? '' : 'x'}_`] = value;
    }
  }
  return copy;
}

const linkExtras = fc.record({
  step: fc.option(fc.nat({ max: 200 }), { nil: undefined }),
  dropFinalAck: fc.boolean(),
});

describe('fuzzed s= links', { timeout: 120_000 }, () => {
  it('arbitrary strings: an error over the default lesson, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.stringMatching(/^[A-Za-z0-9_=-]{0,80}$/),
        ),
        linkExtras,
        async (s, extra) => openQuery(asQuery(s, extra)),
      ),
      { numRuns: 3000 * RUNS },
    );
  });

  it('base64url of random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), linkExtras, async (json, extra) =>
        openQuery(asQuery(base64url(JSON.stringify(json)), extra)),
      ),
      { numRuns: 2000 * RUNS },
    );
  });

  it('base64url of mutated lessons', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lessons),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        linkExtras,
        async (lesson, mutations, extra) =>
          openQuery(asQuery(encodeScenarioParam(mutate(lesson, mutations)), extra)),
      ),
      { numRuns: 4000 * RUNS },
    );
  });

  it('nesting deeper and arrays longer than any mutation makes', async () => {
    const lesson = JSON.stringify(lessons[0]);
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const texts = [
      deep(100_000),
      lesson.replace('"seed":7', `"seed":${deep(20_000)}`),
      lesson.replace('{"port":40000', `{"extra":${deep(50_000)},"port":40000`),
      lesson.replace(
        /"actions":\[/,
        `"actions":[${'{"at":0,"who":"client","do":"connect"},'.repeat(20_000)}`,
      ),
      lesson.replace('"bytes":5', `"bytes":${Number.MAX_SAFE_INTEGER}`),
      lesson.replace('"bytes":5', '"bytes":1e400'),
    ];
    for (const text of texts.slice(1)) expect(text).not.toBe(lesson);
    for (const text of texts) await openQuery(asQuery(base64url(text)));
  });

  it('valid links cut short or with a character changed', async () => {
    const links = lessons.map((lesson) => encodeScenarioParam(lesson));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...links),
        fc.nat(),
        fc.option(fc.constantFrom('A', '_', '-', '=', '%', ' '), { nil: undefined }),
        linkExtras,
        async (link, at, replacement, extra) => {
          const cut = at % link.length;
          const s =
            replacement === undefined
              ? link.slice(0, cut)
              : `${link.slice(0, cut)}${replacement}${link.slice(cut + 1)}`;
          await openQuery(asQuery(s, extra));
        },
      ),
      { numRuns: 1500 * RUNS },
    );
  });
});
