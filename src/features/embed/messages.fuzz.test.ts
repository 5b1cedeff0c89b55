// Fuzz: random and mutated postMessage payloads, from allowed origins and others, through the
// widget's whole inbound path (origin policy, parser, command on a real store over the engine
// worker's service). Nothing may throw or hang, a message from an origin not allowed must change
// nothing, and afterwards the widget must still step.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import lessonJson from '../../scenarios/client-closes-first.json';
import { LabDriver } from '../../testing/labDriver';
import type { LabStore } from '../../ui/store/labStore';
import { applyCommand, MAX_SCENARIO_TEXT } from './commands';
import { parseInboundMessage } from './messages';
import { isAllowedOrigin } from './origins';

const lesson = lessonJson as Scenario;

/**
 * A store over the engine service with each run capped (a random scenario may loop until its end)
 * and only the newest request run (a flood of `load` messages would otherwise run thousands of
 * scenarios nobody sees).
 */
const newDriver = () =>
  new LabDriver({ lessons: { basic: lesson }, maxEvents: 5_000, latestOnly: true });

const PARENT = 'https://moodle.example.edu';
const ALLOWED = ['https://tools.example.edu'];
const TYPES = ['step', 'back', 'play', 'pause', 'reset', 'load'] as const;

/** What the page's message listener does with one message (useCourseMessages). */
function receive(store: LabStore, origin: string, data: unknown): void {
  if (!isAllowedOrigin(origin, PARENT, ALLOWED)) return;
  const command = parseInboundMessage(data);
  if (command) applyCommand(store, command);
}

function nested(depth: number): unknown {
  let value: unknown = { actions: [] };
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const HUGE_TEXT = `{"actions":[${'1,'.repeat(MAX_SCENARIO_TEXT / 2)}1]}`;
const DEEP_TEXT = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;

const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constant(PARENT) },
  { weight: 2, arbitrary: fc.constantFrom(...ALLOWED) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(
        'null',
        '',
        'http://moodle.example.edu',
        'https://moodle.example.edu:444',
        'https://evil.example.com',
        `${PARENT}/`,
      ),
      fc.webUrl().map((url) => new URL(url).origin),
      fc.string(),
    ),
  },
);

/** Scenarios a course page might send, broken in every way we can think of. */
const scenario: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(lesson),
  fc.constant(JSON.stringify(lesson)),
  // The lesson with one field replaced by anything.
  fc
    .tuple(
      fc.constantFrom('seed', 'profile', 'client', 'server', 'network', 'actions', 'faults', 'x'),
      fc.anything({ maxDepth: 3 }),
    )
    .map(([key, value]) => ({ ...lesson, [key]: value })),
  // One action replaced by anything.
  fc
    .tuple(fc.nat({ max: lesson.actions.length - 1 }), fc.anything({ maxDepth: 2 }))
    .map(([i, value]) => ({
      ...lesson,
      actions: lesson.actions.map((a, j) => (j === i ? value : a)),
    })),
  // The lesson's JSON cut short or with a character changed.
  fc.tuple(fc.nat(), fc.string({ maxLength: 1 })).map(([at, char]) => {
    const text = JSON.stringify(lesson);
    const i = at % text.length;
    return text.slice(0, i) + char + text.slice(i + 1);
  }),
  fc.json(),
  fc.string(),
  fc.anything(),
  fc.constantFrom(null, undefined, 0, -1, NaN, Infinity, '', '{}', '[]', 'null', true),
  fc.constantFrom(HUGE_TEXT, DEEP_TEXT),
  fc.integer({ min: 1, max: 2000 }).map(nested),
);

const validCommand = fc.oneof(
  fc.constantFrom(...TYPES.filter((t) => t !== 'load')).map((type) => ({
    target: 'handshake-lab',
    type,
  })),
  scenario.map((s) => ({ target: 'handshake-lab', type: 'load', scenario: s })),
);

/** A valid command with one thing wrong (or merely extra). */
const mutatedCommand = fc.oneof(
  fc
    .tuple(validCommand, fc.anything({ maxDepth: 2 }))
    .map(([command, type]) => ({ ...command, type })),
  fc
    .tuple(validCommand, fc.anything({ maxDepth: 2 }))
    .map(([command, target]) => ({ ...command, target })),
  fc
    .tuple(validCommand, fc.dictionary(fc.string(), fc.anything({ maxDepth: 2 })))
    .map(([command, extra]) => ({ ...extra, ...command })),
  fc
    .tuple(validCommand, fc.constantFrom('target', 'type', 'scenario'))
    .map(([command, key]) =>
      Object.fromEntries(Object.entries(command).filter(([k]) => k !== key)),
    ),
  validCommand.map((command) => [command]),
  validCommand.map((command) => JSON.stringify(command)),
  validCommand.map((command) => ({ ...command, target: 'Handshake-Lab' })),
  validCommand.map((command) => ({ source: 'handshake-lab', type: command.type })),
  fc
    .tuple(fc.constantFrom(...TYPES), fc.string())
    .map(([type, suffix]) => ({ target: 'handshake-lab', type: type + suffix })),
);

const payload = fc.oneof(
  { weight: 3, arbitrary: validCommand },
  { weight: 4, arbitrary: mutatedCommand },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true }) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.array(fc.anything())),
  },
);

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
