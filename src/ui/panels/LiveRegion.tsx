// Narrates each step to screen readers (aria-live polite): what happened, or where the run is.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { useExplanation } from './useExplanation';

const selectNarrated = (s: LabState) => ({
  step: s.step,
  total: s.total,
  client: s.view?.states.client ?? 'CLOSED',
  server: s.view?.states.server ?? 'CLOSED',
  ready: s.derived !== null,
});

export function LiveRegion() {
  const t = useT();
  const n = useLab(useShallow(selectNarrated));
  const explanation = useExplanation();
  let text = '';
  if (n.ready) {
    if (n.step === 0) text = t('ui.live.reset');
    else if (explanation) text = t('ui.live.step', { n: n.step, explanation: explanation.text });
    else text = t('ui.live.stepNoExplanation', { n: n.step, total: n.total });
    if (n.ready && n.step > 0 && n.step === n.total) {
      text += ` ${t('ui.live.end', { client: n.client, server: n.server })}`;
    }
  }
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live">
      {text}
    </div>
  );
}
