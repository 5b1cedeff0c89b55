// A range input over the whole run: dragging it shows any step.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectScrubber = (s: LabState) => ({
  step: s.step,
  total: s.total,
  ready: s.derived !== null,
  goTo: s.goTo,
  pause: s.pause,
});

export function Scrubber() {
  const t = useT();
  const s = useLab(useShallow(selectScrubber));
  return (
    <input
      className="scrubber"
      type="range"
      data-testid="scrubber"
      min={0}
      max={s.total}
      step={1}
      value={s.step}
      disabled={!s.ready || s.total === 0}
      aria-label={t('ui.controls.scrubber')}
      aria-valuetext={t('ui.controls.scrubberValue', { n: s.step, total: s.total })}
      onChange={(event) => {
        s.pause();
        s.goTo(Number(event.currentTarget.value));
      }}
    />
  );
}
