// The capture panel through the DOM, over the real lab store and its capture session: the Cancel
// button beside the progress, the line that says the reading stopped, and a list whose connections'
// times are no dates (each with its note instead of a start time; the page never throws).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { LabStoreProvider } from '../../ui/store/context';
import type { LabStore } from '../../ui/store/labStore';
import { LabDriver } from '../../testing/labDriver';
import { registerFeatureWords } from '../../testing/words';
import {
  connectionSummary as connection,
  openedCapture as opened,
} from '../../testing/workerMessages';
import CapturePanel from './CapturePanel';
import { captureSessionFor } from './session';

registerFeatureWords();

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
});

async function panel(locale: 'en' | 'zh-CN' = 'en'): Promise<LabStore> {
  driver = new LabDriver();
  const store = await driver.open({ lessonId: 'lost-syn' });
  render(
    <I18nProvider initialLocale={locale}>
      <LabStoreProvider store={store}>
        <CapturePanel />
      </LabStoreProvider>
    </I18nProvider>,
  );
  return store;
}

const TIME_NOTE = {
  code: 'time-not-a-date',
  message: 'Its capture times lie beyond any date.',
  params: {},
};
const UNUSABLE_NOTE = {
  code: 'time-unusable',
  message: 'Its capture times are too large to be exact.',
  params: {},
};

describe('CapturePanel', () => {
  it('cancels a file being read: the panel goes back to idle and says so in one line', async () => {
    const lab = await panel();
    const session = captureSessionFor(lab);
    act(() =>
      session.setState({
        phase: 'parsing',
        fileName: 'huge.pcapng',
        progress: { done: 1024 * 1024, total: 20 * 1024 * 1024 },
      }),
    );
    const cancel = await screen.findByTestId('capture-cancel');
    expect(cancel.textContent).toBe('Cancel');
    expect(screen.getByTestId('capture-progress').getAttribute('value')).toBe(String(1024 * 1024));
    act(() => fireEvent.click(cancel));
    expect(session.getState().phase).toBe('idle');
    expect(screen.queryByTestId('capture-progress')).toBeNull();
    expect(screen.queryByTestId('capture-cancel')).toBeNull();
    const line = screen.getByTestId('capture-cancelled');
    expect(line.getAttribute('role')).toBe('status');
    expect(line.textContent).toBe('Stopped reading huge.pcapng; what was shown before stays.');
    // The lesson is still there.
    expect(lab.getState().lessonId).toBe('lost-syn');
  });

  it('lists connections whose times are no dates with their note instead of a start time', async () => {
    const lab = await panel();
    act(() =>
      captureSessionFor(lab).setState({
        phase: 'open',
        fileName: 'odd.pcapng',
        opened: opened([
          connection(0, { startMs: 1_795_237_126_137.66 }),
          connection(1, { startMs: 2 ** 52 * 1000, times: 'relative', notes: [TIME_NOTE] }),
          connection(2, { startMs: 2 ** 62 * 1000, times: 'unusable', notes: [UNUSABLE_NOTE] }),
          // Said to be dates by a worker that got it wrong: still no throw, and no time.
          connection(3, { startMs: 1e300 }),
          connection(4, { startMs: Number.NaN }),
        ]),
      }),
    );
    const entries = await screen.findAllByTestId('capture-connection');
    expect(entries).toHaveLength(5);
    const [dated, relative, unusable, wrong, notANumber] = entries as HTMLButtonElement[];
    expect(dated?.textContent).toMatch(/from \d{2}\/\d{2}\/2026/);
    const startTime = /from \d/;
    expect(relative?.textContent).not.toMatch(startTime);
    expect(within(relative!).getByTestId('capture-connection-note').textContent).toBe(
      'Its capture times lie beyond any date (the file’s time resolution or offset is likely wrong): no start time is shown, and its packets are timed from the first.',
    );
    expect(relative?.disabled).toBe(false);
    expect(unusable?.disabled).toBe(true);
    expect(within(unusable!).getByTestId('capture-connection-note').textContent).toContain(
      'so it cannot be drawn',
    );
    expect(wrong?.textContent).not.toMatch(startTime);
    expect(notANumber?.textContent).not.toMatch(startTime);
  });

  it('words the notes in Chinese', async () => {
    const lab = await panel('zh-CN');
    act(() =>
      captureSessionFor(lab).setState({
        phase: 'open',
        fileName: 'odd.pcapng',
        opened: opened([connection(0, { times: 'relative', notes: [TIME_NOTE] })]),
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('capture-connection-note').textContent).toMatch(/\p{Script=Han}/u),
    );
  });
});
