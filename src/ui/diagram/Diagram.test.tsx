// The diagram through the DOM: its test hooks, what it says to a screen reader, fates, the halfway
// drop, the arrows as buttons, and that it shows a step the same however it got there.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { diagramFixture, lostFinalAck } from '../../testing/diagram';
import { Diagram } from './Diagram';
import { layoutFor } from './geometry';
import { DEFAULT_DIAGRAM_LABELS } from './labels';

const { stepper, props } = diagramFixture(lostFinalAck);
const last = stepper.stepsCount;

/** The first step at which a segment is in flight. */
const inFlightStep = [...Array(last).keys()]
  .map((k) => k + 1)
  .find((k) => [...stepper.viewAt(k).fates.values()].includes('in-flight'))!;

const segmentElements = () => screen.queryAllByTestId('segment');

/** The contract's attributes of each `segment` element, in document order. */
function hooks(): Record<string, string>[] {
  return segmentElements().map((el) =>
    Object.fromEntries(
      el
        .getAttributeNames()
        .filter((name) => name.startsWith('data-'))
        .map((name) => [name, el.getAttribute(name) ?? '']),
    ),
  );
}

beforeEach(() => {
  // happy-dom lays nothing out: give the diagram the width it would measure on a 640 px column.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(640);
  return () => vi.restoreAllMocks();
});

describe('Diagram', () => {
  it('draws both lifelines and each state once, with the state at the shown step', () => {
    render(<Diagram {...props(last)} />);
    const view = stepper.viewAt(last);
    for (const side of ['client', 'server'] as const) {
      expect(screen.getAllByTestId(`lifeline-${side}`)).toHaveLength(1);
      expect(screen.getByTestId(`state-${side}`)).toHaveProperty(
        'dataset.state',
        view.states[side],
      );
    }
    expect(screen.getByText('192.0.2.1:40000')).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: `Sequence diagram: ${view.fates.size} segments, client ${view.states.client}, server ${view.states.server}`,
      }),
    ).toBeTruthy();
  });

  it('has one segment element per segment sent, with the contract hooks', () => {
    const { rerender } = render(<Diagram {...props(0)} />);
    for (const step of [0, 3, last]) {
      rerender(<Diagram {...props(step)} />);
      const view = stepper.viewAt(step);
      const shown = hooks();
      expect(shown).toHaveLength(view.fates.size);
      for (const attrs of shown) {
        const seg = stepper.segments.find((s) => s.id === Number(attrs['data-id']))!;
        expect(attrs['data-from']).toBe(seg.from);
        expect(attrs['data-flags']).toBe(seg.flags.join(','));
        expect(attrs['data-seq']).toBe(String(seg.seq));
        expect(attrs['data-ack']).toBe(String(seg.ack));
        expect(attrs['data-len']).toBe(String(seg.len));
        expect(attrs['data-fate']).toBe(view.fates.get(seg.id));
      }
    }
  });

  it('stops a dropped segment halfway with a ✕, and marks the retransmission', () => {
    const { container } = render(<Diagram {...props(last)} />);
    const dropped = stepper.segments.find((s) => s.droppedAt !== null)!;
    const layout = layoutFor(640);
    const arrow = container.querySelector(`[data-testid="segment"][data-id="${dropped.id}"]`)!;
    expect(arrow.getAttribute('data-fate')).toBe('dropped');
    const shaft = arrow.querySelector('line.dg-shaft')!;
    expect(Number(shaft.getAttribute('x1'))).toBe(layout.x.client);
    expect(Number(shaft.getAttribute('x2'))).toBeCloseTo(
      (layout.x.client + layout.x.server) / 2,
      1,
    );
    expect(arrow.querySelector('.dg-drop-x')).not.toBeNull();
    const retransmission = stepper.segments.find((s) => s.retransmission)!;
    const again = container.querySelector(
      `[data-testid="segment"][data-id="${retransmission.id}"]`,
    )!;
    expect(within(again as HTMLElement).getByText('↻ retransmission')).toBeTruthy();
  });

  it('shows relative numbers by default and absolute ones on request, hooks staying absolute', () => {
    const { rerender } = render(<Diagram {...props(last)} />);
    const first = () => segmentElements()[0]!;
    expect(first().textContent).toContain('SYN seq=0');
    rerender(<Diagram {...props(last, { numbering: 'absolute' })} />);
    expect(first().textContent).toContain('SYN seq=1000');
    expect(first().getAttribute('data-seq')).toBe('1000');
  });

  it('makes a segment in flight a keyboard-reachable drop button, any other an inspect one', () => {
    const onDropInFlight = vi.fn();
    const onSegmentClick = vi.fn();
    const { rerender } = render(
      <Diagram {...props(inFlightStep, { onDropInFlight, onSegmentClick })} />,
    );
    const drop = screen.getByRole('button', { name: /Click to drop this segment$/ });
    expect(drop.getAttribute('data-fate')).toBe('in-flight');
    expect(drop.tabIndex).toBe(0);
    fireEvent.click(drop);
    expect(onDropInFlight).toHaveBeenCalledWith(Number(drop.getAttribute('data-id')));

    rerender(<Diagram {...props(last, { onDropInFlight, onSegmentClick })} />);
    const inspect = screen.getAllByRole('button', { name: /Click to inspect this segment$/ })[0]!;
    expect(inspect.getAttribute('data-fate')).not.toBe('in-flight');
    expect(inspect.tabIndex).toBe(0);
    fireEvent.keyDown(inspect, { key: 'Enter' });
    expect(onSegmentClick).toHaveBeenCalledWith(Number(inspect.getAttribute('data-id')));
    expect(onDropInFlight).toHaveBeenCalledTimes(1);
  });

  it('draws running timers with their names', () => {
    const step = [...Array(last).keys()]
      .map((k) => k + 1)
      .find((k) => stepper.viewAt(k).timers.some((t) => t.timer === 'time-wait'))!;
    const { container } = render(<Diagram {...props(step)} />);
    const timer = container.querySelector<SVGElement>('.dg-timer--time-wait')!;
    expect(timer).not.toBeNull();
    expect(within(timer as unknown as HTMLElement).getByText('TIME_WAIT')).toBeTruthy();
    expect(within(timer as unknown as HTMLElement).getByText('(2·MSL)')).toBeTruthy();
  });

  it('marks a compressed stretch of time, saying how long it is in its labels', () => {
    const labels = {
      ...DEFAULT_DIAGRAM_LABELS,
      compressedBreak: 'about {duration}',
      duration: (ms: number) => `${ms / 1000} seconds`,
    };
    const { container } = render(<Diagram {...props(last, { labels })} />);
    // TIME_WAIT's 2·MSL (240 s) with nothing sent.
    expect(
      within(container.querySelector('.dg-break')!).getByText('about 240 seconds'),
    ).toBeTruthy();
  });

  it('shows a step the same however it got there: a pure function of its props', () => {
    const { container, rerender } = render(<Diagram {...props(3)} />);
    const still = container.innerHTML;
    const stillHooks = hooks();
    rerender(<Diagram {...props(5)} />);
    expect(container.innerHTML).not.toBe(still);
    rerender(<Diagram {...props(3)} />);
    expect(container.innerHTML).toBe(still);
    // Animation changes where a new arrow's tip starts (and a class), never the hooks.
    rerender(<Diagram {...props(3, { animateStep: 3 })} />);
    expect(hooks()).toEqual(stillHooks);
  });
});
