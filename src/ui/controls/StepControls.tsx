// Step back / play or pause / step forward / reset, and the `N / M` counter.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectControls = (s: LabState) => ({
  step: s.step,
  total: s.total,
  playing: s.playing,
  ready: s.derived !== null,
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  play: s.play,
  pause: s.pause,
  reset: s.reset,
});

export function StepControls() {
  const t = useT();
  const c = useLab(useShallow(selectControls));
  const atStart = c.step === 0;
  const atEnd = c.step >= c.total;
  return (
    <div className="step-controls" role="group" aria-label={t('ui.controls.groupLabel')}>
      <button
        type="button"
        data-testid="step-back"
        onClick={() => {
          c.pause();
          c.stepBack();
        }}
        disabled={!c.ready || atStart}
        aria-label={t('ui.controls.stepBack')}
        title={`${t('ui.controls.stepBack')} (←)`}
      >
        <span aria-hidden="true">◀</span>
      </button>
      {c.playing ? (
        <button
          type="button"
          data-testid="pause"
          onClick={c.pause}
          aria-label={t('ui.controls.pause')}
          title={`${t('ui.controls.pause')} (Space)`}
        >
          <span aria-hidden="true">❚❚</span>
        </button>
      ) : (
        <button
          type="button"
          data-testid="play"
          onClick={c.play}
          disabled={!c.ready || c.total === 0}
          aria-label={t('ui.controls.play')}
          title={`${t('ui.controls.play')} (Space)`}
        >
          <span aria-hidden="true">▶</span>
        </button>
      )}
      <button
        type="button"
        data-testid="step-forward"
        onClick={() => {
          c.pause();
          c.stepForward();
        }}
        disabled={!c.ready || atEnd}
        aria-label={t('ui.controls.stepForward')}
        title={`${t('ui.controls.stepForward')} (→)`}
      >
        <span aria-hidden="true">▶❘</span>
      </button>
      <button
        type="button"
        data-testid="reset"
        onClick={c.reset}
        disabled={!c.ready}
        aria-label={t('ui.controls.reset')}
        title={`${t('ui.controls.reset')} (R)`}
      >
        <span aria-hidden="true">⟲</span>
      </button>
      <output
        className="step-counter"
        data-testid="step-counter"
        aria-label={t('ui.controls.stepCounterLabel', { n: c.step, total: c.total })}
      >
        {`${c.step} / ${c.total}`}
      </output>
    </div>
  );
}
