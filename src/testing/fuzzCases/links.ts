// Fuzz cases for share links: random and mutated `s=` values (the unit fuzzer in
// src/lab/shareLink.fuzz.test.ts opens them through the store), broken `z=` data (the z= reader's
// test), and whole page queries mixing `s=`, `z=`, `lesson=` and the other URL options (the
// browser sample in e2e/fuzzPage.spec.ts opens them in the built page).
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { encodeScenarioParam } from '../../lab/shareLink';
import { LESSON_IDS } from '../../scenarios';
import { LESSONS, lessonById } from '../../scenarios/all';

export const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Every built-in lesson's scenario, the seeds of the mutations. */
export const LESSON_SCENARIOS = LESSONS.map((lesson) => lesson.scenario as Record<string, unknown>);

/** What a link may carry besides its scenario, as the unit fuzzer varies it. */
export interface LinkExtras {
  step?: number;
  dropFinalAck?: boolean;
}

/** The page query of an `s=` value with its extras. */
export function linkQuery(s: string, extra: LinkExtras = {}): string {
  const query = new URLSearchParams({ s });
  if (extra.step !== undefined) query.set('step', String(extra.step));
  if (extra.dropFinalAck === true) query.set('dropFinalAck', '1');
  return `?${query.toString()}`;
}

export const linkExtras: fc.Arbitrary<LinkExtras> = fc.record({
  step: fc.option(fc.nat({ max: 200 }), { nil: undefined }),
  dropFinalAck: fc.boolean(),
});

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
export type Mutation = { at: number; op: Op; value: unknown; number: number; word: string };

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
export const mutation: fc.Arbitrary<Mutation> = fc.record({
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
export function mutateLesson(
  lesson: Record<string, unknown>,
  mutations: readonly Mutation[],
): unknown {
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

/** A built-in lesson with one to three mutations. */
export const mutatedLesson: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...LESSON_SCENARIOS), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([lesson, mutations]) => mutateLesson(lesson, mutations));

/** Any short text as an `s=` value: most are not base64url, some decode to bytes. */
export const anyLinkText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.stringMatching(/^[A-Za-z0-9_=-]{0,80}$/),
);

/** base64url of random JSON. */
export const randomJsonLink: fc.Arbitrary<string> = fc
  .jsonValue({ maxDepth: 4 })
  .map((json) => base64url(JSON.stringify(json)));

/** A built-in lesson's `s=` value cut short or with a character changed. */
export const damagedLink: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LESSON_SCENARIOS.map((lesson) => encodeScenarioParam(lesson))),
    fc.nat(),
    fc.option(fc.constantFrom('A', '_', '-', '=', '%', ' '), { nil: undefined }),
  )
  .map(([link, at, replacement]) => {
    const cut = at % link.length;
    return replacement === undefined
      ? link.slice(0, cut)
      : `${link.slice(0, cut)}${replacement}${link.slice(cut + 1)}`;
  });

/**
 * Scenario texts nested deeper and with arrays longer than any mutation makes (far past the
 * 32 levels and the limits a link may have), and numbers past the safe integers.
 */
export function extremeLinkTexts(): string[] {
  const lesson = JSON.stringify(LESSON_SCENARIOS[0]);
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return [
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
}

/** Raw deflate data that is not a scenario's: random bytes, or a lesson's cut or with a byte changed. */
export const brokenDeflate: fc.Arbitrary<Uint8Array> = (() => {
  const lesson = deflateRawSync(JSON.stringify(lessonById('lost-syn')?.scenario));
  const mutated = fc
    .tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
    .map(([at, byte, cut]) => {
      const bytes = Buffer.from(lesson);
      const i = at % bytes.length;
      return cut ? bytes.subarray(0, i) : (bytes.fill(byte, i, i + 1), bytes);
    });
  return fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated);
})();

/** A `z=` value: a mutated lesson compressed as Share compresses it, or broken deflate data. */
const zLink: fc.Arbitrary<string> = fc.oneof(
  mutatedLesson.map((scenario) =>
    deflateRawSync(Buffer.from(JSON.stringify(scenario), 'utf8')).toString('base64url'),
  ),
  brokenDeflate.map((bytes) => Buffer.from(bytes).toString('base64url')),
);

/** A `lesson=` value: a real id, one a little off, or anything. */
const lessonParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...LESSON_IDS),
  fc.constantFrom(...LESSON_IDS).map((id) => `${id.toUpperCase()} `),
  fc.string({ maxLength: 80 }),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

/** A URL option's value: one the page knows, or anything. */
const optionValue = (...known: string[]) =>
  fc.option(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 })), {
    nil: undefined,
  });

/**
 * The options a link may add that leave → stepping the run (not predict mode, an exercise set or
 * SCORM, whose questions hold a step back until they are answered).
 */
const pageOptions = fc.record({
  lang: optionValue('en', 'zh', 'zh-CN', 'fr'),
  step: fc.option(fc.oneof(fc.nat({ max: 200 }).map(String), fc.string({ maxLength: 6 })), {
    nil: undefined,
  }),
  dropFinalAck: optionValue('1', '0'),
  theme: optionValue('light', 'dark'),
  scale: optionValue('linear'),
  autoplay: optionValue('1'),
  embed: optionValue('1'),
  controls: optionValue('0'),
  origins: optionValue('https://a.example', 'https://a.example,http://b.example:8080', 'null'),
});

/** What a page query carries as its scenario: at most one of `s=`, `z=` and `lesson=`, or more. */
const scenarioOptions = fc.oneof(
  { weight: 3, arbitrary: anyLinkText.map((s) => ({ s })) },
  { weight: 2, arbitrary: randomJsonLink.map((s) => ({ s })) },
  { weight: 5, arbitrary: mutatedLesson.map((scenario) => ({ s: encodeScenarioParam(scenario) })) },
  { weight: 2, arbitrary: damagedLink.map((s) => ({ s })) },
  { weight: 3, arbitrary: zLink.map((z) => ({ z })) },
  { weight: 2, arbitrary: lessonParam.map((lesson) => ({ lesson })) },
  {
    weight: 1,
    arbitrary: fc.record({ s: damagedLink, z: zLink, lesson: lessonParam }, { requiredKeys: [] }),
  },
);

/** A whole page query (`?…`), for the page opened in a browser. */
export const pageQuery: fc.Arbitrary<string> = fc
  .tuple(scenarioOptions, pageOptions)
  .map(([scenario, options]) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...scenario, ...options })) {
      if (value !== undefined) query.set(key, value);
    }
    return `?${query.toString()}`;
  });
