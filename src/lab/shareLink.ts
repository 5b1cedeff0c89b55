// Links that reopen what a widget shows: the Share button's link and the Embed dialog's iframe URL
// and snippet. Pure (no DOM), so tests build a link, reopen it through the page's own URL reading
// and compare the runs.
//
// A share link carries the whole scenario (`s=`) with the student's knobs baked in (loss, seed,
// profile, MSL, port reuse, the segments clicked to drop), so it shows the same run even if the
// lesson changes in a later version. Only "drop the final ACK" stays a knob (`dropFinalAck=1`): the
// fault it adds is found by a probe run, in the worker. The Share button's link compresses the
// scenario (`z=`) when that makes it shorter (compactLabLink).

import type { Scenario } from '../engine/types';
import type { Locale } from '../i18n/types';
import { CUSTOM_LESSON_ID, type LabOptions } from './types';
import { applyOptions } from './variants';

import type { ThemeChoice } from './urlOptions';

/** base64url (no padding) of the scenario's JSON as UTF-8: the inverse of decodeScenarioParam (scenarioParam.ts). */
export function encodeScenarioParam(scenario: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(scenario)));
}

/**
 * A `z=` value: the scenario's UTF-8 JSON compressed with raw deflate, as base64url (no padding).
 * The inverse of decodeCompressedScenarioParam (scenarioParam.ts).
 */
export async function encodeCompressedScenarioParam(scenario: unknown): Promise<string> {
  const json = new Blob([JSON.stringify(scenario)]).stream();
  const compressed = json.pipeThrough(new CompressionStream('deflate-raw'));
  return base64url(new Uint8Array(await new Response(compressed).arrayBuffer()));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack for long scenarios.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Links longer than this many characters may be refused on the way: a link is sent as a request
 * line, and common servers take 8 kB of it (nginx's default large_client_header_buffers; Node's
 * limit is 16 kB).
 */
export const LONGEST_SAFE_LINK = 8000;

/** What a link is built from: the widget's lesson, knobs, step and looks. */
export interface LinkSource {
  lessonId: string;
  /** The shown lesson's scenario as written (before the knobs). */
  lesson: Scenario;
  options: LabOptions;
  /** The lesson's own options: a link can name the lesson only when `options` equal these. */
  lessonOptions: LabOptions;
  step: number;
  locale: Locale;
  /** A theme the user forced, or null when the page follows the system. */
  theme: ThemeChoice | null;
  /** The time axis shown: a link keeps "to scale" (`scale=linear`). */
  timeScale?: 'warped' | 'linear';
}

/** How much of the widget an embed shows: everything, the compact layout, or step controls only. */
export type EmbedControls = 'full' | 'compact' | 'steps';

/** Choices on top of the source (the Embed dialog's); each left out takes the source's value. */
export interface LinkExtra {
  /** null: no `lang`, the embedded page follows the browser's languages. */
  lang?: Locale | null;
  theme?: ThemeChoice | null;
  step?: number;
  controls?: EmbedControls;
  autoplay?: boolean;
  /** `lesson=ID` instead of `s=` when the lesson is a built-in one with its own options. */
  short?: boolean;
  /** `mode=predict`: each student predicts the segments, with numbers of their own. */
  mode?: 'watch' | 'predict';
  /** `attempt=N`: one set of numbers for the whole class (predict mode). */
  attempt?: number | null;
  /** `set=a,b`: lessons to predict in a row, with one total score (over the lesson). */
  set?: readonly string[];
}

/** The page's own URL without query or hash (it may live under any sub-path). */
export function pageBase(href: string): string {
  try {
    const url = new URL(href);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return href.split(/[?#]/)[0] ?? href;
  }
}

/** Whether `options` leave the lesson as written (the final-ACK drop aside: it has its own flag). */
function isLessonAsWritten(options: LabOptions, own: LabOptions): boolean {
  const comparable = (o: LabOptions) =>
    JSON.stringify([
      o.profile,
      o.mslMs,
      o.lossPercent,
      o.seed,
      o.reusePort,
      o.extraFaults,
      o.numbersSeed,
    ]);
  return comparable(options) === comparable(own);
}

/** The scenario a share link carries: the lesson with every knob but the final-ACK drop applied. */
export function sharedScenario(source: Pick<LinkSource, 'lesson' | 'options'>): Scenario {
  return applyOptions(source.lesson, { ...source.options, dropFinalAck: false });
}

/** The options without predict mode's attempt numbers. */
function withoutNumbers(options: LabOptions): LabOptions {
  const rest = { ...options };
  delete rest.numbersSeed;
  return rest;
}

/** Whether a link with `extra` asks students to predict (each then draws numbers of their own). */
const isPredicting = (extra: LinkExtra) => extra.mode === 'predict' || (extra.set?.length ?? 0) > 0;

/** The source a link is made from: predicting, without the sharer's numbers. */
function linkedSource(given: LinkSource, extra: LinkExtra): LinkSource {
  return isPredicting(extra) ? { ...given, options: withoutNumbers(given.options) } : given;
}

/** The page URL (`base` without its query) that reopens `given`, with `extra`'s choices. */
export function labLink(base: string, given: LinkSource, extra: LinkExtra = {}): string {
  const query = new URLSearchParams();
  const predicting = isPredicting(extra);
  // Predicting, each student draws fresh numbers (or the class's `attempt`), not the sharer's.
  const source = linkedSource(given, extra);
  const short =
    extra.short === true &&
    source.lessonId !== CUSTOM_LESSON_ID &&
    isLessonAsWritten(source.options, source.lessonOptions);
  if (short) query.set('lesson', source.lessonId);
  else query.set('s', encodeScenarioParam(sharedScenario(source)));
  if (source.options.dropFinalAck) query.set('dropFinalAck', '1');
  const lang = extra.lang === undefined ? source.locale : extra.lang;
  if (lang !== null) query.set('lang', lang === 'zh-CN' ? 'zh' : 'en');
  const step = Math.max(0, Math.floor(extra.step ?? source.step));
  if (step > 0) query.set('step', String(step));
  const theme = extra.theme === undefined ? source.theme : extra.theme;
  if (theme !== null) query.set('theme', theme);
  if (source.timeScale === 'linear') query.set('scale', 'linear');
  if (extra.controls === 'compact') query.set('embed', '1');
  else if (extra.controls === 'steps') query.set('controls', '0');
  if (extra.autoplay === true) query.set('autoplay', '1');
  if (predicting) {
    query.set('mode', 'predict');
    if (extra.set && extra.set.length > 0) {
      query.set('set', extra.set.join(','));
      query.delete('lesson');
      query.delete('s');
      query.delete('step');
    }
    if (extra.attempt) query.set('attempt', String(extra.attempt));
  }
  return `${pageBase(base)}?${query.toString()}`;
}

/**
 * labLink's link, with its scenario compressed (`z=` for `s=`) where that makes the link shorter:
 * a long scenario's link then stays under the length servers take (LONGEST_SAFE_LINK).
 */
export async function compactLabLink(
  base: string,
  given: LinkSource,
  extra: LinkExtra = {},
): Promise<string> {
  const link = labLink(base, given, extra);
  const plain = /([?&])s=([^&#]*)/.exec(link);
  if (!plain) return link;
  let compressed: string;
  try {
    compressed = await encodeCompressedScenarioParam(sharedScenario(linkedSource(given, extra)));
  } catch {
    // A browser without CompressionStream: the plain link still works.
    return link;
  }
  const shorter = compressed.length < (plain[2] ?? '').length;
  return shorter ? link.replace(plain[0], `${plain[1]}z=${compressed}`) : link;
}

/** Where the page's auto-height script is: beside the page, wherever it is served from. */
export function embedScriptUrl(base: string): string {
  try {
    return new URL('embed.js', pageBase(base)).href;
  } catch {
    return 'embed.js';
  }
}

/** The iframe height a snippet starts with (embed.js then fits it to the widget). */
export const DEFAULT_EMBED_HEIGHT = 520;
export const EMBED_HEIGHT_RANGE = [150, 4000] as const;

/** An integer in low…high as typed in a field, or null. */
export function parseIntegerIn(text: string, low: number, high: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= low && n <= high ? n : null;
}

/** An iframe width as typed: a number of pixels or a percentage; null if it is neither. */
export function parseEmbedWidth(text: string): string | null {
  const match = /^\s*(\d{1,5})\s*(%|px)?\s*$/.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  if (match[2] === '%') return n >= 1 && n <= 100 ? `${n}%` : null;
  return n >= 100 && n <= 10_000 ? String(n) : null;
}

/** Text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export interface SnippetOptions {
  url: string;
  title: string;
  /** `100%` or a number of pixels. */
  width: string;
  height: number;
  /** The auto-height script's URL (embedScriptUrl). */
  scriptSrc: string;
}

/** The HTML a course page pastes: the iframe, and the script that fits its height to the widget. */
export function embedSnippet({ url, title, width, height, scriptSrc }: SnippetOptions): string {
  return (
    `<iframe src="${attribute(url)}" title="${attribute(title)}" width="${attribute(width)}" ` +
    `height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>\n` +
    `<script src="${attribute(scriptSrc)}" async></script>`
  );
}
