import { describe, expect, it } from 'vitest';
import {
  applyAttribute,
  labInitFor,
  parseControls,
  parseFlag,
  parseLang,
  parseTheme,
  readSettings,
  textOf,
  type ElementAttribute,
} from './attributes';

/** An attribute reader over a plain object (absent names read as null). */
const reader =
  (attributes: Partial<Record<ElementAttribute, string>>) =>
  (name: ElementAttribute): string | null =>
    attributes[name] ?? null;

describe('<handshake-lab> attributes', () => {
  it('an element without attributes shows the default lesson with every control', () => {
    expect(readSettings(reader({}))).toEqual({
      lesson: null,
      scenario: null,
      locale: null,
      showControls: true,
      autoplay: false,
      theme: null,
      mode: 'watch',
    });
  });

  it('reads every attribute', () => {
    const settings = readSettings(
      reader({
        lesson: ' lost-syn ',
        scenario: '{"actions":[]}',
        lang: 'zh',
        controls: '0',
        autoplay: '',
        theme: 'Dark',
        mode: 'Predict',
      }),
    );
    expect(settings).toEqual({
      lesson: 'lost-syn',
      scenario: '{"actions":[]}',
      locale: 'zh-CN',
      showControls: false,
      autoplay: true,
      theme: 'dark',
      mode: 'predict',
    });
  });

  it('blank text counts as absent', () => {
    expect(textOf(null)).toBeNull();
    expect(textOf('   ')).toBeNull();
    expect(textOf(' a ')).toBe('a');
    expect(readSettings(reader({ lesson: '', scenario: ' \n ' }))).toMatchObject({
      lesson: null,
      scenario: null,
    });
  });

  it('controls: hidden only by 0, false, no or off', () => {
    for (const hidden of ['0', 'false', 'FALSE', ' no ', 'off']) {
      expect(parseControls(hidden), hidden).toBe(false);
    }
    for (const shown of [null, '', '1', 'true', 'yes', 'all']) {
      expect(parseControls(shown), String(shown)).toBe(true);
    }
  });

  it('autoplay: on when present, unless it says 0 or false', () => {
    expect(parseFlag(null)).toBe(false);
    expect(parseFlag('')).toBe(true);
    expect(parseFlag('autoplay')).toBe(true);
    expect(parseFlag('1')).toBe(true);
    expect(parseFlag('0')).toBe(false);
    expect(parseFlag('false')).toBe(false);
  });

  it('lang: en and zh (any spelling of them); anything else is not a choice', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('zh')).toBe('zh-CN');
    expect(parseLang('zh-Hans')).toBe('zh-CN');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang('')).toBeNull();
    expect(parseLang(null)).toBeNull();
  });

  it('theme: light or dark, else the system setting (null)', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme(' DARK ')).toBe('dark');
    expect(parseTheme('sepia')).toBeNull();
    expect(parseTheme(null)).toBeNull();
  });

  it("the widget's start: the element's settings, the page's language when it has none", () => {
    const settings = readSettings(reader({ lesson: 'abort', theme: 'light', controls: 'false' }));
    expect(labInitFor(settings, 'zh-CN')).toEqual({
      lessonId: 'abort',
      autoplay: false,
      locale: 'zh-CN',
      theme: 'light',
      showControls: false,
      embed: false,
      mode: 'watch',
    });
    expect(labInitFor(readSettings(reader({ lang: 'en' })), 'zh-CN').locale).toBe('en');
  });

  it('a changed attribute drives the mounted widget as the attribute says', () => {
    const calls: string[] = [];
    const widget = {
      setLesson: (id: string) => calls.push(`lesson ${id}`),
      loadScenario: (raw: unknown) => calls.push(`load ${String(raw)}`),
      setLocale: (locale: string) => calls.push(`locale ${locale}`),
      setTheme: (theme: string | null) => calls.push(`theme ${theme}`),
      setShowControls: (show: boolean) => calls.push(`controls ${show}`),
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      setMode: (mode: string) => calls.push(`mode ${mode}`),
    };
    const context = {
      lesson: 'lost-syn',
      defaultLessonId: 'client-closes-first',
      fallbackLocale: () => 'zh-CN' as const,
    };
    applyAttribute(widget, 'lesson', ' abort ', context);
    applyAttribute(widget, 'lesson', '', context);
    applyAttribute(widget, 'scenario', '{"actions":[]}', context);
    applyAttribute(widget, 'scenario', null, context);
    applyAttribute(widget, 'lang', 'en', context);
    applyAttribute(widget, 'lang', 'fr', context);
    applyAttribute(widget, 'theme', 'DARK', context);
    applyAttribute(widget, 'controls', 'off', context);
    applyAttribute(widget, 'autoplay', '', context);
    applyAttribute(widget, 'autoplay', null, context);
    applyAttribute(widget, 'mode', 'predict', context);
    applyAttribute(widget, 'mode', null, context);
    expect(calls).toEqual([
      'lesson abort',
      'lesson client-closes-first',
      'load {"actions":[]}',
      // Without its scenario, the element shows its lesson again.
      'lesson lost-syn',
      'locale en',
      'locale zh-CN',
      'theme dark',
      'controls false',
      'play',
      'pause',
      'mode predict',
      'mode watch',
    ]);
  });
});
