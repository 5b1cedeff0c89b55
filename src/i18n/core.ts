// The language layer's core, without React (./index.ts re-exports it with the provider): a typed
// dictionary (English bundled, other locales loaded on demand as separate chunks), `translate` with
// {name} interpolation and English fallback, and `chooseLocale` for the `lang` URL option and the
// browser's languages. The React side (a provider per widget, `useT`, `useLocale`) is in
// ./I18nProvider.tsx.
//
// Keys are dotted paths to string leaves: `ui.controls.stepForward`, `answers.why-three.question`,
// `explain.…`, `lessons.…`. Arrays (answer paragraphs) are reached through the messages object
// (`useMessages()` or `answerCards()`), not through keys.

import { en } from './locales/en/index';
import { LOCALES, type Locale, type Messages } from './types';

export { LOCALES, en };
export type { Locale, Messages };

/** The English dictionary's exact type: the shape every locale has. */
export type Dictionary = typeof en;
/** Any locale's dictionary: English's shape with any wording. */
export type LocaleMessages = Messages<Dictionary>;

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** Dotted paths to every string leaf of T (arrays are left out). */
export type LeafKey<T, P extends string = ''> = T extends string
  ? P
  : T extends readonly unknown[]
    ? never
    : { [K in keyof T & string]: LeafKey<T[K], Join<P, K>> }[keyof T & string];

/** Every key `t()` accepts. */
export type MessageKey = LeafKey<Dictionary>;

/** Values for {name} placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** What `useT()` returns. */
export type TFunction = (key: MessageKey, params?: Params) => string;

/** Each locale's name in its own language, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-CN': '中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Looking up and filling in

/** The value at a dotted path, or undefined (never throws). */
export function lookup(dict: unknown, key: string): unknown {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Whether a key built at run time (e.g. from a lesson id) names a string in English. */
export function hasKey(key: string): key is MessageKey {
  return typeof lookup(en, key) === 'string';
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The {name} placeholders in a text, in order of appearance, without repeats. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))];
}

/** Fills in {name} placeholders; one without a value is left as it is. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The text for `key` in `dict`, placeholders filled in. A key the locale lacks (or has empty)
 * falls back to English; a key English lacks too comes back as the key itself.
 */
export function translate(dict: LocaleMessages, key: MessageKey, params?: Params): string {
  const own = lookup(dict, key);
  if (typeof own === 'string' && own !== '') return interpolate(own, params);
  const fallback = lookup(en, key);
  if (typeof fallback === 'string') return interpolate(fallback, params);
  return key;
}

/**
 * `messages` with anything missing, empty or of the wrong kind taken from `base`: what a locale
 * loaded at run time is checked against, so components reading the messages object directly
 * (answer paragraphs) never meet a hole.
 */
export function withFallback<T>(messages: unknown, base: T): T {
  if (typeof base === 'string') {
    return (typeof messages === 'string' && messages !== '' ? messages : base) as T;
  }
  if (Array.isArray(base)) {
    const ok =
      Array.isArray(messages) &&
      messages.length > 0 &&
      messages.every((p) => typeof p === 'string' && p !== '');
    return (ok ? messages : base) as T;
  }
  if (typeof base === 'object' && base !== null) {
    const own = typeof messages === 'object' && messages !== null ? messages : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(base)) {
      out[k] = withFallback(
        Object.hasOwn(own, k) ? (own as Record<string, unknown>)[k] : undefined,
        v,
      );
    }
    return out as T;
  }
  return base;
}

// ---------------------------------------------------------------------------------------------
// Loading locales

const loaded = new Map<Locale, LocaleMessages>([['en', en]]);
const loading = new Map<Locale, Promise<LocaleMessages>>();

function importLocale(locale: Locale): Promise<LocaleMessages> {
  switch (locale) {
    case 'en':
      return Promise.resolve(en);
    case 'zh-CN':
      // A separate chunk: not part of the JavaScript loaded before the first diagram.
      return import('./locales/zh-CN/index').then((m) => m.zhCN);
  }
}

/** A locale's messages if already loaded (English always is). */
export function loadedMessages(locale: Locale): LocaleMessages | undefined {
  return loaded.get(locale);
}

/**
 * Loads a locale's messages (once; later calls share the result). The cache holds only immutable
 * messages: which locale a widget shows is the provider's state, not a global.
 */
export function loadLocale(locale: Locale): Promise<LocaleMessages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(locale);
  if (!promise) {
    promise = importLocale(locale).then(
      (messages) => {
        const checked = withFallback(messages, en as LocaleMessages);
        loaded.set(locale, checked);
        loading.delete(locale);
        return checked;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, promise);
  }
  return promise;
}

// ---------------------------------------------------------------------------------------------
// Choosing a locale

/** A language tag or `lang` value as one of our locales: zh* → zh-CN, en* → en. */
export function localeFromTag(tag: string): Locale | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t.startsWith('zh-') || t === 'cn' || t === 'chinese' || t === '中文') {
    return 'zh-CN';
  }
  if (t === 'en' || t.startsWith('en-') || t === 'english') return 'en';
  return undefined;
}

export interface LocaleChoice {
  locale: Locale;
  /** What decided it. */
  source: 'param' | 'browser' | 'default';
  /** A `lang` value we could not use (the page may show `ui.settings.language.unknownNote`). */
  unknownParam?: string;
}

/**
 * The locale to show: the `lang` URL option (en, zh, zh-CN, zh-Hans, …) if usable, else the first
 * of the browser's languages we have, else English. An unusable `lang` is reported, not fatal.
 */
export function chooseLocale({
  param,
  navigatorLanguages = [],
}: {
  param?: string | null;
  navigatorLanguages?: readonly string[];
}): LocaleChoice {
  let unknownParam: string | undefined;
  if (param != null && param.trim() !== '') {
    const fromParam = localeFromTag(param);
    if (fromParam) return { locale: fromParam, source: 'param' };
    unknownParam = param;
  }
  const extra = unknownParam === undefined ? {} : { unknownParam };
  for (const tag of navigatorLanguages) {
    const fromBrowser = localeFromTag(tag);
    if (fromBrowser) return { locale: fromBrowser, source: 'browser', ...extra };
  }
  return { locale: 'en', source: 'default', ...extra };
}

/** `chooseLocale` for this page: its `lang` query option and `navigator.languages`. */
export function chooseLocaleForPage(
  search: string = globalThis.location?.search ?? '',
  navigatorLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): LocaleChoice {
  return chooseLocale({ param: new URLSearchParams(search).get('lang'), navigatorLanguages });
}

// ---------------------------------------------------------------------------------------------
// Helpers the page shares

/** A simulated duration in the locale's words: 40 ms, 1.5 s, 4 min, 2 h. */
export function formatDuration(t: TFunction, ms: number): string {
  const round = (n: number) => Number(n.toFixed(n < 10 ? 1 : 0));
  if (ms < 1000) return t('ui.units.ms', { n: Math.round(ms) });
  if (ms < 60_000) return t('ui.units.s', { n: round(ms / 1000) });
  if (ms < 3_600_000) return t('ui.units.min', { n: round(ms / 60_000) });
  return t('ui.units.h', { n: round(ms / 3_600_000) });
}

/** The answer cards, in the order the page lists them. */
export const ANSWER_IDS = [
  'why-three',
  'why-four',
  'why-2msl',
  'what-msl',
  'so-reuseaddr',
  'delayed-ack-close',
] as const satisfies readonly (keyof Dictionary['answers'])[];

export type AnswerId = (typeof ANSWER_IDS)[number];

export interface AnswerCard {
  id: AnswerId;
  question: string;
  /** Paragraphs. */
  answer: readonly string[];
  /** The RFC sections it rests on, e.g. "RFC 9293 §3.5". */
  rfc: string;
}

export function answerCards(messages: LocaleMessages): AnswerCard[] {
  return ANSWER_IDS.map((id) => {
    const card = messages.answers[id];
    return { id, question: card.question, answer: card.answer, rfc: card.rfc };
  });
}
