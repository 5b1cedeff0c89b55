// The lesson's frame through the DOM, over a real store and the engine service behind the page's
// own runner: the watch link names the step the engine's rule fires in and goes there when
// clicked; a run the knobs changed says the moment does not happen; the takeaway comes forward at
// the last step; the frame speaks the widget's language.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { loadLocale } from '../../i18n/core';
import { watchStep } from '../../lab/watch';
import { lessonById } from '../../scenarios/all';
import { LabDriver } from '../../testing/labDriver';
import { StepControls } from '../controls/StepControls';
import { LabStoreProvider } from '../store/context';
import type { LabStore } from '../store/labStore';
import { LessonFrame } from './LessonFrame';

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
});

async function open(init: Parameters<LabDriver['open']>[0]): Promise<LabStore> {
  driver = new LabDriver();
  return driver.open(init);
}

function show(store: LabStore, locale: 'en' | 'zh-CN' = 'en') {
  return render(
    <LabStoreProvider store={store}>
      <I18nProvider initialLocale={locale}>
        <StepControls />
        <LessonFrame />
      </I18nProvider>
    </LabStoreProvider>,
  );
}

describe('LessonFrame', () => {
  it('links the moment to watch to its step, and the link takes the lab there', async () => {
    const store = await open({ lessonId: 'abort' });
    show(store);
    // Its words are fetched with it.
    const frame = await screen.findByTestId('lesson-frame');
    expect(frame.dataset.lesson).toBe('abort');
    expect(screen.getByTestId('lesson-shows').textContent).toContain('SO_LINGER');
    const { run, derived } = store.getState();
    const expected = watchStep(run!.events, derived!.steps, lessonById('abort')!.watch);
    const link = screen.getByTestId('lesson-watch-link');
    expect(link.dataset.step).toBe(String(expected));
    expect(link.textContent).toBe(`Go to step ${expected}`);
    expect(store.getState().step).toBe(0);
    fireEvent.click(link);
    expect(store.getState().step).toBe(expected);
    expect(screen.getByTestId('step-counter').textContent).toBe(
      `${expected} / ${store.getState().total}`,
    );
    expect(link.getAttribute('aria-current')).toBe('step');
  });

  it('says the moment does not happen when the knobs take the run elsewhere', async () => {
    // With SO_REUSEADDR, bind() succeeds: the EADDRINUSE this lesson is about never comes.
    const store = await open({ lessonId: 'reuse-with-time-wait', options: { reusePort: true } });
    show(store);
    expect(screen.queryByTestId('lesson-watch-link')).toBeNull();
    expect(screen.getByTestId('lesson-watch-missing').textContent).toMatch(
      /does not happen in this run/,
    );
    // Put back as the lesson has it, the link is there again.
    act(() => store.getState().setOptions({ reusePort: false }));
    await driver!.settle(store);
    const { run, derived } = store.getState();
    const moment = lessonById('reuse-with-time-wait')!.watch;
    const expected = watchStep(run!.events, derived!.steps, moment);
    expect(expected).not.toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('lesson-watch-link').dataset.step).toBe(String(expected)),
    );
  });

  it('keeps the takeaway folded until the last step, then shows it', async () => {
    const store = await open({ lessonId: 'closed-port' });
    show(store);
    const early = screen.getByTestId('lesson-takeaway');
    expect(early.dataset.reached).toBe('false');
    expect(early.tagName).toBe('DETAILS');
    act(() => store.getState().goTo(store.getState().total));
    const late = screen.getByTestId('lesson-takeaway');
    expect(late.dataset.reached).toBe('true');
    expect(late.textContent).toContain('definite no');
  });

  it('shows nothing for a scenario that is not a lesson', async () => {
    const store = await open({
      custom: { actions: [{ at: 0, who: 'client', do: 'connect' }] },
    });
    const { container } = show(store);
    expect(container.querySelector('[data-testid="lesson-frame"]')).toBeNull();
  });

  it('speaks Chinese in a Chinese widget', async () => {
    await loadLocale('zh-CN');
    const store = await open({ lessonId: 'reuse-timestamps', locale: 'zh-CN' });
    show(store, 'zh-CN');
    expect(await screen.findByText('留意这一刻')).toBeTruthy();
    expect(screen.getByTestId('lesson-shows').textContent).toContain('四元组');
    expect(screen.getByTestId('lesson-watch-link').textContent).toMatch(/^跳到第 \d+ 步$/);
  });
});
