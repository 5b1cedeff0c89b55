// The diagram's words in the widget's language, from the i18n catalogue (English defaults where
// the catalogue has no entry).

import { useMemo } from 'react';
import { useFormatDuration, useT } from '../../i18n';
import { DEFAULT_DIAGRAM_LABELS, type DiagramLabels } from './labels';

export function useDiagramLabels(): DiagramLabels {
  const t = useT();
  const duration = useFormatDuration();
  return useMemo<DiagramLabels>(() => {
    // Keep {name} placeholders for the diagram to fill.
    const keep = (key: Parameters<typeof t>[0]) => t(key);
    return {
      ...DEFAULT_DIAGRAM_LABELS,
      sides: { client: keep('ui.sides.client'), server: keep('ui.sides.server') },
      timeAxis: keep('ui.diagram.timeAxis'),
      compressedBreak: keep('ui.diagram.compressedBreak'),
      compressedBreakLabel: keep('ui.diagram.compressedBreakLabel'),
      currentState: keep('ui.diagram.currentState'),
      clickToDrop: keep('ui.diagram.dropThis'),
      fates: {
        'in-flight': keep('ui.fates.in-flight'),
        delivered: keep('ui.fates.delivered'),
        dropped: keep('ui.fates.dropped'),
      },
      retransmission: keep('ui.fates.retransmission'),
      duplicate: keep('ui.fates.duplicate'),
      delayed: keep('ui.fates.delayed'),
      oldDuplicate: keep('ui.fates.oldDuplicate'),
      injected: keep('ui.fates.injected'),
      dropped: keep('ui.fates.dropped'),
      timers: {
        retransmit: keep('ui.timers.retransmit'),
        'time-wait': keep('ui.timers.time-wait'),
        'fin-wait-2': keep('ui.timers.fin-wait-2'),
        'delayed-ack': keep('ui.timers.delayed-ack'),
      },
      stateAria: keep('ui.diagram.stateBadgeAria'),
      segmentAria: keep('ui.diagram.segmentAria'),
      duration,
    };
  }, [t, duration]);
}
