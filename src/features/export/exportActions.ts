// The export menu's work: each kind of file made from the widget's state at that moment (the run
// shown, its step, its language) and saved.

import type { Side } from '../../engine/types';
import { runToPcap } from '../../capture/writePcap';
import { DEFAULT_PORTS } from '../../engine/defaults';
import {
  en,
  hasKey,
  loadedMessages,
  loadNamespace,
  translate,
  type Locale,
  type MessageKey,
  type TFunction,
} from '../../i18n/core';
import { formatDuration } from '../../i18n/format';
import { stateChangesUpTo } from '../../lab/stateChanges';
import type { DiagramLabels, DiagramProps } from '../../ui/diagram';
import { ENDPOINT_ADDRESSES } from '../../engine/addresses';
import { explainerFor } from '../../lab/explain';
import { type LabState } from '../../ui/store/labStore';
import { CAPTURE_LESSON_ID, CUSTOM_LESSON_ID, type Run } from '../../lab/types';
import { diagramSvgFile } from './diagramFile';
import { downloadBlob } from './download';
import { exportFileName, MIME_TYPES, type ExportKind } from './fileNames';
import { buildHandout, renderMarkdown } from './markdown';
import { svgToPng } from './png';
import type { ExportTheme } from './stage';
import { traceFileText } from './traceFile';

export interface ExportRequest {
  kind: ExportKind;
  /** The widget's state when asked. */
  state: LabState;
  /** The diagram's words in the widget's language (as the page draws it). */
  labels: DiagramLabels;
  locale: Locale;
  /** The widget's root element (`.lab`): the diagram on screen is inside it. */
  container: HTMLElement;
  theme: ExportTheme;
}

/** A translator over the locale's messages as loaded now (call after loading namespaces). */
function translatorFor(locale: Locale): TFunction {
  const messages = loadedMessages(locale) ?? en;
  return (key, params) => translate(messages, key, params);
}

function lessonWords(state: LabState, t: TFunction): { title: string; summary: string } {
  const id = state.lessonId;
  if (id === CUSTOM_LESSON_ID) {
    return { title: t('ui.lesson.custom'), summary: state.run?.scenario.description ?? '' };
  }
  if (id === CAPTURE_LESSON_ID && state.capture) return { title: state.capture.label, summary: '' };
  const title = `lessons.${id}.title`;
  const summary = `lessonFrames.${id}.summary`;
  return {
    title: hasKey(title) ? t(title as MessageKey) : id,
    summary: hasKey(summary) ? t(summary as MessageKey) : '',
  };
}

/** The props the page's diagram has at this state (as DiagramSection gives them). */
export function diagramPropsOf(state: LabState, labels: DiagramLabels): DiagramProps {
  const { derived, view, run } = state;
  if (!derived || !view) throw new Error('nothing is shown yet');
  const end = state.step > 0 ? (derived.steps[state.step - 1]?.end ?? 0) : 0;
  const label = (side: Side) =>
    state.capture?.endpoints[side] ??
    `${ENDPOINT_ADDRESSES[side]}:${run?.scenario[side]?.port ?? DEFAULT_PORTS[side]}`;
  return {
    segments: derived.segments,
    view,
    axis: derived.axis,
    stateChanges: stateChangesUpTo(derived.stateChanges, end),
    endpoints: { client: { label: label('client') }, server: { label: label('server') } },
    numbering: state.numbering,
    labels,
  };
}

/**
 * The most arrows an exported diagram holds. Every arrow is drawn and its styles read one by one,
 * about 1 to 4 ms each in Chromium on our machines: a thousand keep the page busy for seconds at
 * most, where a step of a long capture (200,000 arrows) would freeze it for minutes; and the image
 * of more would be over 28,000 px tall (an arrow has a row of at least 28 px).
 */
export const EXPORT_MAX_ARROWS = 1_000;

async function diagramFile(request: ExportRequest, t: TFunction) {
  const { state, container } = request;
  const arrows = state.view?.fates.size ?? 0;
  if (arrows > EXPORT_MAX_ARROWS) {
    throw new Error(t('exporting.menu.tooManyArrows', { count: arrows, max: EXPORT_MAX_ARROWS }));
  }
  const onScreen = container.querySelector<HTMLElement>('[data-testid="diagram"]');
  if (!onScreen) throw new Error('no diagram on the page');
  const width = onScreen.getBoundingClientRect().width;
  const title = `${t('ui.app.title')}: ${lessonWords(state, t).title} · ${t(
    'ui.controls.stepCounterLabel',
    { n: state.step, total: state.total },
  )}`;
  return diagramSvgFile(
    diagramPropsOf(state, request.labels),
    container,
    width,
    request.theme,
    title,
  );
}

async function markdownText(state: LabState, locale: Locale): Promise<string> {
  const { run, derived } = state;
  if (!run || !derived) throw new Error('nothing is shown yet');
  const [explainer] = await Promise.all([
    state.explainer ?? explainerFor(run, derived),
    loadNamespace(locale, 'explain'),
    loadNamespace(locale, 'exporting'),
    loadNamespace(locale, 'lessonFrames'),
  ]);
  const t = translatorFor(locale);
  const lesson = lessonWords(state, t);
  const handout = buildHandout(
    {
      lessonTitle: lesson.title,
      lessonSummary: lesson.summary,
      options: state.options,
      lessonOptions: state.lessonOptions,
      steps: derived.steps,
      statesAfter: (step) => derived.viewAt(step).states,
      final: run.final,
      explanationAt: explainer.at,
      renderExplanation: explainer.render,
    },
    t,
    (ms) => formatDuration(ms, locale),
  );
  return renderMarkdown(handout);
}

/** The run on screen; an export before the first run is ready is refused. */
function shownRun(state: LabState): Run {
  if (!state.run) throw new Error('nothing is shown yet');
  return state.run;
}

/** Makes the file and saves it; returns its name. */
export async function exportFile(request: ExportRequest): Promise<string> {
  const { kind, state } = request;
  const name = exportFileName(kind, state.lessonId, state.step);
  let blob: Blob;
  switch (kind) {
    case 'svg':
    case 'png': {
      const t = translatorFor(request.locale);
      const file = await diagramFile(request, t);
      blob =
        kind === 'svg'
          ? new Blob([file.text], { type: MIME_TYPES.svg })
          : await svgToPng(file.text, file.width, file.height, file.fonts);
      break;
    }
    case 'trace':
      blob = new Blob([traceFileText(shownRun(state))], { type: MIME_TYPES.trace });
      break;
    case 'markdown':
      blob = new Blob([await markdownText(state, request.locale)], { type: MIME_TYPES.markdown });
      break;
    case 'pcap':
      blob = new Blob([runToPcap(shownRun(state))], { type: MIME_TYPES.pcap });
      break;
  }
  downloadBlob(blob, name);
  return name;
}
