// Fuzz cases for the course-page messages: random and mutated postMessage payloads and the
// origins they come from. The unit fuzzer (src/features/embed/messages.fuzz.test.ts) sends them
// through the widget's inbound path on a store; the browser sample (e2e/fuzzPage.spec.ts) posts
// them to a lab embedded in a course page, from the frames of the origins a browser can give.
import fc from 'fast-check';
import type { Scenario } from '../../engine/types';
import { MAX_SCENARIO_TEXT } from '../../features/embed/commands';
import lessonJson from '../../scenarios/client-closes-first.json';

/** The lesson the mutated scenarios start from. */
export const FUZZ_LESSON = lessonJson as Scenario;
const lesson = FUZZ_LESSON;

/** The course page's origin, in the unit fuzzer. */
export const PARENT = 'https://moodle.example.edu';
/** The origins its `origins=` allows besides, in the unit fuzzer. */
export const ALLOWED = ['https://tools.example.edu'];
const TYPES = ['step', 'back', 'play', 'pause', 'reset', 'load'] as const;

/** A scenario buried `depth` levels deep in arrays and objects. */
function nested(depth: number): unknown {
  let value: unknown = { actions: [] };
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const HUGE_TEXT = `{"actions":[${'1,'.repeat(MAX_SCENARIO_TEXT / 2)}1]}`;
const DEEP_TEXT = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;

/** Where a message comes from in the unit fuzzer: the course page, an allowed origin, others. */
export const origin = fc.oneof(
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
export const scenario: fc.Arbitrary<unknown> = fc.oneof(
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

/** Anything a frame might post: commands, commands with one thing wrong, any value. */
export const payload = fc.oneof(
  { weight: 3, arbitrary: validCommand },
  { weight: 4, arbitrary: mutatedCommand },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true }) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.array(fc.anything())),
  },
);

/**
 * The frames a browser can post from to a lab embedded in a course page: the course page (the
 * lab's parent), another site the lab's `origins=` names, a sandboxed frame (the opaque origin
 * `null`) and the lab's own document (its own origin, which is neither allowed).
 */
export type Sender = 'course' | 'allowed' | 'opaque' | 'self';

/** One message for the browser: who posts it and what. */
export interface PageMessage {
  from: Sender;
  data: unknown;
}

export const pageMessage: fc.Arbitrary<PageMessage> = fc.record({
  from: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Sender>('course') },
    { weight: 2, arbitrary: fc.constant<Sender>('allowed') },
    { weight: 1, arbitrary: fc.constant<Sender>('opaque') },
    { weight: 1, arbitrary: fc.constant<Sender>('self') },
  ),
  data: payload,
});
