// The language of one widget. Each <I18nProvider> holds its own locale, so two widgets on one page
// can show different languages; nothing here is a global "current locale" (the only module state is
// core.ts's cache of loaded, immutable messages).
//
//   <I18nProvider initialLocale={chooseLocaleForPage().locale} documentLang>…</I18nProvider>
//   const t = useT();                 t('ui.controls.stepForward'), t('ui.live.step', { n, explanation })
//   const { locale, setLocale } = useLocale();
//   const duration = useFormatDuration();  duration(90_000) → "90 s" in the widget's language
//   const messages = useMessages();   the whole dictionary, for structured parts (answer paragraphs)
//   const ready = useNamespace('answers');  loads a lazy namespace (LAZY_NAMESPACES) and says when in
//
// Controlled use (when a store already holds the locale): pass `locale` and `onLocaleChange`;
// `setLocale` then loads the chunk and calls `onLocaleChange` once it is ready.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  en,
  hasNamespace,
  loadedMessages,
  loadLocale,
  loadNamespace,
  messagesVersion,
  subscribeMessages,
  translate,
  type LazyNamespace,
  type Locale,
  type LoadedMessages,
  type TFunction,
} from './core';
import { formatDuration } from './format';

export interface LocaleState {
  /** The locale whose messages are shown now. */
  locale: Locale;
  /** Loads the locale's messages (a separate chunk for all but English), then switches to it. */
  setLocale: (locale: Locale) => Promise<void>;
  /** A locale being loaded, or null. */
  pending: Locale | null;
  /** The last locale that failed to load, or null. */
  error: { locale: Locale; message: string } | null;
}

interface I18nValue extends LocaleState {
  messages: LoadedMessages;
  t: TFunction;
}

function valueFor(locale: Locale, messages: LoadedMessages): I18nValue {
  return {
    locale,
    messages,
    t: (key, params) => translate(messages, key, params),
    setLocale: () => Promise.resolve(),
    pending: null,
    error: null,
  };
}

// Outside any provider (an isolated component test, say): English, and setLocale does nothing.
const I18nContext = createContext<I18nValue>(valueFor('en', en));

export interface I18nProviderProps {
  /** The locale to start with (uncontrolled). Default: English. */
  initialLocale?: Locale;
  /** The locale to show (controlled); use with `onLocaleChange`. */
  locale?: Locale;
  /** Called by `setLocale` once the new locale's messages are loaded (controlled use). */
  onLocaleChange?: (locale: Locale) => void;
  /**
   * Set `document.documentElement.lang` to the shown locale: only when the widget is the whole page.
   * An embedded widget should put `lang={locale}` on its own root element instead.
   */
  documentLang?: boolean;
  /**
   * Shown instead of the children while a locale that is not loaded yet is being fetched and
   * nothing has been shown in it. Without it the children render in English meanwhile.
   */
  fallback?: ReactNode;
  children?: ReactNode;
}

export function I18nProvider({
  initialLocale = 'en',
  locale: controlled,
  onLocaleChange,
  documentLang = false,
  fallback,
  children,
}: I18nProviderProps) {
  const [uncontrolled, setUncontrolled] = useState<Locale>(initialLocale);
  const requested = controlled ?? uncontrolled;
  // Bumped when a locale finishes loading, so the render below sees it in the cache.
  const [, setLoads] = useState(0);
  const [pendingSwitch, setPendingSwitch] = useState<Locale | null>(null);
  const [error, setError] = useState<LocaleState['error']>(null);
  // Re-render when a lazy namespace arrives: loadedMessages then has a new messages object.
  useSyncExternalStore(subscribeMessages, messagesVersion, messagesVersion);

  const ready = loadedMessages(requested);
  const locale: Locale = ready ? requested : 'en';
  const messages = ready ?? en;
  const failed = !ready && error?.locale === requested;
  const pending = ready ? pendingSwitch : failed ? null : requested;

  // A requested locale that is not loaded yet (the initial one, or one set from outside): load it.
  useEffect(() => {
    if (loadedMessages(requested)) return;
    let live = true;
    loadLocale(requested).then(
      () => {
        if (live) setLoads((n) => n + 1);
      },
      (e: unknown) => {
        if (live) setError({ locale: requested, message: String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [requested]);

  const latestRequest = useRef<Locale | null>(null);
  const onChange = useRef(onLocaleChange);
  useEffect(() => {
    onChange.current = onLocaleChange;
  });

  const setLocale = useCallback(async (next: Locale) => {
    latestRequest.current = next;
    if (!loadedMessages(next)) setPendingSwitch(next);
    try {
      await loadLocale(next);
    } catch (e) {
      if (latestRequest.current === next) {
        setPendingSwitch(null);
        setError({ locale: next, message: String(e) });
      }
      return;
    }
    // A later setLocale won: leave it to that one.
    if (latestRequest.current !== next) return;
    setPendingSwitch(null);
    setError(null);
    if (onChange.current) onChange.current(next);
    else setUncontrolled(next);
  }, []);

  useEffect(() => {
    if (documentLang) document.documentElement.lang = locale;
  }, [documentLang, locale]);

  const t = useCallback<TFunction>((key, params) => translate(messages, key, params), [messages]);

  const value = useMemo<I18nValue>(
    () => ({ locale, messages, t, setLocale, pending, error }),
    [locale, messages, t, setLocale, pending, error],
  );

  const waiting = !ready && !failed && fallback !== undefined;
  return <I18nContext value={value}>{waiting ? fallback : children}</I18nContext>;
}

/** The translator for the widget's locale; the same function until the locale changes. */
export function useT(): TFunction {
  return useContext(I18nContext).t;
}

/** The widget's locale and the means to change it. */
export function useLocale(): LocaleState {
  const { locale, setLocale, pending, error } = useContext(I18nContext);
  return { locale, setLocale, pending, error };
}

/** formatDuration in the widget's locale; the same function until the locale changes. */
export function useFormatDuration(): (ms: number) => string {
  const { locale } = useContext(I18nContext);
  return useCallback((ms: number) => formatDuration(ms, locale), [locale]);
}

/**
 * The whole dictionary of the widget's locale (English filled in where it lacks anything); the
 * lazy namespaces only once loaded (`useNamespace`).
 */
export function useMessages(): LoadedMessages {
  return useContext(I18nContext).messages;
}

/**
 * Loads a lazy namespace (`explain`, `answers`, `inspector`, `stateMachine`) in the widget's
 * locale, unless `enabled` is false, and says whether it is in: until then `t` gives empty strings
 * for its keys, so a component shows nothing of it. Should the locale's own fail to load, English's
 * is used.
 */
export function useNamespace(ns: LazyNamespace, enabled = true): boolean {
  const { locale } = useContext(I18nContext);
  useSyncExternalStore(subscribeMessages, messagesVersion, messagesVersion);
  const [failed, setFailed] = useState<Locale | null>(null);
  const ready = hasNamespace(locale, ns) || (failed === locale && hasNamespace('en', ns));
  useEffect(() => {
    if (!enabled || hasNamespace(locale, ns)) return;
    let live = true;
    loadNamespace(locale, ns).catch(() => {
      if (live) setFailed(locale);
      // English is the fallback: load it on its own if the locale's failed.
      return loadNamespace('en', ns).catch(() => {});
    });
    return () => {
      live = false;
    };
  }, [enabled, locale, ns]);
  return enabled && ready;
}
