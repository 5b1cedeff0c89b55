// The whole-run view's toggle over the real store: a long run's view says that its arrows are one
// picture and how to click them again; a short run's keeps its arrows, and says nothing.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { LabDriver } from '../../testing/labDriver';
import { LabStoreProvider } from '../store/context';
import { DiagramSection } from './DiagramSection';
import { drawnAsPicture } from './RunPicture';

/** 80 writes, each a data segment and its ACK: more arrows than a fitted box tells apart. */
const longScenario = {
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 100, who: 'client', do: 'connect' },
    ...Array.from({ length: 80 }, (_, i) => ({
      at: 1000 + i * 50,
      who: 'client',
      do: 'send',
      bytes: 10,
    })),
  ],
};

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
  vi.restoreAllMocks();
});

async function show(init: { custom?: unknown; lessonId?: string }, locale: Locale = 'en') {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(640);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  driver = new LabDriver();
  const store = await driver.open({ ...init, step: 9999, locale });
  render(
    <I18nProvider initialLocale={locale}>
      <LabStoreProvider store={store}>
        <DiagramSection />
      </LabStoreProvider>
    </I18nProvider>,
  );
  const toggle = await screen.findByTestId('diagram-fit-toggle');
  const segments = store.getState().derived?.segments ?? [];
  act(() => {
    fireEvent.click(toggle);
  });
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  return { store, segments, toggle };
}

// The real store runs the engine: on a busy machine a test takes seconds.
describe('the whole-run view', { timeout: 20_000 }, () => {
  it('of a long run: one picture, a note saying so, a handful of arrows', async () => {
    const { segments, toggle } = await show({ custom: longScenario });
    expect(drawnAsPicture(segments.length)).toBe(true);
    const note = await screen.findByTestId('diagram-fit-note');
    expect(note.textContent).toMatch(/drawn as one picture/);
    expect(note.textContent).toMatch(/Leave the whole-run view \(F\) to click any arrow/);
    expect(screen.getByTestId('diagram-picture')).toBeTruthy();
    expect(screen.queryAllByTestId('segment').length).toBeLessThan(10);
    act(() => {
      fireEvent.click(toggle);
    });
    expect(screen.queryByTestId('diagram-fit-note')).toBeNull();
  });

  it('says so in Chinese too', async () => {
    await show({ custom: longScenario }, 'zh-CN');
    // The Chinese words come in after the first render.
    const note = await screen.findByText(/合成一幅图/);
    expect(note.dataset.testid).toBe('diagram-fit-note');
  });

  it('of a short run: every arrow, and no note', async () => {
    const { store } = await show({ lessonId: 'client-closes-first' });
    expect(screen.queryByTestId('diagram-fit-note')).toBeNull();
    expect(screen.queryByTestId('diagram-picture')).toBeNull();
    expect(screen.getAllByTestId('segment')).toHaveLength(store.getState().view?.fates.size ?? -1);
  });
});
