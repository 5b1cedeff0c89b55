// Where the last change of a knob shows in the run: its first differing step (store `knobEffect`,
// src/lab/runDiff.ts), with a button to go there. Read out when it changes.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectKnobEffect = (s: LabState) => ({
  effect: s.knobEffect,
  step: s.step,
  goTo: s.goTo,
  pause: s.pause,
});

export function KnobEffect() {
  const t = useT();
  const { effect, step, goTo, pause } = useLab(useShallow(selectKnobEffect));
  if (!effect) return null;
  const at = effect.step;
  return (
    <p className="knob-effect" role="status" data-testid="knob-effect" data-step={at ?? ''}>
      {at === null ? t('ui.camera.knobEffectNone') : t('ui.camera.knobEffect', { step: at })}
      {at !== null && at !== step && (
        <>
          {' '}
          <button
            type="button"
            data-testid="knob-effect-go"
            onClick={() => {
              pause();
              goTo(at);
            }}
          >
            {t('ui.camera.knobEffectGo', { step: at })}
          </button>
        </>
      )}
    </p>
  );
}
