// Light, dark, or the system's choice (`prefers-color-scheme`).

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectTheme = (s: LabState) => ({ theme: s.theme, setTheme: s.setTheme });

export function ThemeSwitch() {
  const t = useT();
  const id = useId();
  const { theme, setTheme } = useLab(useShallow(selectTheme));
  return (
    <span className="header-field">
      <label htmlFor={id}>{t('ui.settings.theme.label')}</label>
      <select
        id={id}
        data-testid="theme-select"
        value={theme ?? 'system'}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setTheme(value === 'light' || value === 'dark' ? value : null);
        }}
      >
        <option value="system">{t('ui.settings.theme.system')}</option>
        <option value="light">{t('ui.settings.theme.light')}</option>
        <option value="dark">{t('ui.settings.theme.dark')}</option>
      </select>
    </span>
  );
}
