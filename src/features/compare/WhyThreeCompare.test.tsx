// The why-three comparison as a student meets it: the answer card's button opens it, both runs come
// from the lab's engine runner, and each diagram shows what its caption says: on the three-way
// side the client's RST and a server that never got to ESTABLISHED; on the two-way side a server
// that went ESTABLISHED and whose accept() returned a connection nobody made.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { loadLocale } from '../../i18n/core';
import { LabDriver } from '../../testing/labDriver';
import { registerFeatureWords } from '../../testing/words';
import { LabStoreProvider } from '../../ui/store/context';
import { AnswerSection } from '../answers/AnswerSection';

registerFeatureWords();

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
});

async function openComparison(locale: 'en' | 'zh-CN' = 'en') {
  driver = new LabDriver();
  const store = await driver.open({ locale });
  render(
    <LabStoreProvider store={store}>
      <I18nProvider initialLocale={locale}>
        <AnswerSection onShowMe={() => {}} />
      </I18nProvider>
    </LabStoreProvider>,
  );
  const open = await screen.findByTestId('compare-open');
  expect(open.closest<HTMLElement>('[data-testid="answer-card"]')?.dataset.answer).toBe(
    'why-three',
  );
  expect(screen.getAllByTestId('compare-open')).toHaveLength(1);
  fireEvent.click(open);
  const compare = await screen.findByTestId('compare-why-three');
  await waitFor(() => expect(compare.dataset.ready).toBe('true'), { timeout: 5000 });
  const side = (variant: string) =>
    screen.getAllByTestId('compare-side').find((el) => el.dataset.variant === variant)!;
  return { compare, twoWay: side('two-way'), threeWay: side('three-way') };
}

const flagsIn = (el: HTMLElement) =>
  within(el)
    .getAllByTestId('segment')
    .map((s) => s.getAttribute('data-flags'));
const callsIn = (el: HTMLElement, who: string) =>
  within(el)
    .queryAllByTestId('app-call')
    .filter((c) => c.getAttribute('data-who') === who)
    .map((c) => `${c.getAttribute('data-call')}:${c.getAttribute('data-result')}`);

describe('WhyThreeCompare', () => {
  it('shows the RST on the three-way side, a phantom ESTABLISHED on the two-way side', async () => {
    const { twoWay, threeWay } = await openComparison();
    expect(screen.getAllByTestId('compare-side')).toHaveLength(2);

    // Three segments: SYN, SYN+ACK, and the client's RST instead of the ACK.
    expect(flagsIn(threeWay)).toEqual(['SYN', 'SYN,ACK', 'RST']);
    expect(threeWay.dataset.serverStates).toBe('LISTEN SYN_RCVD CLOSED');
    expect(callsIn(threeWay, 'server')).toEqual([]);
    expect(within(threeWay).getByTestId('state-listener').dataset.state).toBe('LISTEN');
    expect(within(threeWay).getByText(/answers the SYN\+ACK with RST/)).toBeTruthy();
    expect(within(threeWay).getByTestId('compare-fate').textContent).toMatch(
      /accept\(\) never returned/,
    );

    // Two segments make a connection: ESTABLISHED and accept() before the client's RST.
    expect(twoWay.dataset.serverStates).toBe('LISTEN SYN_RCVD ESTABLISHED CLOSED');
    expect(callsIn(twoWay, 'server')).toEqual(['accept:ok']);
    expect(
      within(twoWay).getByText(/accept\(\) returns a connection the client never made/),
    ).toBeTruthy();
    expect(within(twoWay).getByTestId('compare-fate').textContent).toMatch(/ESTABLISHED/);
  });

  it('closes again', async () => {
    await openComparison();
    fireEvent.click(screen.getByRole('button', { name: 'Close the comparison' }));
    expect(screen.queryByTestId('compare-why-three')).toBeNull();
  });

  it('speaks Chinese in a Chinese widget', async () => {
    await loadLocale('zh-CN');
    const { threeWay, twoWay } = await openComparison('zh-CN');
    expect(within(threeWay).getByText('三次握手（TCP）')).toBeTruthy();
    expect(within(twoWay).getByText('两次握手（假设情形）')).toBeTruthy();
  });
});
