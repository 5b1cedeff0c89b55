// The settings panel through the DOM, over the real store and engine service: a knob that changes
// nothing in the lesson shown is disabled with its reason beside it; one that does is enabled.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { loadLocale } from '../../i18n/core';
import { LabDriver } from '../../testing/labDriver';
import type { Locale } from '../../i18n/types';
import type { LabStore } from '../store/labStore';
import { LabStoreProvider } from '../store/context';
import { SettingsPanel } from './SettingsPanel';

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
});

async function settings(lessonId: string, locale: Locale = 'en'): Promise<LabStore> {
  driver = new LabDriver();
  const store = await driver.open({ lessonId });
  render(
    <I18nProvider initialLocale={locale}>
      <LabStoreProvider store={store}>
        <SettingsPanel />
      </LabStoreProvider>
    </I18nProvider>,
  );
  return store;
}

const knob = (id: string) => screen.getByTestId<HTMLInputElement>(id);
const reasonOf = (name: string) =>
  screen.queryAllByTestId('knob-reason').find((el) => el.dataset.knob === name) ?? null;

describe('SettingsPanel: knobs that do not apply', () => {
  it('disables drop-the-final-ACK and reuse-the-port on a refused connect, saying why', async () => {
    await settings('closed-port');
    const drop = knob('drop-final-ack');
    expect(drop.disabled).toBe(true);
    expect(drop.dataset.disabledReason).toBe('no-final-ack');
    expect(reasonOf('dropFinalAck')?.textContent).toBe(
      'This run has no final ACK to drop: no side closes after the other’s FIN.',
    );
    // The reason is read out with the knob.
    expect(drop.getAttribute('aria-describedby')).toContain(reasonOf('dropFinalAck')!.id);
    const reuse = knob('reuse-port');
    expect(reuse.disabled).toBe(true);
    expect(reasonOf('reusePort')?.textContent).toBe('Nothing in this lesson connects again.');
    expect(knob('msl').disabled).toBe(true);
    expect(reasonOf('mslMs')?.textContent).toMatch(/No connection reaches TIME_WAIT/);
    // What does change a refused connect stays enabled, without a reason.
    expect(knob('profile').disabled).toBe(false);
    expect(knob('loss-rate').disabled).toBe(false);
    expect(reasonOf('profile')).toBeNull();
    expect(reasonOf('lossPercent')).toBeNull();
  });

  it('enables them where the lesson has a final ACK and a port to reuse', async () => {
    const store = await settings('client-closes-first');
    expect(knob('drop-final-ack').disabled).toBe(false);
    expect(knob('drop-final-ack').hasAttribute('data-disabled-reason')).toBe(false);
    expect(knob('reuse-port').disabled).toBe(false);
    expect(knob('msl').disabled).toBe(false);
    expect(reasonOf('dropFinalAck')).toBeNull();
    expect(reasonOf('reusePort')).toBeNull();
    // The seed only matters once something can be lost: it says so, and stays editable so that
    // it can be set before the loss rate.
    expect(knob('seed').disabled).toBe(false);
    expect(reasonOf('seed')?.textContent).toMatch(/loss rate is 0/);
    expect(knob('seed').getAttribute('aria-describedby')).toContain(reasonOf('seed')!.id);
    fireEvent.change(knob('loss-rate'), { target: { value: '10' } });
    await act(() => driver!.settle(store));
    await waitFor(() => expect(reasonOf('seed')).toBeNull());
    expect(knob('drop-final-ack').disabled).toBe(false);
  });

  it('gives the reason in Chinese', async () => {
    await loadLocale('zh-CN');
    await settings('abort', 'zh-CN');
    expect(knob('drop-final-ack').disabled).toBe(true);
    expect(reasonOf('dropFinalAck')?.textContent).toMatch(/没有可丢弃的最后一个 ACK/);
    expect(reasonOf('reusePort')?.textContent).toBe('本课程中没有再次发起连接。');
  });
});
