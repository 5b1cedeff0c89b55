import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  chooseLocaleForPage,
  en,
  hasKey,
  hasNamespace,
  interpolate,
  LAZY_NAMESPACES,
  loadedMessages,
  loadLocale,
  loadNamespace,
  messagesVersion,
  subscribeMessages,
  localeFromTag,
  lookup,
  placeholders,
  translate,
  withFallback,
  type LocaleMessages,
} from './core';
import { zhCN as fullZh } from './locales/zh-CN/index';
import { en as wholeEnglish } from './locales/en/index';

/** A dictionary with holes, as a broken or partial locale would be at run time. */
const partial = {
  ui: { controls: { stepForward: 'Weiter', stepBack: '' } },
} as unknown as LocaleMessages;

describe('translate', () => {
  it('returns the text for a key', () => {
    expect(translate(en, 'ui.controls.stepForward')).toBe('Step forward');
  });

  it('fills in {name} placeholders, numbers included', () => {
    expect(translate(en, 'ui.controls.stepCounterLabel', { n: 3, total: 12 })).toBe('Step 3 of 12');
  });

  it('leaves a placeholder without a value as it is, and never throws', () => {
    expect(translate(en, 'ui.controls.stepCounterLabel', { n: 3 })).toBe('Step 3 of {total}');
    expect(translate(en, 'ui.controls.stepCounterLabel')).toBe('Step {n} of {total}');
  });

  it('falls back to English for a key the locale lacks or has empty', () => {
    expect(translate(partial, 'ui.controls.stepForward')).toBe('Weiter');
    expect(translate(partial, 'ui.controls.stepBack')).toBe('Step back');
    expect(translate(partial, 'ui.controls.reset')).toBe('Reset');
  });

  it('gives back the key itself when English lacks it too', () => {
    const key = 'ui.controls.noSuchKey' as unknown as Parameters<typeof translate>[1];
    expect(translate(en, key)).toBe('ui.controls.noSuchKey');
    expect(translate(partial, 'ui.controls' as unknown as typeof key)).toBe('ui.controls');
  });

  it('types dynamic keys built from engine values', () => {
    const timer = 'time-wait' as 'time-wait' | 'retransmit';
    expect(translate(en, `ui.timers.${timer}`)).toBe('TIME_WAIT (2·MSL)');
    const fate = 'in-flight' as 'in-flight' | 'delivered';
    expect(translate(en, `ui.fates.${fate}`)).toBe('In flight');
  });
});

describe('interpolate and placeholders', () => {
  it('replaces every occurrence and ignores unrelated braces', () => {
    expect(interpolate('{a}+{a}={b}', { a: 1, b: 2 })).toBe('1+1=2');
    expect(interpolate('{ a } {}', { a: 1 })).toBe('{ a } {}');
  });

  it('does not take values from the prototype', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('lists placeholders once each', () => {
    expect(placeholders('{n} of {total}, {n}')).toEqual(['n', 'total']);
    expect(placeholders('none')).toEqual([]);
  });
});

describe('lookup and hasKey', () => {
  it('walks dotted paths and never throws', () => {
    expect(lookup(en, 'ui.sides.client')).toBe('Client');
    expect(lookup(en, 'ui.sides.client.more')).toBeUndefined();
    expect(lookup(en, 'ui.__proto__')).toBeUndefined();
    expect(lookup(null, 'a')).toBeUndefined();
  });

  it('checks keys built at run time', () => {
    expect(hasKey('ui.sides.server')).toBe(true);
    expect(hasKey('ui.sides')).toBe(false);
    expect(hasKey('ui.sides.nobody')).toBe(false);
  });
});

describe('withFallback', () => {
  it('keeps own strings and fills holes, empties and wrong kinds from the base', () => {
    const base = { a: 'A', b: { c: 'C', d: ['x', 'y'] }, e: 'E' };
    const own = { a: 'own', b: { c: '', d: ['p'] }, e: 5, extra: 'dropped' };
    expect(withFallback(own, base)).toEqual({ a: 'own', b: { c: 'C', d: ['p'] }, e: 'E' });
    expect(withFallback(undefined, base)).toEqual(base);
    expect(withFallback({ b: { d: [''] } }, base).b.d).toEqual(['x', 'y']);
  });
});

describe('localeFromTag and chooseLocale', () => {
  it('reads language tags', () => {
    for (const tag of ['zh', 'zh-CN', 'ZH-cn', 'zh_CN', 'zh-Hans', 'zh-Hans-CN', 'zh-TW', 'cn']) {
      expect(localeFromTag(tag), tag).toBe('zh-CN');
    }
    for (const tag of ['en', 'EN', 'en-US', 'en-GB', ' en ']) {
      expect(localeFromTag(tag), tag).toBe('en');
    }
    for (const tag of ['fr', 'de-DE', '', 'zhx', 'eng']) {
      expect(localeFromTag(tag), tag).toBeUndefined();
    }
  });

  it('prefers the lang parameter', () => {
    expect(chooseLocale({ param: 'zh', navigatorLanguages: ['en-US'] })).toEqual({
      locale: 'zh-CN',
      source: 'param',
    });
    expect(chooseLocale({ param: 'en', navigatorLanguages: ['zh-CN'] })).toEqual({
      locale: 'en',
      source: 'param',
    });
    expect(chooseLocale({ param: 'zh-Hans' }).locale).toBe('zh-CN');
  });

  it('otherwise takes the first browser language it has', () => {
    expect(chooseLocale({ navigatorLanguages: ['fr-FR', 'zh-TW', 'en'] })).toEqual({
      locale: 'zh-CN',
      source: 'browser',
    });
    expect(chooseLocale({ param: null, navigatorLanguages: ['de', 'en-GB'] }).locale).toBe('en');
    expect(chooseLocale({ param: '  ', navigatorLanguages: ['zh'] }).source).toBe('browser');
  });

  it('otherwise English', () => {
    expect(chooseLocale({})).toEqual({ locale: 'en', source: 'default' });
    expect(chooseLocale({ navigatorLanguages: ['ja', 'ko'] })).toEqual({
      locale: 'en',
      source: 'default',
    });
  });

  it('reports an unknown lang value and falls back to the browser, then English', () => {
    expect(chooseLocale({ param: 'fr', navigatorLanguages: ['zh-CN'] })).toEqual({
      locale: 'zh-CN',
      source: 'browser',
      unknownParam: 'fr',
    });
    expect(chooseLocale({ param: 'klingon' })).toEqual({
      locale: 'en',
      source: 'default',
      unknownParam: 'klingon',
    });
  });

  it('reads a page query', () => {
    expect(chooseLocaleForPage('?lesson=lost-syn&lang=zh', ['en']).locale).toBe('zh-CN');
    expect(chooseLocaleForPage('', ['zh-Hans']).locale).toBe('zh-CN');
    expect(chooseLocaleForPage('?lang=', []).locale).toBe('en');
  });
});

describe('loadLocale', () => {
  it('has English at once', async () => {
    expect(loadedMessages('en')).toBe(en);
    await expect(loadLocale('en')).resolves.toBe(en);
  });

  it('loads zh-CN on demand, once, and keeps it', async () => {
    const first = loadLocale('zh-CN');
    const second = loadLocale('zh-CN');
    expect(second).toBe(first);
    const zh = await first;
    expect(loadedMessages('zh-CN')).toBe(zh);
    expect(translate(zh, 'ui.controls.stepForward')).toBe('下一步');
    expect(translate(zh, 'ui.controls.stepCounterLabel', { n: 2, total: 9 })).toBe(
      '第 2 步，共 9 步',
    );
  });
});

describe('loadNamespace', () => {
  it('loads a lazy namespace on demand, English first, and says so', async () => {
    const key = 'explain.side.client';
    expect(en.explain).toBeUndefined();
    expect(translate(en, key)).toBe('');
    expect(hasKey(key)).toBe(false);
    const heard: number[] = [];
    const off = subscribeMessages(() => heard.push(messagesVersion()));
    await loadNamespace('zh-CN', 'explain');
    off();
    expect(heard.length).toBeGreaterThan(0);
    expect(hasNamespace('en', 'explain')).toBe(true);
    expect(hasNamespace('zh-CN', 'answers')).toBe(false);
    expect(translate(en, key)).toBe('the client');
    expect(hasKey(key)).toBe(true);
    const zh = loadedMessages('zh-CN');
    expect(zh && translate(zh, key)).toBe('客户端');
    expect(zh && translate(zh, 'ui.controls.stepForward')).toBe('下一步');
  });

  it('keeps the inspector and the state machine out of `ui` until they are loaded', async () => {
    // Every namespace of the dictionary but `ui` and `lessons` waits until it is needed.
    const eager = ['lessons', 'ui'];
    expect([...LAZY_NAMESPACES].sort()).toEqual(
      Object.keys(wholeEnglish)
        .filter((ns) => !eager.includes(ns))
        .sort(),
    );
    expect(Object.keys(en).sort()).toEqual(eager);
    expect(lookup(en, 'ui.inspector')).toBeUndefined();
    expect(lookup(en, 'ui.states')).toBeUndefined();
    expect(lookup(en, 'ui.stateMachine')).toBeUndefined();
    const state = 'SYN_RCVD' as 'SYN_RCVD' | 'LISTEN';
    const stateKey = `stateMachine.states.${state}.name` as const;
    expect(translate(en, stateKey)).toBe('');
    expect(translate(en, 'inspector.closeAria')).toBe('');
    await Promise.all([loadNamespace('en', 'stateMachine'), loadNamespace('zh-CN', 'inspector')]);
    expect(hasNamespace('en', 'stateMachine')).toBe(true);
    expect(hasNamespace('zh-CN', 'stateMachine')).toBe(false);
    expect(hasNamespace('en', 'inspector')).toBe(true);
    expect(translate(en, stateKey)).toBe('SYN_RCVD');
    expect(translate(en, 'stateMachine.title')).toBe('State machine');
    expect(translate(en, 'inspector.closeAria')).toBe('Close the segment inspector');
    const zh = loadedMessages('zh-CN');
    expect(zh && translate(zh, 'inspector.closeAria')).toBe(fullZh.inspector.closeAria);
    expect(zh && translate(zh, 'inspector.closeAria')).not.toBe('Close the segment inspector');
  });
});
