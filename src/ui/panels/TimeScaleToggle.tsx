// The diagram's "to scale" switch: a warped time axis (every instant a row, long gaps compressed)
// or one in which y is linear in time, so that an arrow's slant is its delay (lab/timeAxis.ts).

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectTimeScale = (s: LabState) => ({
  timeScale: s.timeScale,
  setTimeScale: s.setTimeScale,
});

export function TimeScaleToggle() {
  const t = useT();
  const id = useId();
  const s = useLab(useShallow(selectTimeScale));
  return (
    <div className="field time-scale">
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="time-scale-toggle"
          checked={s.timeScale === 'linear'}
          aria-describedby={`${id}-help`}
          onChange={(event) => s.setTimeScale(event.currentTarget.checked ? 'linear' : 'warped')}
        />
        {t('ui.settings.timeScale.label')}
      </label>
      <p className="help" id={`${id}-help`}>
        {t(
          s.timeScale === 'linear'
            ? 'ui.settings.timeScale.linear'
            : 'ui.settings.timeScale.warped',
        )}
      </p>
    </div>
  );
}
