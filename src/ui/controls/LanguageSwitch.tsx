// The widget's language: a small select whose options name each language in itself (English,
// 中文). Switching loads the locale's chunk first, then the whole widget changes at once.

import { useId } from 'react';
import { LOCALE_NAMES, LOCALES, isLocale, useLocale, useT } from '../../i18n';

export function LanguageSwitch({ className = 'header-field' }: { className?: string }) {
  const t = useT();
  const id = useId();
  const { locale, setLocale, pending } = useLocale();
  return (
    <span className={className}>
      <label htmlFor={id}>{t('ui.settings.language.label')}</label>
      <select
        id={id}
        data-testid="language-select"
        value={pending ?? locale}
        aria-busy={pending !== null}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLocale(value)) void setLocale(value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}
