// What the shown step did and why, naming its RFC 9293 section, and the engine's own source for
// its decision (an RFC section or a Linux function) when that is another one.

import { useShallow } from 'zustand/react/shallow';
import { useFormatDuration, useT } from '../../i18n';
import { rfcReference } from '../rfc';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { useExplanation } from './useExplanation';

const selectExplained = (s: LabState) => ({ step: s.step, total: s.total, t: s.view?.t ?? 0 });

export function ExplanationPanel() {
  const t = useT();
  const duration = useFormatDuration();
  const { step, total, t: time } = useLab(useShallow(selectExplained));
  const explanation = useExplanation();
  return (
    <section
      className="panel explanation"
      aria-labelledby="explanation-title"
      data-testid="explanation"
    >
      <h2 id="explanation-title">{t('ui.explanation.title')}</h2>
      {explanation ? (
        <>
          <p data-testid="explanation-text">{explanation.text}</p>
          {explanation.rfc && (
            <span className="rfc" data-testid="explanation-rfc">
              {rfcReference(explanation.rfc, t)}
            </span>
          )}
          {explanation.rfc && explanation.cite && ' · '}
          {explanation.cite && (
            <cite className="rfc rfc--engine" data-testid="explanation-cite">
              {explanation.cite}
            </cite>
          )}
        </>
      ) : (
        <p>{step === 0 ? t('ui.explanation.none') : t('ui.controls.atEnd')}</p>
      )}
      {step > 0 && (
        <p className="step-time">
          {t('ui.controls.simTime', { time: duration(time) })}
          {step === total ? ` · ${t('ui.controls.atEnd')}` : ''}
        </p>
      )}
    </section>
  );
}
