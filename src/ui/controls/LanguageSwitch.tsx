// The widget's language: a small select whose options name each language in itself (English,
// 中文). Switching loads the locale's chunk first, then the whole widget changes at once.

import { LOCALE_NAMES, LOCALES, useLocale, useT } from '../../i18n';
import { LabeledSelect } from './LabeledSelect';

const LANGUAGE_CHOICES = LOCALES.map((code) => ({
  value: code,
  label: LOCALE_NAMES[code],
  lang: code,
}));

export function LanguageSwitch({ className = 'header-field' }: { className?: string }) {
  const t = useT();
  const { locale, setLocale, pending } = useLocale();
  return (
    <LabeledSelect
      className={className}
      label={t('ui.settings.language.label')}
      testId="language-select"
      value={pending ?? locale}
      busy={pending !== null}
      choices={LANGUAGE_CHOICES}
      onChange={(value) => void setLocale(value)}
    />
  );
}
