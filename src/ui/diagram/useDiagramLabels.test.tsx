// The diagram in the widget's language: its words from the i18n catalogue under the right keys,
// and every time and duration it writes by the shared formatter.
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { I18nProvider, loadLocale, type Locale } from '../../i18n';
import lesson from '../../scenarios/client-closes-first.json';
import { diagramFixture, lostFinalAck } from '../../testing/diagram';
import { Diagram, type DiagramProps } from './Diagram';
import { useDiagramLabels } from './useDiagramLabels';

function Labelled(props: DiagramProps) {
  return <Diagram {...props} labels={useDiagramLabels()} />;
}

function renderIn(locale: Locale, props: DiagramProps) {
  return render(
    <I18nProvider initialLocale={locale}>
      <Labelled {...props} />
    </I18nProvider>,
  );
}

// The server's FIN comes 2 s late, into the client's next connection (which the what-if lets take
// the port pair from TIME_WAIT): delayed, and old.
const lateFin: Scenario = {
  ...(lesson as Scenario),
  whatIf: { reuseTimeWait: true },
  actions: [
    ...(lesson as Scenario).actions,
    { at: 1700, who: 'client', do: 'connect', reuse: true },
  ],
  faults: [{ who: 'server', flags: 'FIN,ACK', nth: 1, fate: { delayMs: 2000 } }],
};

beforeAll(async () => {
  await loadLocale('zh-CN');
});

describe('useDiagramLabels', () => {
  it('marks a delayed segment and an old duplicate with their own words', () => {
    const { stepper, props } = diagramFixture(lateFin);
    renderIn('en', props(stepper.stepsCount));
    expect(screen.getByText('Delayed by 2 s · ⚠ Late (old segment)')).toBeTruthy();
  });

  it('says them in Chinese in a Chinese widget', () => {
    const { stepper, props } = diagramFixture(lateFin);
    renderIn('zh-CN', props(stepper.stepsCount));
    expect(screen.getByText('延迟了 2 秒 · ⚠ 迟到（旧报文段）')).toBeTruthy();
  });

  it('writes the axis, the states’ times and the compressed stretch as the formatter does', () => {
    const { stepper, props } = diagramFixture(lostFinalAck);
    const { container } = renderIn('zh-CN', props(stepper.stepsCount));
    const ticks = [...container.querySelectorAll('.dg-tick-label')].map((e) => e.textContent);
    // Every distinct time its own label, to the millisecond.
    expect(ticks).toEqual(expect.arrayContaining(['0 毫秒', '302 毫秒', '1.3 秒', '1.301 秒']));
    expect(new Set(ticks).size).toBe(ticks.length);
    // TIME_WAIT's quiet stretch (1.302 s to 241.301 s), in whole seconds.
    expect(screen.getByText('≈ 240 秒 之后')).toBeTruthy();
    const badges = [...container.querySelectorAll('[role="img"]')].map((e) =>
      e.getAttribute('aria-label'),
    );
    expect(badges).toContain('服务器 在 101 毫秒 进入 SYN_RCVD');
    expect(badges).toContain('客户端 在 241.301 秒 进入 CLOSED');
  });
});
