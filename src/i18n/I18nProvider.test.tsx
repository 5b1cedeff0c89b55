// The provider through the DOM: per-widget locales, English (or a fallback) while a locale's chunk
// loads, and a controlled locale.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadLocale } from './core';
import { I18nProvider, useLocale, useT } from './I18nProvider';

/** A word of the widget's, with the locale shown and the one being loaded. */
function Probe() {
  const t = useT();
  const { locale, pending } = useLocale();
  return (
    <p data-testid="probe" data-locale={locale} data-pending={pending ?? ''}>
      {t('ui.controls.play')}
    </p>
  );
}

/** What each probe on the page shows: its text, locale and pending locale. */
const probes = () =>
  screen.queryAllByTestId('probe').map((p) => [p.textContent, p.dataset.locale, p.dataset.pending]);

describe('I18nProvider', () => {
  it('is English outside any provider', () => {
    render(<Probe />);
    expect(probes()).toEqual([['Play', 'en', '']]);
  });

  // First of the file's tests to ask for zh-CN: its chunk is not loaded yet.
  it('shows English, or the fallback, while a locale loads, then the locale', async () => {
    render(
      <>
        <I18nProvider initialLocale="zh-CN">
          <Probe />
        </I18nProvider>
        <I18nProvider initialLocale="zh-CN" fallback={<span>…</span>}>
          <Probe />
        </I18nProvider>
      </>,
    );
    expect(probes()).toEqual([['Play', 'en', 'zh-CN']]);
    expect(screen.getByText('…')).toBeTruthy();
    expect(await screen.findAllByText('播放')).toHaveLength(2);
    expect(probes()).toEqual([
      ['播放', 'zh-CN', ''],
      ['播放', 'zh-CN', ''],
    ]);
    expect(screen.queryByText('…')).toBeNull();
  });

  it('gives each widget its own language', async () => {
    await loadLocale('zh-CN');
    render(
      <div>
        <I18nProvider initialLocale="en">
          <Probe />
        </I18nProvider>
        <I18nProvider initialLocale="zh-CN">
          <Probe />
        </I18nProvider>
      </div>,
    );
    expect(probes()).toEqual([
      ['Play', 'en', ''],
      ['播放', 'zh-CN', ''],
    ]);
  });

  it('follows a controlled locale', async () => {
    await loadLocale('zh-CN');
    const widget = (locale: 'en' | 'zh-CN') => (
      <I18nProvider locale={locale} onLocaleChange={() => {}}>
        <Probe />
      </I18nProvider>
    );
    const { rerender } = render(widget('zh-CN'));
    expect(probes()).toEqual([['播放', 'zh-CN', '']]);
    rerender(widget('en'));
    expect(probes()).toEqual([['Play', 'en', '']]);
  });
});
