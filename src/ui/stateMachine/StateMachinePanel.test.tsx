// The state-machine panel through the DOM: a placeholder until its words are in, then RFC 9293's
// figure with each side's state highlighted and its last transition's arrow lit.
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { TCP_STATES, type SocketOwner } from '../../engine/types';
import { parseScenario } from '../../engine/validate';
import { I18nProvider } from '../../i18n';
import { loadNamespace } from '../../i18n/core';
import { runWithCauses } from '../../lab/run';
import type { StepView } from '../../lab/types';
import { createStepper } from '../../lab/view';
import { lessonById } from '../../scenarios/all';
import { DIAGRAM_NODES } from './figure';
import { StateMachinePanel, type StateMachinePanelProps } from './StateMachinePanel';
import { intersects, nameBox, TAG_CLEARANCE, tagBox } from './tags';

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

/** The panel's props at the end of a lesson's run, as the section hands them over. */
function atEnd(id: string, until?: (view: StepView) => boolean): StateMachinePanelProps {
  const raw = lessonById(id)?.scenario;
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const stepper = createStepper(runWithCauses(parsed.scenario));
  let view = stepper.viewAt(stepper.stepsCount);
  if (until) {
    for (let k = 0; k <= stepper.stepsCount; k++) {
      if (until(stepper.viewAt(k))) {
        view = stepper.viewAt(k);
        break;
      }
    }
  }
  const last = view.lastTransition;
  return {
    client: view.states.client,
    server: view.states.server,
    listener: view.listenerKnown ? view.states.listener : null,
    lastTransition: { client: last.client, server: last.server, listener: last.listener },
  };
}

describe('StateMachinePanel lights the arrow of the real cause', () => {
  beforeAll(async () => {
    await loadNamespace('en', 'stateMachine');
    await loadNamespace('zh-CN', 'stateMachine');
  });

  it('a refused connect (closed-port): rcv RST, drawn apart from Figure 5, not CLOSE', () => {
    const props = atEnd('closed-port');
    expect(props.lastTransition.client).toMatchObject({
      from: 'SYN_SENT',
      to: 'CLOSED',
      rule: 'rst-refused',
    });
    const { edge, all } = panel(props);
    expect(edge('syn-sent-rst').getAttribute('data-lit')).toBe('client');
    expect(edge('syn-sent-rst').getAttribute('data-not-in-figure')).toBe('3.10.7.3');
    expect(edge('syn-sent-rst').textContent).toBe('rcv RST');
    expect(edge('syn-sent-close').hasAttribute('data-lit')).toBe(false);
    expect(all('[data-lit]')).toHaveLength(1);
    expect(screen.queryAllByTestId('sm-off-figure')).toHaveLength(0);
    expect(screen.getByText(/Dotted: rcv RST in SYN_SENT/)).toBeTruthy();
  });

  it('a connect that times out (two-way-handshake): no arrow, a note that says why', () => {
    const props = atEnd(
      'two-way-handshake',
      (view) => view.lastTransition.client?.rule === 'retries-exhausted',
    );
    expect(props.lastTransition.client).toMatchObject({ from: 'SYN_SENT', to: 'CLOSED' });
    const { edge } = panel(props);
    expect(edge('syn-sent-close').hasAttribute('data-lit')).toBe(false);
    expect(edge('syn-sent-rst').hasAttribute('data-lit')).toBe(false);
    const notes = screen.getAllByTestId('sm-off-figure');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.dataset.side).toBe('client');
    expect(notes[0]!.dataset.rule).toBe('retries-exhausted');
    expect(notes[0]!.textContent).toBe(
      'Client: SYN_SENT → CLOSED Not in RFC 9293’s Figure 5: the retransmissions gave up and the connection was dropped (RFC 9293 §3.8.3, ETIMEDOUT).',
    );
  });

  it('says it in Chinese too', () => {
    const props = atEnd(
      'two-way-handshake',
      (view) => view.lastTransition.client?.rule === 'retries-exhausted',
    );
    render(
      <I18nProvider initialLocale="zh-CN">
        <StateMachinePanel {...props} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('sm-off-figure').textContent).toMatch(
      /不在 RFC 9293 图 5 中：重传次数用尽/,
    );
  });

  it('an ordinary close lights the figure’s own arrows, with no note', () => {
    const props = atEnd('client-closes-first');
    expect(props.lastTransition.client).toMatchObject({ from: 'TIME_WAIT', to: 'CLOSED' });
    expect(props.lastTransition.server).toMatchObject({ from: 'LAST_ACK', to: 'CLOSED' });
    const { edge, all } = panel(props);
    expect(edge('time-wait-timeout').getAttribute('data-lit')).toBe('client');
    expect(edge('last-ack-ack').getAttribute('data-lit')).toBe('server');
    expect(edge('passive-open').getAttribute('data-lit')).toBe('listener');
    expect(all('[data-lit]')).toHaveLength(3);
    expect(screen.queryAllByTestId('sm-off-figure')).toHaveLength(0);
  });

  it('a RST in LAST_ACK is not "rcv ACK of FIN": no arrow, a note', () => {
    const { edge } = panel({
      client: 'CLOSED',
      server: 'CLOSED',
      lastTransition: {
        client: null,
        server: { from: 'LAST_ACK', to: 'CLOSED', rule: 'rst-received' },
      },
    });
    expect(edge('last-ack-ack').hasAttribute('data-lit')).toBe(false);
    expect(screen.getByTestId('sm-off-figure').textContent).toMatch(
      /Not in RFC 9293’s Figure 5: a RST closed the connection/,
    );
  });
});

describe('the side tags', () => {
  // Every tag label in both languages, on every state's box, against the name at its largest.
  const labels: [SocketOwner, string][] = [
    ['client', 'Client'],
    ['server', 'Server'],
    ['listener', 'Listener'],
    ['client', '客户端'],
    ['server', '服务器'],
    ['listener', '监听套接字'],
  ];

  it('cover no state’s name, in either language', () => {
    for (const node of DIAGRAM_NODES) {
      for (const other of DIAGRAM_NODES) {
        const name = nameBox(other, other.state);
        for (const [side, label] of labels) {
          const tag = tagBox(side, label, node);
          expect(
            intersects(tag, name),
            `${side} "${label}" on ${node.state} covers ${other.state}`,
          ).toBe(false);
        }
      }
    }
    // The check bites: the old place of the client's tag, over the box's top border, does.
    const established = DIAGRAM_NODES.find((n) => n.state === 'ESTABLISHED')!;
    const old = { ...tagBox('client', 'Client', established), y: established.y - 20 - 10 };
    expect(intersects(old, nameBox(established, 'ESTABLISHED'), TAG_CLEARANCE)).toBe(true);
  });

  it('draws each tag where tagBox puts it', () => {
    const { container } = render(
      <StateMachinePanel
        client="ESTABLISHED"
        server="ESTABLISHED"
        listener="LISTEN"
        lastTransition={{ client: null, server: null }}
      />,
    );
    const established = DIAGRAM_NODES.find((n) => n.state === 'ESTABLISHED')!;
    const pill = container.querySelector('.sm-tag--client rect')!;
    const box = tagBox('client', 'Client', established);
    expect(Number(pill.getAttribute('y'))).toBe(box.y);
    expect(Number(pill.getAttribute('x'))).toBe(box.x);
  });
});
