// The diagram's sockets and application calls through the DOM, on hand-written version-2 traces:
// the listener's hook and line, a new socket per connection, and one tag per application call.
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runFixture } from '../../testing/diagram';
import { newerEvents, twoConnections } from '../../testing/v2Traces';
import type { Run } from '../../lab/types';
import { Diagram } from './Diagram';
import { socketSpans } from './sockets';
import { collectStateChanges } from '../../lab/stateChanges';

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(640);
  return () => vi.restoreAllMocks();
});

const calls = () =>
  screen
    .queryAllByTestId('app-call')
    .map((el) => `${el.dataset.who} ${el.dataset.call} ${el.dataset.result}`);

describe('the listener in the diagram', () => {
  const { props, stepper } = runFixture(twoConnections);

  it('shows the listener’s state in the header at every step, beside the server’s', () => {
    const { rerender } = render(<Diagram {...props(0)} />);
    for (let step = 0; step <= stepper.stepsCount; step++) {
      rerender(<Diagram {...props(step)} />);
      const view = stepper.viewAt(step);
      expect(screen.getByTestId('state-listener').dataset.state, `step ${step}`).toBe(
        view.states.listener,
      );
      expect(screen.getByTestId('state-server').dataset.state).toBe(view.states.server);
    }
    rerender(<Diagram {...props(12)} />);
    expect(screen.getByTestId('state-server').dataset.state).toBe('CLOSED');
    expect(screen.getByTestId('state-listener').dataset.state).toBe('LISTEN');
    expect(screen.getByText('The server’s listening socket: LISTEN')).toBeTruthy();
  });

  it('draws the listener’s line while it listens, and marks each new socket', () => {
    const { rerender, container } = render(<Diagram {...props(2)} />);
    expect(container.querySelectorAll('.dg-listener')).toHaveLength(1);
    expect(container.querySelector('.dg-listener-end')).toBeNull();
    expect(screen.queryAllByTestId('new-socket')).toHaveLength(0);
    rerender(<Diagram {...props(3)} />);
    expect(screen.getAllByTestId('new-socket')).toHaveLength(1);
    expect(screen.getByText('new socket')).toBeTruthy();
    rerender(<Diagram {...props(stepper.stepsCount)} />);
    expect(screen.getAllByTestId('new-socket')).toHaveLength(2);
    // It stopped listening: the line ends.
    expect(container.querySelector('.dg-listener-end')).not.toBeNull();
    // Each connection of each side is a stretch of its own: two on each lifeline.
    expect(container.querySelectorAll('.dg-socket--server')).toHaveLength(2);
    expect(container.querySelectorAll('.dg-socket--client')).toHaveLength(2);
    // The listener has no state pills: its line and the header say it.
    expect(container.querySelectorAll('.dg-pill--listener')).toHaveLength(0);
  });

  it('leaves the listener out of a run that does not tell it (a capture)', () => {
    const captured: Run = {
      ...twoConnections,
      scenario: { actions: [] },
      events: twoConnections.events.filter((e) => !('who' in e) || e.who !== 'listener'),
    };
    const fixture = runFixture(captured);
    render(<Diagram {...fixture.props(5)} />);
    expect(screen.queryByTestId('state-listener')).toBeNull();
    expect(screen.getByTestId('state-server').dataset.state).toBe('ESTABLISHED');
  });
});

describe('application calls on the lifelines', () => {
  it('draws one tag per call shown, with the contract’s hooks', () => {
    const { props, stepper } = runFixture(twoConnections);
    const { rerender } = render(<Diagram {...props(0)} />);
    expect(calls()).toEqual([]);
    rerender(<Diagram {...props(1)} />);
    expect(calls()).toEqual(['listener listen ok']);
    rerender(<Diagram {...props(5)} />);
    expect(calls()).toEqual(['listener listen ok', 'client connect ok', 'server accept ok']);
    rerender(<Diagram {...props(stepper.stepsCount)} />);
    expect(calls()).toHaveLength(8);
    expect(calls().at(-1)).toBe('listener close ok');
    const accept = screen.getAllByTestId('app-call').find((el) => el.dataset.call === 'accept')!;
    expect(accept.textContent).toContain('accept()');
    expect(accept.getAttribute('aria-label')).toBe(
      'Server application: accept() returns ok at 103 ms',
    );
    // Back to an earlier step: the later calls are gone again.
    rerender(<Diagram {...props(2)} />);
    expect(calls()).toEqual(['listener listen ok']);
  });

  it('marks a failed call and words its error', () => {
    const { props } = runFixture(newerEvents);
    render(<Diagram {...props(2)} />);
    const refused = screen.getAllByTestId('app-call').at(-1)!;
    expect(refused.dataset).toMatchObject({
      who: 'client',
      call: 'connect',
      result: 'EADDRNOTAVAIL',
    });
    expect(refused.classList.contains('dg-call--failed')).toBe(true);
    expect(refused.textContent).toContain('connect() → EADDRNOTAVAIL');
    expect(refused.querySelector('title')?.textContent).toBe(
      'Client application: connect() returns EADDRNOTAVAIL at 5 ms',
    );
  });

  it('shortens a long tag on a narrow screen to its error, its title keeping the whole', () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(360);
    const { props } = runFixture(newerEvents);
    render(<Diagram {...props(2)} />);
    const refused = screen.getAllByTestId('app-call').at(-1)!;
    // The error is what must be read: whole, not "connect() → EA…".
    expect(refused.querySelector('text')?.textContent).toBe('EADDRNOTAVAIL');
    expect(refused.querySelector('title')?.textContent).toContain(
      'connect() returns EADDRNOTAVAIL',
    );
  });
});

describe('socketSpans', () => {
  it('gives each connection and the listener their lives', () => {
    const spans = socketSpans(collectStateChanges(twoConnections.events));
    expect(spans.map((s) => [s.who, s.from, s.to, s.newSocket])).toEqual([
      ['listener', 0, 500, false],
      ['client', 100, 400, false],
      ['server', 101, 302, true],
      ['client', 400, null, false],
      ['server', 401, null, true],
    ]);
  });
});
