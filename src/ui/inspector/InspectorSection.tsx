// The segment inspector for the selected segment. Its words are a lazy namespace (`inspector`): the
// dialog opens once they are in, so it is labelled from its first frame and its focus handling runs
// on a complete dialog.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_PORTS } from '../../engine/defaults';
import { useFormatDuration, useNamespace, useT, type MessageKey } from '../../i18n';
import { segmentOptions } from '../../lab/segmentOptions';
import { SegmentInspector } from './SegmentInspector';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { selectInspected } from '../store/selectors';

const selectInspectorContext = (s: LabState) => ({
  step: s.step,
  derived: s.derived,
  explainer: s.explainer,
  scenario: s.run?.scenario ?? null,
  events: s.run?.events ?? null,
  numbering: s.numbering,
  close: s.selectSegment,
});

export function InspectorSection() {
  const t = useT();
  const duration = useFormatDuration();
  const ready = useNamespace('inspector');
  const segment = useLab(selectInspected);
  const c = useLab(useShallow(selectInspectorContext));
  const ports = useMemo(
    () => ({
      client: c.scenario?.client?.port ?? DEFAULT_PORTS.client,
      server: c.scenario?.server?.port ?? DEFAULT_PORTS.server,
    }),
    [c.scenario],
  );
  const wire = useMemo(
    () => (segment && c.events ? segmentOptions(c.events, segment.id) : null),
    [segment, c.events],
  );
  if (!ready || !segment || !c.derived) return null;
  const why = c.explainer?.at(segment.sentStep) ?? null;
  const explanation =
    why && c.explainer
      ? c.explainer.render(
          why,
          (key, params) => t(key as MessageKey, params),
          duration,
          c.numbering,
        )
      : '';
  return (
    <SegmentInspector
      segment={segment}
      ports={ports}
      explanation={explanation}
      step={c.step}
      wire={wire}
      onClose={() => c.close(null)}
    />
  );
}
