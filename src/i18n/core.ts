// The language layer's core, without React (./index.ts re-exports it with the provider): a typed
// dictionary, `translate` with {name} interpolation and English fallback, and `chooseLocale` for
// the `lang` URL option and the browser's languages.
//
// What is loaded when: English's `ui` and `lessons` (the titles) namespaces are bundled with the
// page; another locale's are one chunk (`loadLocale`). The namespaces only needed after the first
// diagram (`explain` for the explanation panel, `answers` for the answer cards, `stateMachine` for
// the state-machine panel, `inspector` for the segment inspector, `lessonFrames` for the lesson's
// frame) are chunks of their own per locale (`loadNamespace`, or the provider's `useNamespace`). Until a namespace is loaded, `translate`
// gives an empty string for its keys and the messages object lacks it. The React side (a provider
// per widget, `useT`, `useLocale`) is in ./I18nProvider.tsx.
//
// Keys are dotted paths to string leaves: `ui.controls.stepForward`, `answers.why-three.question`,
// `explain.…`, `inspector.…`, `stateMachine.states.LISTEN.name`, `lessons.…`. Arrays (answer paragraphs) are reached through the messages object
// (`useMessages()`), not through keys.

import type { en as englishDictionary } from './locales/en/index';
import { lessons as enLessons } from './locales/en/lessons';
import { ui as enUi } from './locales/en/ui';
import { LOCALES, type Locale, type Messages } from './types';

export { LOCALES };
export type { Locale, Messages };

/** The English dictionary's exact type: the shape every locale has. */
export type Dictionary = typeof englishDictionary;
/** Any locale's dictionary: English's shape with any wording. */
export type LocaleMessages = Messages<Dictionary>;

/** The namespaces loaded after the first diagram, each its own chunk per locale. */
export const LAZY_NAMESPACES = [
  'explain',
  'answers',
  'inspector',
  'stateMachine',
  'lessonFrames',
  'exporting',
  'embedding',
  'capturing',
  'predicting',
] as const;
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

/** A locale's messages as loaded: `ui` and `lessons` always, the lazy namespaces once loaded. */
export type LoadedMessages = Omit<LocaleMessages, LazyNamespace> &
  Partial<Pick<LocaleMessages, LazyNamespace>>;

/** English as bundled with the page (`ui`, `lessons`); the whole dictionary is ./locales/en. */
export const en: LoadedMessages = { ui: enUi, lessons: enLessons };

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
  return typeof lookup(english(), key) === 'string';
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

/** Whether a key is in a lazy namespace that English has not loaded yet. */
function notLoadedYet(key: string): boolean {
  const ns = key.slice(0, key.indexOf('.'));
  return (LAZY_NAMESPACES as readonly string[]).includes(ns) && lookup(english(), ns) === undefined;
}

/**
 * The text for `key` in `dict`, placeholders filled in. A key the locale lacks (or has empty)
 * falls back to English; a key English lacks too comes back as the key itself, and one of a lazy
 * namespace not loaded yet as an empty string (the page shows nothing there until it is).
 */
export function translate(dict: LoadedMessages, key: MessageKey, params?: Params): string {
  const own = lookup(dict, key);
  if (typeof own === 'string' && own !== '') return interpolate(own, params);
  const fallback = lookup(english(), key);
  if (typeof fallback === 'string') return interpolate(fallback, params);
  return notLoadedYet(key) ? '' : key;
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

const loaded = new Map<Locale, LoadedMessages>([['en', en]]);
const loading = new Map<Locale, Promise<LoadedMessages>>();
const loadingNamespaces = new Map<string, Promise<void>>();

/** English as loaded so far: the fallback for every locale. */
function english(): LoadedMessages {
  return loaded.get('en') ?? en;
}

// Who to tell when a namespace arrives (the providers re-render with the new messages).
let version = 0;
const listeners = new Set<() => void>();

/** Calls `listener` whenever a lazy namespace has been loaded; returns the unsubscriber. */
export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Bumped each time a lazy namespace is loaded (a snapshot for useSyncExternalStore). */
export function messagesVersion(): number {
  return version;
}

function importLocale(locale: Locale): Promise<unknown> {
  switch (locale) {
    case 'en':
      return Promise.resolve(en);
    case 'zh-CN':
      // A separate chunk: not part of the JavaScript loaded before the first diagram.
      return import('./locales/zh-CN/base').then((m) => m.zhCNBase);
  }
}

/** Where a lazy namespace's words come from, per locale. */
export type NamespaceLoaders = Readonly<Record<Locale, () => Promise<unknown>>>;

// The namespaces every lab shows (import() needs literal paths). A feature's own namespace is
// registered by whoever adds the feature (`registerNamespace`), so a build without the feature
// carries none of its words.
const namespaceLoaders = new Map<LazyNamespace, NamespaceLoaders>([
  [
    'explain',
    {
      en: () => import('./locales/en/explain').then((m) => m.explain),
      'zh-CN': () => import('./locales/zh-CN/explain').then((m) => m.explain),
    },
  ],
  [
    'inspector',
    {
      en: () => import('./locales/en/inspector').then((m) => m.inspector),
      'zh-CN': () => import('./locales/zh-CN/inspector').then((m) => m.inspector),
    },
  ],
  [
    'stateMachine',
    {
      en: () => import('./locales/en/stateMachine').then((m) => m.stateMachine),
      'zh-CN': () => import('./locales/zh-CN/stateMachine').then((m) => m.stateMachine),
    },
  ],
  [
    'lessonFrames',
    {
      en: () => import('./locales/en/lessonFrames').then((m) => m.lessonFrames),
      'zh-CN': () => import('./locales/zh-CN/lessonFrames').then((m) => m.lessonFrames),
    },
  ],
]);

/** Says where a feature's namespace is loaded from. */
export function registerNamespace(ns: LazyNamespace, loaders: NamespaceLoaders): void {
  namespaceLoaders.set(ns, loaders);
}

function importNamespace(locale: Locale, ns: LazyNamespace): Promise<unknown> {
  const load = namespaceLoaders.get(ns)?.[locale];
  return load ? load() : Promise.reject(new Error(`i18n: no words for "${ns}" in this build`));
}

/** A locale's messages if already loaded (English always is); lazy namespaces only once loaded. */
export function loadedMessages(locale: Locale): LoadedMessages | undefined {
  return loaded.get(locale);
}

/**
 * Loads a locale's messages (once; later calls share the result): `ui` and `lessons`, plus any
 * lazy namespace loaded for it later. The cache holds only immutable messages: which locale a
 * widget shows is the provider's state, not a global.
 */
export function loadLocale(locale: Locale): Promise<LoadedMessages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(locale);
  if (!promise) {
    promise = importLocale(locale).then(
      (messages) => {
        const checked = withFallback(messages, en);
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

/** Whether a locale's messages have the lazy namespace `ns`. */
export function hasNamespace(locale: Locale, ns: LazyNamespace): boolean {
  return loaded.get(locale)?.[ns] !== undefined;
}

/**
 * Loads a lazy namespace for a locale (and for English, its fallback), once; later calls share
 * the result. Subscribers (`subscribeMessages`) are told when it is in.
 */
export function loadNamespace(locale: Locale, ns: LazyNamespace): Promise<void> {
  if (hasNamespace(locale, ns)) return Promise.resolve();
  const id = `${locale}/${ns}`;
  let promise = loadingNamespaces.get(id);
  if (!promise) {
    const parts =
      locale === 'en'
        ? importNamespace('en', ns)
        : Promise.all([
            loadNamespace('en', ns),
            loadLocale(locale),
            importNamespace(locale, ns),
          ]).then(([, , messages]) => withFallback(messages, english()[ns]));
    promise = parts.then(
      (messages) => {
        const current = loaded.get(locale) ?? en;
        loaded.set(locale, { ...current, [ns]: messages } as LoadedMessages);
        loadingNamespaces.delete(id);
        version += 1;
        for (const listener of [...listeners]) listener();
      },
      (error: unknown) => {
        loadingNamespaces.delete(id);
        throw error;
      },
    );
    loadingNamespaces.set(id, promise);
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
