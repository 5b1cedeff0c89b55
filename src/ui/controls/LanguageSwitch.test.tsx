// The language switch through the DOM: each language offered in its own name, the widget's one
// selected, and a choice that loads the locale before the whole widget changes.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { loadLocale } from '../../i18n/core';
import { LanguageSwitch } from './LanguageSwitch';

describe('LanguageSwitch', () => {
  // First of the file's tests: the zh-CN chunk is not loaded yet.
  it('switches the widget once the chosen locale has loaded, busy meanwhile', async () => {
    render(
      <I18nProvider initialLocale="en">
        <LanguageSwitch />
      </I18nProvider>,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' });
    expect(select.value).toBe('en');
    expect(select.getAttribute('aria-busy')).toBe('false');
    fireEvent.change(select, { target: { value: 'zh-CN' } });
    expect(select.value).toBe('zh-CN');
    expect(select.getAttribute('aria-busy')).toBe('true');
    expect(await screen.findByRole('combobox', { name: '语言' })).toBe(select);
    await waitFor(() => expect(select.getAttribute('aria-busy')).toBe('false'));
  });

  it('offers each language in its own name, the current one selected', async () => {
    await loadLocale('zh-CN');
    render(
      <I18nProvider initialLocale="zh-CN">
        <LanguageSwitch />
      </I18nProvider>,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: '语言' });
    expect(select.dataset.testid).toBe('language-select');
    const options = screen.getAllByRole<HTMLOptionElement>('option');
    expect(options.map((o) => [o.value, o.lang, o.textContent, o.selected])).toEqual([
      ['en', 'en', 'English', false],
      ['zh-CN', 'zh-CN', '中文', true],
    ]);
  });
});
