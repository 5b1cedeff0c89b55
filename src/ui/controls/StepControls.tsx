// Step back / play or pause / step forward / reset, and the `N / M` counter.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { predictLimit } from '../store/predictSlice';

const selectControls = (s: LabState) => ({
  step: s.step,
  total: s.total,
  playing: s.playing,
  ready: s.derived !== null,
  // Predict mode: a question holds the next step (answering plays it).
  held: s.mode === 'predict' && (predictLimit(s) ?? s.step) <= s.step && s.step < s.total,
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
      <ControlButton
        testId="step-back"
        label={t('ui.controls.stepBack')}
        keyName="←"
        symbol="◀"
        disabled={!c.ready || atStart}
        onClick={() => {
          c.pause();
          c.stepBack();
        }}
      />
      {c.playing ? (
        <ControlButton
          testId="pause"
          label={t('ui.controls.pause')}
          keyName="Space"
          symbol="❚❚"
          onClick={c.pause}
        />
      ) : (
        <ControlButton
          testId="play"
          label={t('ui.controls.play')}
          keyName="Space"
          symbol="▶"
          disabled={!c.ready || c.total === 0}
          onClick={c.play}
        />
      )}
      <ControlButton
        testId="step-forward"
        label={t('ui.controls.stepForward')}
        keyName="→"
        symbol="▶❘"
        disabled={!c.ready || atEnd || c.held}
        onClick={() => {
          c.pause();
          c.stepForward();
        }}
      />
      <ControlButton
        testId="reset"
        label={t('ui.controls.reset')}
        keyName="R"
        symbol="⟲"
        disabled={!c.ready}
        onClick={c.reset}
      />
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

interface ControlButtonProps {
  testId: string;
  /** Its accessible name. */
  label: string;
  /** The key that does the same (useKeyboard.ts), shown in the tooltip. */
  keyName: string;
  /** What the button shows, hidden from screen readers (they read `label`). */
  symbol: string;
  disabled?: boolean;
  onClick: () => void;
}

function ControlButton({ testId, label, keyName, symbol, disabled, onClick }: ControlButtonProps) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${keyName})`}
    >
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}
