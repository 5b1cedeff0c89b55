// Light, dark, or the system's choice (`prefers-color-scheme`).

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { LabeledSelect } from './LabeledSelect';

const selectTheme = (s: LabState) => ({ theme: s.theme, setTheme: s.setTheme });

const THEME_CHOICES = ['system', 'light', 'dark'] as const;

export function ThemeSwitch() {
  const t = useT();
  const { theme, setTheme } = useLab(useShallow(selectTheme));
  return (
    <LabeledSelect
      className="header-field"
      label={t('ui.settings.theme.label')}
      testId="theme-select"
      value={theme ?? 'system'}
      choices={THEME_CHOICES.map((value) => ({ value, label: t(`ui.settings.theme.${value}`) }))}
      onChange={(value) => setTheme(value === 'system' ? null : value)}
    />
  );
}
