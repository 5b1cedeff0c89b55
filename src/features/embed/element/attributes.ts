// The attributes of <handshake-lab> and what they mean for its widget. Pure: the element passes
// its attribute values (null when absent) and gets the widget's settings back.
//
//   lesson="client-closes-first"   a built-in lesson (default: the default lesson)
//   scenario='{"actions":[…]}'     a whole scenario as JSON text (over `lesson`)
//   lang="en|zh"                   the language (default: the nearest `lang` around it, then the browser)
//   controls="0|false"             only the step controls (and scrubber)
//   autoplay                       plays once the run is ready
//   theme="light|dark"             default: the reader's system setting
//   mode="predict"                 the student predicts each phase's segment before it is drawn

import { localeFromTag, type Locale } from '../../../i18n/core';
import type { LabInit, LabState } from '../../../ui/store/labStore';
import type { ThemeChoice } from '../../../lab/urlOptions';

export const ELEMENT_ATTRIBUTES = [
  'lesson',
  'scenario',
  'lang',
  'controls',
  'autoplay',
  'theme',
  'mode',
] as const;

export type ElementAttribute = (typeof ELEMENT_ATTRIBUTES)[number];

/** Reads one attribute: its value, or null when it is absent. */
export type AttributeReader = (name: ElementAttribute) => string | null;

export interface ElementSettings {
  lesson: string | null;
  /** The scenario's JSON text (checked by the store and the worker), or null. */
  scenario: string | null;
  /** null: not given or not a language we have. */
  locale: Locale | null;
  showControls: boolean;
  autoplay: boolean;
  theme: ThemeChoice | null;
  mode: 'watch' | 'predict';
}

/** Trimmed text, or null for an absent or blank attribute. */
export function textOf(value: string | null): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** `controls`: everything unless it says 0, false, no or off. */
export function parseControls(value: string | null): boolean {
  const text = textOf(value)?.toLowerCase();
  return !(text === '0' || text === 'false' || text === 'no' || text === 'off');
}

/** A boolean attribute such as `autoplay`: on when present (`autoplay`, `autoplay="1"`), unless it says 0 or false. */
export function parseFlag(value: string | null): boolean {
  if (value === null) return false;
  const text = value.trim().toLowerCase();
  return !(text === '0' || text === 'false' || text === 'no' || text === 'off');
}

export function parseTheme(value: string | null): ThemeChoice | null {
  const text = textOf(value)?.toLowerCase();
  return text === 'light' || text === 'dark' ? text : null;
}

export function parseLang(value: string | null): Locale | null {
  const text = textOf(value);
  return text === null ? null : (localeFromTag(text) ?? null);
}

export function parseMode(value: string | null): 'watch' | 'predict' {
  return textOf(value)?.toLowerCase() === 'predict' ? 'predict' : 'watch';
}

export function readSettings(read: AttributeReader): ElementSettings {
  return {
    lesson: textOf(read('lesson')),
    scenario: textOf(read('scenario')),
    locale: parseLang(read('lang')),
    showControls: parseControls(read('controls')),
    autoplay: parseFlag(read('autoplay')),
    theme: parseTheme(read('theme')),
    mode: parseMode(read('mode')),
  };
}

/**
 * The widget's starting state. The scenario is not part of it: the element hands it to the store's
 * `loadScenario`, so that one it cannot show leaves the lesson in place and says why.
 */
export function labInitFor(settings: ElementSettings, fallbackLocale: Locale): LabInit {
  return {
    lessonId: settings.lesson,
    autoplay: settings.autoplay,
    locale: settings.locale ?? fallbackLocale,
    theme: settings.theme,
    showControls: settings.showControls,
    embed: false,
    mode: settings.mode,
  };
}

/** What a mounted widget's attribute change needs to know besides the new value. */
export interface AttributeContext {
  /** The element's `lesson` attribute now. */
  lesson: string | null;
  defaultLessonId: string;
  /** The language without a usable `lang`: the page's around the element, or the browser's. */
  fallbackLocale: () => Locale;
}

type WidgetActions = Pick<
  LabState,
  | 'setLesson'
  | 'loadScenario'
  | 'setLocale'
  | 'setTheme'
  | 'setShowControls'
  | 'play'
  | 'pause'
  | 'setMode'
>;

/** Carries out a change of attribute `name` to `value` on a mounted widget. */
export function applyAttribute(
  widget: WidgetActions,
  name: ElementAttribute,
  value: string | null,
  context: AttributeContext,
): void {
  switch (name) {
    case 'lesson':
      widget.setLesson(textOf(value) ?? context.defaultLessonId);
      return;
    case 'scenario': {
      const scenario = textOf(value);
      // Without a scenario, the element shows its lesson again.
      if (scenario !== null) widget.loadScenario(scenario);
      else widget.setLesson(textOf(context.lesson) ?? context.defaultLessonId);
      return;
    }
    case 'lang':
      widget.setLocale(parseLang(value) ?? context.fallbackLocale());
      return;
    case 'theme':
      widget.setTheme(parseTheme(value));
      return;
    case 'controls':
      widget.setShowControls(parseControls(value));
      return;
    case 'autoplay':
      if (parseFlag(value)) widget.play();
      else widget.pause();
      return;
    case 'mode':
      widget.setMode(parseMode(value));
      return;
  }
}
