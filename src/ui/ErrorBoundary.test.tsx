// A part of the lab that fails to render says so in its own place ("This part could not be
// shown: …", in the widget's language, with "Try again" that mounts it afresh), and the rest of
// the lab renders and steps as before.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { loadLocale } from '../i18n/core';
import { ui as enUi } from '../i18n/locales/en/ui';
import { ui as zhUi } from '../i18n/locales/zh-CN/ui';
import { LabDriver } from '../testing/labDriver';
import { ErrorBoundary, PanelBoundary } from './ErrorBoundary';
import { Lab } from './Lab';

/** A part that throws while `broken.now` is true. */
const broken = { now: true };
function FlakyPart() {
  if (broken.now) throw new Error('the state diagram broke\n    at FlakyPart (Flaky.tsx:1)');
  return <p data-testid="flaky-part">drawn</p>;
}

/** A part with state of its own, to tell a remount from a re-render. */
function Counter({ failAt }: { failAt: number }) {
  const [count, setCount] = useState(0);
  if (count === failAt) throw new Error(`count reached ${failAt}`);
  return (
    <button type="button" data-testid="counter" onClick={() => setCount(count + 1)}>
      {count}
    </button>
  );
}

beforeEach(() => {
  broken.now = true;
  // React reports each error a boundary caught on the console: expected here.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('PanelBoundary', () => {
  it('shows the failure in the part’s place, on one line, and leaves its neighbours alone', () => {
    render(
      <I18nProvider>
        <p data-testid="before">before</p>
        <PanelBoundary>
          <FlakyPart />
        </PanelBoundary>
        <p data-testid="after">after</p>
      </I18nProvider>,
    );
    const failed = screen.getByTestId('part-error');
    expect(failed.getAttribute('role')).toBe('alert');
    expect(failed.textContent).toContain(
      'This part could not be shown: the state diagram broke at FlakyPart (Flaky.tsx:1)',
    );
    expect(within(failed).getByTestId('part-retry').textContent).toBe(enUi.errors.retry);
    expect(screen.getByTestId('before').textContent).toBe('before');
    expect(screen.getByTestId('after').textContent).toBe('after');
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('says it in Chinese in a Chinese widget', async () => {
    await loadLocale('zh-CN');
    render(
      <I18nProvider initialLocale="zh-CN">
        <PanelBoundary>
          <FlakyPart />
        </PanelBoundary>
      </I18nProvider>,
    );
    const failed = await screen.findByTestId('part-error');
    expect(failed.textContent).toContain(
      zhUi.errors.part.replace('{message}', 'the state diagram broke'),
    );
    expect(screen.getByTestId('part-retry').textContent).toBe(zhUi.errors.retry);
  });

  it('“Try again” mounts the part afresh: it shows once it renders, with new state', () => {
    render(
      <I18nProvider>
        <PanelBoundary>
          <FlakyPart />
        </PanelBoundary>
        <PanelBoundary>
          <Counter failAt={2} />
        </PanelBoundary>
      </I18nProvider>,
    );
    // Still broken: trying again shows the message again.
    fireEvent.click(screen.getByTestId('part-retry'));
    expect(screen.getByTestId('part-error')).toBeTruthy();
    broken.now = false;
    fireEvent.click(screen.getByTestId('part-retry'));
    expect(screen.getByTestId('flaky-part').textContent).toBe('drawn');
    expect(screen.queryByTestId('part-error')).toBeNull();

    // A part that fails later, from its own state: mounted again, it starts from nothing.
    fireEvent.click(screen.getByTestId('counter'));
    fireEvent.click(screen.getByTestId('counter'));
    expect(screen.getByTestId('part-error').textContent).toContain('count reached 2');
    fireEvent.click(screen.getByTestId('part-retry'));
    expect(screen.getByTestId('counter').textContent).toBe('0');
  });

  it('leaves the widget-wide boundary as it was: one message for the whole widget', () => {
    render(
      <ErrorBoundary>
        <FlakyPart />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error').textContent).toMatch(
      /^Something went wrong: the state diagram broke/,
    );
    expect(screen.queryByTestId('part-retry')).toBeNull();
  });
});

describe('the lab with a part that fails', () => {
  let driver: LabDriver;
  beforeEach(() => {
    driver = new LabDriver();
  });
  afterEach(() => driver.dispose());

  it('shows the message where the part goes, and the rest renders and steps', async () => {
    const store = driver.create({ lessonId: 'client-closes-first' });
    const runner = driver.runner;
    render(
      <Lab
        store={store}
        createRunner={() => runner}
        components={{ StateMachineSection: FlakyPart, LessonFrame: () => <p>the frame</p> }}
      />,
    );
    await driver.settle(store);
    const failed = await screen.findByTestId('part-error');
    // In the side column, where the state diagram goes, after the parts that did render.
    expect(failed.closest('.lab-side')).not.toBeNull();
    expect(screen.getByText('the frame')).toBeTruthy();
    expect(screen.getByTestId('lifeline-client')).toBeTruthy();
    expect(screen.queryByTestId('error')).toBeNull();

    const total = store.getState().total;
    fireEvent.click(screen.getByTestId('step-forward'));
    expect(screen.getByTestId('step-counter').textContent).toBe(`1 / ${total}`);

    broken.now = false;
    fireEvent.click(screen.getByTestId('part-retry'));
    expect(screen.getByTestId('flaky-part')).toBeTruthy();
    expect(screen.getByTestId('step-counter').textContent).toBe(`1 / ${total}`);
  });

  it('keeps the explanation’s failure to its place too', async () => {
    const store = driver.create({ lessonId: 'client-closes-first' });
    const runner = driver.runner;
    render(<Lab store={store} createRunner={() => runner} />);
    await driver.settle(store);
    // An explanation whose engine source is no text: the panel cannot render it (the live
    // region, which reads only the sentence, can).
    const uncited = { cite: {} };
    const explainer = { at: (step: number) => (step ? uncited : null), render: () => 'words' };
    act(() => store.setState({ explainer: explainer as never }));
    fireEvent.click(screen.getByTestId('step-forward'));
    const failed = await screen.findByTestId('part-error');
    expect(failed.textContent).toContain('Objects are not valid as a React child');
    expect(screen.queryByTestId('explanation')).toBeNull();
    expect(screen.getByTestId('lifeline-client')).toBeTruthy();
    fireEvent.click(screen.getByTestId('step-forward'));
    expect(screen.getByTestId('step-counter').textContent).toMatch(/^2 \//);
  });
});
