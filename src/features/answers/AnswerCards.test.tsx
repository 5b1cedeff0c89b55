// The answer cards through the DOM: they appear once their lazy namespace is in, each a disclosure
// whose "Show me" button opens the lesson, in the widget's language.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import { loadLocale } from '../../i18n/core';
import { registerFeatureWords } from '../../testing/words';
import { AnswerCards } from './AnswerCards';

registerFeatureWords();

describe('AnswerCards', () => {
  // First of the file's tests: the answers namespace is not loaded yet.
  it('shows nothing until the answers are loaded (a lazy namespace), then every card', async () => {
    const { container } = render(<AnswerCards onShowLesson={() => {}} />);
    expect(container.innerHTML).toBe('');
    expect(await screen.findByTestId('answer-cards')).toBeTruthy();
    expect(screen.getAllByTestId('answer-card')).toHaveLength(7);
  });

  it('lists every card as a disclosure with a Show me button for its lesson', () => {
    const onShowLesson = vi.fn();
    render(<AnswerCards onShowLesson={onShowLesson} />);
    const cards = screen.getAllByTestId('answer-card');
    expect(cards).toHaveLength(7);
    for (const card of cards) {
      expect(card.querySelector(':scope > details > summary'), card.dataset.answer).not.toBeNull();
    }
    expect(screen.getAllByTestId('show-me')).toHaveLength(7);
    const question = screen.getByText('Why does TIME_WAIT last 2·MSL?');
    expect(question.tagName).toBe('SUMMARY');
    const card = question.closest<HTMLElement>('[data-testid="answer-card"]')!;
    expect(card.dataset.answer).toBe('why-2msl');
    const showMe = within(card).getByTestId('show-me');
    expect(showMe.dataset.lesson).toBe('lost-final-ack');
    expect(showMe.textContent).toBe('Show me');
    fireEvent.click(showMe);
    expect(onShowLesson).toHaveBeenCalledWith('lost-final-ack');
  });

  it('leaves out the button when no lesson shows the answer, and names the lesson', () => {
    render(
      <AnswerCards
        onShowLesson={() => {}}
        lessonFor={(id) => (id === 'why-three' ? 'two-way-handshake' : undefined)}
        lessonTitle={() => 'A two-segment handshake'}
      />,
    );
    const [only, ...others] = screen.getAllByTestId('show-me');
    expect(others).toHaveLength(0);
    expect(only?.getAttribute('aria-label')).toBe(
      'Show me: open the lesson “A two-segment handshake”',
    );
    expect(only?.closest<HTMLElement>('[data-testid="answer-card"]')?.dataset.answer).toBe(
      'why-three',
    );
  });

  it('speaks Chinese in a Chinese widget', async () => {
    await loadLocale('zh-CN');
    render(
      <I18nProvider initialLocale="zh-CN">
        <AnswerCards onShowLesson={() => {}} />
      </I18nProvider>,
    );
    expect(await screen.findByText('为什么 TIME_WAIT 要持续 2·MSL？')).toBeTruthy();
    expect(screen.getAllByText('演示给我看')).toHaveLength(7);
  });
});
