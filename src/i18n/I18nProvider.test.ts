// The provider rendered on the server side (no DOM needed): per-widget locales, the fallback while a
// chunk loads, and the components that read it.
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnswerCards } from '../features/answers/AnswerCards';
import { LanguageSwitch } from '../ui/controls/LanguageSwitch';
import { loadLocale, loadNamespace } from './core';
import { I18nProvider, useLocale, useT } from './I18nProvider';
import type { Locale } from './types';
import { registerFeatureWords } from '../testing/words';

registerFeatureWords();

function Probe() {
  const t = useT();
  const { locale, pending } = useLocale();
  return h('p', { 'data-locale': locale, 'data-pending': pending ?? '' }, t('ui.controls.play'));
}

const render = (node: ReactNode) => renderToStaticMarkup(node);
const widget = (locale: Locale, child: ReactNode, extra: object = {}) =>
  h(I18nProvider, { initialLocale: locale, ...extra }, child);

describe('I18nProvider', () => {
  it('is English outside any provider', () => {
    expect(render(h(Probe))).toBe('<p data-locale="en" data-pending="">Play</p>');
  });

  it('shows English (or the fallback) while a locale is not loaded yet', () => {
    expect(render(widget('zh-CN', h(Probe)))).toBe(
      '<p data-locale="en" data-pending="zh-CN">Play</p>',
    );
    expect(render(widget('zh-CN', h(Probe), { fallback: h('span', null, '…') }))).toBe(
      '<span>…</span>',
    );
  });

  it('gives each widget its own language', async () => {
    await loadLocale('zh-CN');
    const page = render(h('div', null, widget('en', h(Probe)), widget('zh-CN', h(Probe))));
    expect(page).toBe(
      '<div><p data-locale="en" data-pending="">Play</p><p data-locale="zh-CN" data-pending="">播放</p></div>',
    );
  });

  it('follows a controlled locale', async () => {
    await loadLocale('zh-CN');
    const html = render(h(I18nProvider, { locale: 'zh-CN', onLocaleChange: () => {} }, h(Probe)));
    expect(html).toContain('播放');
  });
});

describe('AnswerCards', () => {
  it('shows nothing until the answers namespace is loaded', () => {
    expect(render(h(AnswerCards, { onShowLesson: () => {} }))).toBe('');
  });

  it('loads the answers (a lazy namespace)', async () => {
    await Promise.all([loadNamespace('en', 'answers'), loadNamespace('zh-CN', 'answers')]);
  });

  it('lists every card as a disclosure with a Show me button for its lesson', () => {
    const html = render(h(AnswerCards, { onShowLesson: () => {} }));
    expect(html.match(/<details/g)).toHaveLength(6);
    expect(html.match(/<summary/g)).toHaveLength(6);
    expect(html).toContain('data-answer="why-2msl"');
    expect(html).toContain('data-lesson="lost-final-ack"');
    expect(html.match(/data-testid="show-me"/g)).toHaveLength(6);
    expect(html).toContain('Why does TIME_WAIT last 2·MSL?');
  });

  it('leaves out the button when no lesson shows the answer, and names the lesson', () => {
    const html = render(
      h(AnswerCards, {
        onShowLesson: () => {},
        lessonFor: (id) => (id === 'why-three' ? 'two-way-handshake' : undefined),
        lessonTitle: () => 'A two-segment handshake',
      }),
    );
    expect(html.match(/data-testid="show-me"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Show me: open the lesson “A two-segment handshake”"');
  });

  it('speaks Chinese in a Chinese widget', async () => {
    await loadLocale('zh-CN');
    const html = render(widget('zh-CN', h(AnswerCards, { onShowLesson: () => {} })));
    expect(html).toContain('为什么 TIME_WAIT 要持续 2·MSL？');
    expect(html).toContain('演示给我看');
  });
});

describe('LanguageSwitch', () => {
  it('offers each language in its own name, the current one selected', async () => {
    await loadLocale('zh-CN');
    const html = render(widget('zh-CN', h(LanguageSwitch)));
    expect(html).toContain('data-testid="language-select"');
    expect(html).toMatch(/<option value="en" lang="en">English<\/option>/);
    expect(html).toMatch(/<option value="zh-CN" lang="zh-CN" selected="">中文<\/option>/);
    expect(html).toContain('语言');
  });
});
