// Every socket call and every error a call can return, drawn on the lifeline of the socket that
// made it, where the engine says it happened: runs of the lessons (and two small scenarios for
// what no lesson does) through the real engine, rendered through the DOM at wide and phone widths.
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { parseScenario } from '../../engine/validate';
import { lessonById } from '../../scenarios/all';
import { diagramFixture } from '../../testing/diagram';
import type { AppCallMark } from '../../lab/types';
import { AppCalls } from './AppCalls';
import { Diagram } from './Diagram';
import { layoutFor, ownerX } from './geometry';
import { DEFAULT_DIAGRAM_LABELS } from './labels';
import { appCallTag } from './sockets';

afterEach(() => vi.restoreAllMocks());

function lesson(id: string, patch: (s: Scenario) => Scenario = (s) => s): Scenario {
  const parsed = parseScenario(lessonById(id)?.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return patch(parsed.scenario);
}

const ends = { client: { port: 40000, isn: 1000 }, server: { port: 8080, isn: 5000 } };

/** A send after shutdown() (EPIPE), and a second listen() on a port already listening. */
const afterShutdown: Scenario = {
  ...ends,
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 50, who: 'server', do: 'listen' },
    { at: 100, who: 'client', do: 'connect' },
    { after: 'connected', delayMs: 10, who: 'client', do: 'shutdown' },
    { at: 1000, who: 'client', do: 'send', bytes: 10 },
  ],
};

/** [the run, the socket, its call and result] for every call and error the lab draws. */
const cases: [Scenario, string][] = [
  [lesson('client-closes-first'), 'listener listen ok'],
  [lesson('client-closes-first'), 'server accept ok'],
  [lesson('client-closes-first'), 'client connect ok'],
  [lesson('client-closes-first'), 'client send ok'],
  [lesson('client-closes-first'), 'client close ok'],
  [lesson('half-close'), 'client shutdown ok'],
  [lesson('abort'), 'client abort ok'],
  [lesson('abort'), 'server send ECONNRESET'],
  [lesson('closed-port'), 'client connect ECONNREFUSED'],
  [lesson('two-way-handshake'), 'client connect ETIMEDOUT'],
  [lesson('reuse-with-time-wait'), 'client connect EADDRINUSE'],
  // SO_REUSEADDR lets bind() share the port; RFC 9293 still refuses the 4-tuple TIME_WAIT holds.
  [
    lesson('reuse-with-time-wait', (s) => ({
      ...s,
      actions: s.actions.map((a, i) => (i > 0 && a.do === 'connect' ? { ...a, reuse: true } : a)),
    })),
    'client connect EADDRNOTAVAIL',
  ],
  [afterShutdown, 'client send EPIPE'],
  [afterShutdown, 'listener listen EADDRINUSE'],
];

describe.each([640, 360])('application calls on the lifelines (%i px)', (width) => {
  it.each(cases)('%#: %s', (scenario, wanted) => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
    const [who, call, result] = wanted.split(' ') as [string, string, string];
    const { props, stepper } = diagramFixture(scenario);
    const { container } = render(<Diagram {...props(stepper.stepsCount)} />);
    const tags = screen
      .getAllByTestId('app-call')
      .filter(
        (el) => el.dataset.who === who && el.dataset.call === call && el.dataset.result === result,
      );
    expect(tags.length, `${wanted} is drawn`).toBeGreaterThan(0);
    // The engine's own event: the tag stands for it, at its time.
    const event = stepper.appCalls.find(
      (c) => c.who === who && c.call === call && c.result === result,
    );
    expect(event).toBeDefined();
    const layout = layoutFor(width);
    const line = ownerX(layout, event!.who);
    for (const tag of tags) {
      // Tied to its own socket's line, and the tag beside that line, not another's.
      const tie = tag.querySelector('.dg-call-tie')!;
      expect(Number(tie.getAttribute('x1'))).toBe(line);
      const rect = tag.querySelector('rect')!;
      const x = Number(rect.getAttribute('x'));
      const w = Number(rect.getAttribute('width'));
      expect(x <= line + 6 && x + w >= line - 6, `${wanted} next to its line`).toBe(true);
      const failed = result !== 'ok';
      expect(tag.classList.contains('dg-call--failed')).toBe(failed);
      // An error is read whole, on a phone too.
      if (failed) expect(tag.querySelector('text')!.textContent).toContain(result);
      expect(tag.getAttribute('aria-label')).toContain(result === 'ok' ? call : result);
    }
    expect(container.querySelectorAll('.dg-call--failed').length).toBe(
      stepper.appCalls.filter((c) => c.result !== 'ok').length,
    );
  });
});

describe('appCallTag', () => {
  it('keeps an error whole where the whole call does not fit', () => {
    const refused = { call: 'connect', result: 'ECONNREFUSED' } as const;
    expect(appCallTag(refused, 26)).toBe('connect() → ECONNREFUSED');
    expect(appCallTag(refused, 20)).toBe('connect→ECONNREFUSED');
    expect(appCallTag(refused, 15)).toBe('ECONNREFUSED');
    expect(appCallTag({ call: 'shutdown', result: 'ok' }, 8)).toBe('shutdow…');
  });
});

describe('the calls of a long run drawn small', () => {
  // A call every 10 units, the two sides in turn, as a long capture's sends.
  const calls: AppCallMark[] = Array.from({ length: 2_000 }, (_, i) => ({
    index: i,
    t: i * 10,
    step: i + 1,
    who: i % 2 ? 'server' : 'client',
    call: 'send',
    result: 'ok',
  }));
  const draw = (gap?: number) =>
    render(
      <svg>
        <AppCalls
          calls={calls}
          changes={[]}
          y={(t) => t}
          layout={layoutFor(640)}
          labels={DEFAULT_DIAGRAM_LABELS}
          gap={gap}
        />
      </svg>,
    );

  it('draws each side’s tags a gap apart, every call otherwise', () => {
    draw(1_000);
    const tags = screen.getAllByTestId('app-call');
    // 20,000 units in bands of 1,000: a tag of each side in each band.
    expect(tags.length).toBeLessThanOrEqual(2 * 20);
    expect(tags.filter((tag) => tag.dataset.who === 'client').length).toBeGreaterThan(10);
    expect(tags.filter((tag) => tag.dataset.who === 'server').length).toBeGreaterThan(10);
  });

  it('draws every call without a gap', () => {
    draw();
    expect(screen.getAllByTestId('app-call')).toHaveLength(calls.length);
  });
});
