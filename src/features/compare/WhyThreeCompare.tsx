// "Why three", shown: the two-way-handshake what-if beside TCP's real handshake meeting the same
// stale SYN, each run by the lab's own engine worker (the runner the store already holds) and drawn
// whole with the lab's diagram. Loaded on demand from the why-three answer card.

import { useEffect, useState } from 'react';
import type { Scenario } from '../../engine/types';
import { useT } from '../../i18n';
import { deriveRun, type Derived } from '../../lab/derive';
import { defaultLabOptions } from '../../lab/labOptions';
import type { Run } from '../../lab/types';
import { useLab } from '../../ui/store/context';
import type { LabRunner, LabState } from '../../ui/store/labStore';
import { CompareSide } from './CompareSide';
import { COMPARE_SCENARIOS, COMPARE_VARIANTS, type CompareVariant } from './scenarios';
import './compare.css';

const selectRunner = (s: LabState) => s.runner;

export interface ShownRun {
  run: Run;
  derived: Derived;
}

type Runs = Record<CompareVariant, ShownRun>;

type Outcome = { runs: Runs } | { error: string } | null;

/** Both sides, run in the worker; the lesson's own options (nothing the student changed). */
async function runBoth(runner: LabRunner): Promise<Runs> {
  const shown = await Promise.all(
    COMPARE_VARIANTS.map(async (variant) => {
      // Raw JSON: the worker validates it; only its profile, seed and timers are read here.
      const scenario = COMPARE_SCENARIOS[variant] as Scenario;
      // Beside the lesson shown: neither stops the other's run.
      const run = await runner.run(scenario, defaultLabOptions(scenario), { beside: true });
      return [variant, { run, derived: deriveRun(run) }] as const;
    }),
  );
  return Object.fromEntries(shown) as Runs;
}

export default function WhyThreeCompare({ onClose }: { onClose: () => void }) {
  const t = useT();
  const runner = useLab(selectRunner);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    if (!runner) return;
    let live = true;
    runBoth(runner).then(
      (runs) => live && setOutcome({ runs }),
      (error: unknown) =>
        live && setOutcome({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [runner]);

  return (
    <section
      className="compare"
      aria-labelledby="compare-why-three-title"
      data-testid="compare-why-three"
      data-ready={outcome !== null && 'runs' in outcome ? 'true' : 'false'}
    >
      <div className="compare__head">
        <h3 id="compare-why-three-title">{t('ui.compare.title')}</h3>
        <button type="button" className="compare__close" onClick={onClose}>
          {t('ui.compare.close')}
        </button>
      </div>
      <p className="compare__intro">{t('ui.compare.intro')}</p>
      {outcome === null ? (
        <p className="compare__status">{t('ui.compare.loading')}</p>
      ) : 'error' in outcome ? (
        <p className="error" role="alert">
          {t('ui.compare.failed', { message: outcome.error })}
        </p>
      ) : (
        <div className="compare__sides">
          {COMPARE_VARIANTS.map((variant) => (
            <CompareSide key={variant} variant={variant} shown={outcome.runs[variant]} />
          ))}
        </div>
      )}
    </section>
  );
}
