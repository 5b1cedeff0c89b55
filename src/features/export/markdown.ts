// The step explanations as a Markdown handout for teachers: a title, what the run is (the lesson,
// its behaviour, what the student changed), then one numbered entry per step with its simulated
// time, what happened and why (with its RFC section) and both sides' states after it. Pure: the
// words come through the translator passed in, in the widget's language.

import type { Side, TcpState } from '../../engine/types';
import type { MessageKey, TFunction } from '../../i18n/core';
import type { Explainer } from '../../lab/explain';
import type { Explanation } from '../../lab/explain/explanation';
import { rfcReference } from '../../ui/rfc';
import type { LabOptions, Step } from '../../lab/types';

export interface HandoutStep {
  number: number;
  time: string;
  /** What happened and why; empty when not known. */
  text: string;
  /** `RFC 9293 §3.5`, or empty. */
  rfc: string;
  /** Both sides' states after the step, in words. */
  after: string;
}

export interface Handout {
  title: string;
  /** The lesson's one-line summary, if it has one. */
  intro: string;
  /** Lines of the run's summary: its behaviour and the options changed. */
  facts: string[];
  stepsHeading: string;
  steps: HandoutStep[];
  /** Shown instead of the steps when the run has none. */
  empty: string;
  /** The states at the end of the run. */
  final: string;
  footer: string;
}

/** Markdown's special characters in running text (underscores inside words are left: TIME_WAIT). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*[\]<>|])/g, '\\$1')
    .replace(/(^|\s)_/g, '$1\\_')
    .replace(/_(\s|$)/g, '\\_$1');
}

/** The handout as Markdown: one `N. ` list item per step, each on its own line(s). */
export function renderMarkdown(doc: Handout): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.intro) out.push(escapeMarkdown(doc.intro), '');
  for (const fact of doc.facts) out.push(`- ${escapeMarkdown(fact)}`);
  if (doc.facts.length > 0) out.push('');
  out.push(`## ${escapeMarkdown(doc.stepsHeading)}`, '');
  if (doc.steps.length === 0) out.push(escapeMarkdown(doc.empty), '');
  for (const step of doc.steps) {
    const what = [step.text, step.rfc ? `(${step.rfc})` : ''].filter(Boolean).join(' ');
    const marker = `${step.number}. `;
    // Two trailing spaces: a line break inside the item, so the states sit under the text, indented
    // as far as the item's text.
    out.push(
      `${marker}**${escapeMarkdown(step.time)}** · ${escapeMarkdown(what)}  `,
      `${' '.repeat(marker.length)}*${escapeMarkdown(step.after)}*`,
    );
  }
  if (doc.steps.length > 0) out.push('');
  if (doc.final) out.push(escapeMarkdown(doc.final), '');
  out.push('---', '', escapeMarkdown(doc.footer), '');
  return out.join('\n');
}

/** What the handout is made from: the run shown and the lesson it came from. */
export interface HandoutSource {
  lessonTitle: string;
  lessonSummary: string;
  options: LabOptions;
  /** The lesson's own options: what differs is what the student changed. */
  lessonOptions: LabOptions;
  steps: readonly Step[];
  statesAfter: (step: number) => Record<Side, TcpState>;
  final: Record<Side, TcpState>;
  explanationAt: (step: number) => Explanation | null;
  renderExplanation: Explainer['render'];
}

/** The options that differ from the lesson's, in words (`Loss rate: 10 %`). */
export function changedOptions(options: LabOptions, lesson: LabOptions, t: TFunction): string[] {
  const out: string[] = [];
  const onOff = (on: boolean) => t(on ? 'exporting.markdown.on' : 'exporting.markdown.off');
  const line = (label: MessageKey, value: string) => `${t(label)}: ${value}`;
  if ((options.profile ?? 'rfc9293') !== (lesson.profile ?? 'rfc9293')) {
    out.push(
      line('ui.settings.profile.label', t(`ui.settings.profile.${options.profile ?? 'rfc9293'}`)),
    );
  }
  if (options.mslMs !== lesson.mslMs && options.mslMs !== undefined) {
    const seconds = Number((options.mslMs / 1000).toFixed(3));
    out.push(line('ui.settings.msl.label', t('ui.settings.msl.value', { seconds })));
  }
  if (options.lossPercent !== lesson.lossPercent) {
    const percent = options.lossPercent;
    out.push(line('ui.settings.lossRate.label', t('ui.settings.lossRate.value', { percent })));
  }
  if (options.seed !== lesson.seed) out.push(line('ui.settings.seed.label', String(options.seed)));
  if (options.dropFinalAck !== lesson.dropFinalAck) {
    out.push(line('ui.settings.dropFinalAck.label', onOff(options.dropFinalAck)));
  }
  if (options.reusePort !== lesson.reusePort) {
    out.push(line('ui.settings.reusePort.label', onOff(options.reusePort)));
  }
  if (options.extraFaults.length > 0) {
    out.push(t('exporting.markdown.droppedByHand', { count: options.extraFaults.length }));
  }
  return out;
}

/**
 * The handout's words for a run, in the translator's language; times and durations as the page
 * writes them (`formatDuration`: i18n's, in the same language).
 */
export function buildHandout(
  source: HandoutSource,
  t: TFunction,
  formatDuration: (ms: number) => string,
): Handout {
  const loose = (key: string, params?: Record<string, string | number>) =>
    t(key as MessageKey, params);
  const profile = source.options.profile ?? 'rfc9293';
  const changed = changedOptions(source.options, source.lessonOptions, t);
  const facts = [
    `${t('ui.settings.profile.label')}: ${t(`ui.settings.profile.${profile}`)}`,
    changed.length > 0
      ? `${t('exporting.markdown.changed')}: ${changed.join('; ')}`
      : t('exporting.markdown.unchanged'),
  ];
  const statesIn = (states: Record<Side, TcpState>, key: MessageKey) =>
    t(key, { client: states.client, server: states.server });
  const steps = source.steps.map((step): HandoutStep => {
    const explanation = source.explanationAt(step.number);
    return {
      number: step.number,
      time: formatDuration(step.t),
      text: explanation ? source.renderExplanation(explanation, loose, formatDuration) : '',
      rfc: explanation?.rfc ? rfcReference(explanation.rfc, t) : (explanation?.cite ?? ''),
      after: statesIn(source.statesAfter(step.number), 'exporting.markdown.after'),
    };
  });
  return {
    title: t('exporting.markdown.title', { app: t('ui.app.title'), lesson: source.lessonTitle }),
    intro: source.lessonSummary,
    facts,
    stepsHeading: t('exporting.markdown.steps'),
    steps,
    empty: t('ui.status.empty'),
    final: statesIn(source.final, 'exporting.markdown.final'),
    footer: t('exporting.markdown.footer'),
  };
}
