// Playback speed, 0.25× to 4×.

import { useId } from 'react';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import { SPEEDS, type LabState, type Speed } from '../store/labStore';
import { selectSpeed } from '../store/selectors';

const selectSetSpeed = (s: LabState) => s.setSpeed;

export function SpeedControl() {
  const t = useT();
  const id = useId();
  const speed = useLab(selectSpeed);
  const setSpeed = useLab(selectSetSpeed);
  return (
    <span className="speed-control">
      <label htmlFor={id}>{t('ui.controls.speed')}</label>
      <select
        id={id}
        data-testid="speed"
        value={speed}
        onChange={(event) => setSpeed(Number(event.currentTarget.value) as Speed)}
      >
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {t('ui.controls.speedValue', { speed: value })}
          </option>
        ))}
      </select>
    </span>
  );
}
