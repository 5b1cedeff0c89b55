// The "to scale" switch through the DOM, over the real store: it sets the store's time scale, the
// diagram draws the axis to scale with a legend naming its unit, and its help says what it does.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { deriveRun } from '../../lab/derive';
import { runWithCauses } from '../../lab/run';
import { stateChangesUpTo } from '../../lab/stateChanges';
import { lessonById } from '../../scenarios/all';
import { LabDriver } from '../../testing/labDriver';
import { Diagram } from '../diagram/Diagram';
import { LabStoreProvider } from '../store/context';
import { TimeScaleToggle } from './TimeScaleToggle';

let driver: LabDriver | null = null;
afterEach(() => {
  driver?.dispose();
  driver = null;
});

describe('TimeScaleToggle', () => {
  it('switches the diagram between the warped axis and the axis to scale', async () => {
    driver = new LabDriver();
    const store = await driver.open({ lessonId: 'lost-syn-ack' });
    const derived = deriveRun(runWithCauses(lessonById('lost-syn-ack')!.scenario as never));
    const step = derived.steps.length;
    render(
      <I18nProvider initialLocale="en">
        <LabStoreProvider store={store}>
          <TimeScaleToggle />
          <Diagram
            segments={derived.segments}
            view={derived.viewAt(step)}
            axis={derived.axis}
            stateChanges={stateChangesUpTo(derived.stateChanges, derived.steps[step - 1]!.end)}
            endpoints={{ client: { label: 'c' }, server: { label: 's' } }}
            reducedMotion
          />
        </LabStoreProvider>
      </I18nProvider>,
    );
    const toggle = screen.getByTestId<HTMLInputElement>('time-scale-toggle');
    expect(toggle.checked).toBe(false);
    expect(store.getState().timeScale).toBe('warped');
    expect(screen.getByTestId('scale-legend').textContent).toBe('not to scale');
    expect(screen.getByText(/arrows are not to scale/)).toBeTruthy();

    act(() => {
      fireEvent.click(toggle);
    });
    expect(store.getState().timeScale).toBe('linear');
    expect(toggle.checked).toBe(true);
    expect(screen.getByTestId('scale-legend').textContent).toMatch(/^to scale: 1 mark = /);
    expect(screen.getByText(/slant is its delay/)).toBeTruthy();
    // To scale, the idle stretches are cut at breaks (the warped axis has none in this lesson).
    expect(document.querySelectorAll('.dg-break').length).toBeGreaterThan(0);

    act(() => {
      fireEvent.click(toggle);
    });
    expect(store.getState().timeScale).toBe('warped');
    expect(document.querySelectorAll('.dg-break').length).toBe(0);
  });
});
