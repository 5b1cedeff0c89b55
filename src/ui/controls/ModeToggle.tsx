// Watch or predict: in predict mode the lab stops before each segment that starts a phase and asks
// the student what it will be (the questions are a feature loaded on demand).
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectMode = (s: LabState) => s.mode;
const selectSetMode = (s: LabState) => s.setMode;

export function ModeToggle() {
  const t = useT();
  const mode = useLab(selectMode);
  const setMode = useLab(selectSetMode);
  return (
    <label className="mode-toggle">
      <input
        type="checkbox"
        data-testid="mode-toggle"
        checked={mode === 'predict'}
        onChange={(event) => setMode(event.currentTarget.checked ? 'predict' : 'watch')}
      />
      {t('ui.controls.predictMode')}
    </label>
  );
}
