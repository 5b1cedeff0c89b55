// Playback speed, 0.25× to 4×.

import { useT } from '../../i18n';
import { useLab } from '../store/context';
import { SPEEDS, type LabState } from '../store/labStore';
import { selectSpeed } from '../store/selectors';
import { LabeledSelect } from './LabeledSelect';

const selectSetSpeed = (s: LabState) => s.setSpeed;

export function SpeedControl() {
  const t = useT();
  const speed = useLab(selectSpeed);
  const setSpeed = useLab(selectSetSpeed);
  return (
    <LabeledSelect
      className="speed-control"
      label={t('ui.controls.speed')}
      testId="speed"
      value={String(speed)}
      choices={SPEEDS.map((value) => ({
        value: String(value),
        label: t('ui.controls.speedValue', { speed: value }),
      }))}
      onChange={(value) => {
        const picked = SPEEDS.find((s) => String(s) === value);
        if (picked !== undefined) setSpeed(picked);
      }}
    />
  );
}
