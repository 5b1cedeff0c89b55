// The explanations' consistency over random scenarios (loss, seeds, faults, what-ifs, injected
// segments): every step is worded in both languages with every placeholder filled, and what each
// sentence claims about timers, retransmissions, window checks and states is in the step's events.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { formatDuration, loadLocale } from '../i18n';
import { explain as enExplain } from '../i18n/locales/en/explain';
import { explain as zhExplain } from '../i18n/locales/zh-CN/explain';
import { unsupportedClaims } from '../testing/explanationClaims';
import { PROPERTY_MAX_EVENTS, scenarioArb } from '../testing/scenarioArbitrary';
import { deriveRun } from './derive';
import { explainerFor, type Numbering } from './explain';
import { strictTranslator } from '../testing/words';
import { runWithCauses } from './run';

beforeAll(async () => {
  await loadLocale('zh-CN');
});

const strict = strictTranslator;

const EN = strict({ explain: enExplain });
const ZH = strict({ explain: zhExplain });

/** Lesson-like scenarios, sometimes with a what-if, Linux's RFC 1337 switch or a stray segment. */
const variedScenario: fc.Arbitrary<Scenario> = fc
  .record({
    base: scenarioArb,
    whatIf: fc.constantFrom(
      undefined,
      { noTimeWait: true },
      { twoWayHandshake: true },
      { reuseTimeWait: true },
    ),
    rfc1337: fc.boolean(),
    inject: fc.option(
      fc.record({
        at: fc.integer({ min: 0, max: 3000 }),
        to: fc.constantFrom('client' as const, 'server' as const),
        flags: fc.constantFrom('ACK', 'RST', 'SYN', 'FIN,ACK', 'RST,ACK'),
        seq: fc.integer({ min: -5, max: 70_000 }),
        ack: fc.integer({ min: 0, max: 5000 }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ base, whatIf, rfc1337, inject }) => ({
    ...base,
    ...(whatIf ? { whatIf } : {}),
    ...(rfc1337 && base.profile === 'linux' ? { sysctl: { tcp_rfc1337: 1 } } : {}),
    ...(inject ? { inject: [inject] } : {}),
  }));

describe('explanations of random scenarios', () => {
  it('are worded in both languages and claim only what the step’s events show', () => {
    fc.assert(
      fc.property(
        variedScenario,
        fc.constantFrom<Numbering>('relative', 'absolute'),
        (scenario, numbering) => {
          const run = runWithCauses(scenario, { maxEvents: PROPERTY_MAX_EVENTS });
          const model = deriveRun(run);
          const explainer = explainerFor(run, model);
          const segments = new Map(model.segments.map((s) => [s.id, s]));
          run.causeStarts.forEach((start, i) => {
            const e = explainer.at(i + 1);
            expect(e).not.toBeNull();
            const en = explainer.render(e!, EN, (ms) => formatDuration(ms, 'en'), numbering);
            explainer.render(e!, ZH, (ms) => formatDuration(ms, 'zh-CN'), numbering);
            if (numbering === 'absolute') return;
            const events = run.events.slice(start, run.causeStarts[i + 1] ?? run.events.length);
            const problems = unsupportedClaims(en, {
              events,
              segments,
              before: run.events.slice(0, start),
            });
            expect(problems, `step ${i + 1}: ${en}`).toEqual([]);
          });
        },
      ),
      { numRuns: 1_000 },
    );
    // A thousand runs take seconds alone, longer beside the rest of the suite on two cores.
  }, 120_000);
});
