// The state-machine panel through the DOM: a placeholder until its words are in, then RFC 9293's
// figure with each side's state highlighted and its last transition's arrow lit.
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { TCP_STATES } from '../../engine/types';
import { loadNamespace } from '../../i18n/core';
import { StateMachinePanel, type StateMachinePanelProps } from './StateMachinePanel';

const opening: StateMachinePanelProps = {
  client: 'SYN_SENT',
  server: 'LISTEN',
  lastTransition: {
    client: { from: 'CLOSED', to: 'SYN_SENT' },
    server: { from: 'CLOSED', to: 'LISTEN' },
  },
};

function panel(props: StateMachinePanelProps) {
  const { container } = render(<StateMachinePanel {...props} />);
  const state = (s: string) => container.querySelector(`[data-state="${s}"]`)!;
  const edge = (id: string) => container.querySelector(`[data-edge="${id}"]`)!;
  const all = (selector: string) => container.querySelectorAll(selector);
  return { state, edge, all };
}

describe('StateMachinePanel before its words are in', () => {
  it('shows a placeholder, then the labelled figure once its namespace has loaded', async () => {
    render(<StateMachinePanel {...opening} />);
    expect(screen.queryByTestId('state-machine')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(await screen.findByTestId('state-machine')).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: 'TCP state diagram. Client is in SYN_SENT, server is in LISTEN.',
      }),
    ).toBeTruthy();
  });
});

describe('StateMachinePanel', () => {
  beforeAll(() => loadNamespace('en', 'stateMachine'));

  it('draws every state once and highlights each side', () => {
    const { state, edge, all } = panel(opening);
    expect(screen.getByRole('region', { name: 'State machine RFC 9293, Figure 5' })).toBe(
      screen.getByTestId('state-machine'),
    );
    for (const s of TCP_STATES) expect(all(`[data-state="${s}"]`), s).toHaveLength(1);
    expect(state('SYN_SENT').getAttribute('aria-current')).toBe('true');
    expect(state('SYN_SENT').getAttribute('data-current')).toBe('client');
    expect(state('LISTEN').getAttribute('data-current')).toBe('server');
    expect(state('CLOSED').hasAttribute('aria-current')).toBe(false);
    expect(all('[aria-current="true"]')).toHaveLength(2);
    expect(edge('active-open').getAttribute('data-lit')).toBe('client');
    expect(edge('passive-open').getAttribute('data-lit')).toBe('server');
    expect(all('[data-lit]')).toHaveLength(2);
    // The figure is described for screen readers, by its <title>.
    expect(
      screen.getByRole('img', {
        name: 'TCP state diagram. Client is in SYN_SENT, server is in LISTEN.',
      }),
    ).toBeTruthy();
  });

  it('marks a shared state with both sides and lights a shared arrow for both', () => {
    const { state, edge, all } = panel({
      client: 'CLOSING',
      server: 'CLOSING',
      lastTransition: {
        client: { from: 'FIN_WAIT_1', to: 'CLOSING' },
        server: { from: 'FIN_WAIT_1', to: 'CLOSING' },
      },
    });
    expect(state('CLOSING').getAttribute('data-current')).toBe('both');
    expect(all('[aria-current="true"]')).toHaveLength(1);
    expect(edge('fin-wait-1-fin').getAttribute('data-lit')).toBe('both');
  });

  it('lights nothing for a transition the figure does not draw', () => {
    const { state, all } = panel({
      client: 'CLOSED',
      server: 'CLOSED',
      lastTransition: { client: { from: 'ESTABLISHED', to: 'CLOSED' }, server: null },
    });
    expect(all('[data-lit]')).toHaveLength(0);
    expect(state('CLOSED').getAttribute('data-current')).toBe('both');
    expect(screen.getByText('No transition yet')).toBeTruthy();
  });
});
