// The diagram's words in the widget's language, from the i18n catalogue (English defaults where
// the catalogue has no entry).

import { useMemo } from 'react';
import { useFormatDuration, useT, type TFunction } from '../../i18n';
import { DEFAULT_DIAGRAM_LABELS, type DiagramLabels } from './labels';

export function useDiagramLabels(): DiagramLabels {
  const t = useT();
  const duration = useFormatDuration();
  return useMemo(() => diagramLabels(t, duration), [t, duration]);
}

/** The diagram's words from a translation function (outside React too: the layout tests). */
export function diagramLabels(t: TFunction, duration: (ms: number) => string): DiagramLabels {
  // Keep {name} placeholders for the diagram to fill.
  const keep = (key: Parameters<typeof t>[0]) => t(key);
  return {
    ...DEFAULT_DIAGRAM_LABELS,
    sides: {
      client: keep('ui.sides.client'),
      server: keep('ui.sides.server'),
      listener: keep('ui.sides.listener'),
    },
    timeAxis: keep('ui.diagram.timeAxis'),
    scaleLinear: keep('ui.diagram.scaleLinear'),
    scaleWarped: keep('ui.diagram.scaleWarped'),
    compressedBreak: keep('ui.diagram.compressedBreak'),
    compressedBreakLabel: keep('ui.diagram.compressedBreakLabel'),
    currentState: keep('ui.diagram.currentState'),
    listenerState: keep('ui.diagram.listenerState'),
    listenerLine: keep('ui.diagram.listenerLine'),
    newSocket: keep('ui.diagram.newSocket'),
    newSocketAria: keep('ui.diagram.newSocketAria'),
    appCallAria: keep('ui.diagram.appCallAria'),
    appOwners: {
      client: keep('ui.diagram.appOwners.client'),
      server: keep('ui.diagram.appOwners.server'),
      listener: keep('ui.diagram.appOwners.listener'),
    },
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
      'loss-probe': keep('ui.timers.loss-probe'),
    },
    due: keep('ui.diagram.timerDue'),
    segmentsGroup: keep('ui.diagram.segmentsGroup'),
    clickToInspect: keep('ui.diagram.clickToInspect'),
    stateAria: keep('ui.diagram.stateBadgeAria'),
    segmentAria: keep('ui.diagram.segmentAria'),
    duration,
  };
}
