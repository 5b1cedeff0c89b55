// Where a message about bad input or a failed run is shown; the page keeps working around it.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useLab } from './store/context';
import type { LabState } from './store/labStore';

const selectBanner = (s: LabState) => ({ error: s.error, dismiss: s.dismissError });

export function ErrorBanner() {
  const t = useT();
  const { error, dismiss } = useLab(useShallow(selectBanner));
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <p data-testid="error">{error.message}</p>
      <button type="button" onClick={dismiss} aria-label={t('ui.errors.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
