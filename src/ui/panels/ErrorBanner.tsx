// Where a message about bad input or a failed run is shown; the page keeps working around it.
// A link or a course page's scenario that could not be shown gets a sentence in the reader's
// language saying what the page shows instead, before the one-line technical reason.

import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../i18n';
import { useLab } from '../store/context';
import type { LabErrorKind, LabState } from '../store/labStore';

const selectBanner = (s: LabState) => ({ error: s.error, dismiss: s.dismissError });

const LEADS: Partial<Record<LabErrorKind, MessageKey>> = {
  link: 'ui.share.linkLead',
  load: 'ui.share.loadLead',
};

export function ErrorBanner() {
  const t = useT();
  const { error, dismiss } = useLab(useShallow(selectBanner));
  if (!error) return null;
  const lead = LEADS[error.kind];
  return (
    <div className="error-banner" role="alert">
      <p data-testid="error" data-kind={error.kind}>
        {lead && <span className="error-lead">{t(lead)} </span>}
        <span className="error-detail">{error.message}</span>
      </p>
      <button type="button" onClick={dismiss} aria-label={t('ui.errors.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
