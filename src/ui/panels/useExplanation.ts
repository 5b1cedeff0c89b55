// The shown step's explanation in the widget's language (null until the explanations are loaded:
// the explaining code, and the `explain` i18n namespace, fetched once the explainer is in).

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFormatDuration, useNamespace, useT, type MessageKey } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';

const selectExplanation = (s: LabState) => ({
  explainer: s.explainer,
  explanation: s.explainer?.at(s.step) ?? null,
  // The sentences name numbers as the diagram shows them: relative to each ISN, or on the wire.
  numbering: s.numbering,
});

export function useExplanation(): { text: string; rfc: string | null; cite: string | null } | null {
  const t = useT();
  const duration = useFormatDuration();
  const { explainer, explanation, numbering } = useLab(useShallow(selectExplanation));
  const words = useNamespace('explain', explainer !== null);
  return useMemo(() => {
    if (!explainer || !explanation || !words) return null;
    const text = explainer.render(
      explanation,
      (key, params) => t(key as MessageKey, params),
      duration,
      numbering,
    );
    return { text, rfc: explanation.rfc ?? null, cite: explanation.cite ?? null };
  }, [explainer, explanation, numbering, words, t, duration]);
}
