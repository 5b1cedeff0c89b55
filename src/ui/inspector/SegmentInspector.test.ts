// Structure of the inspector and the state-machine panel, rendered to static markup (no DOM needed).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNamespace } from '../../i18n/core';
import { SegmentInspector } from './SegmentInspector';
import { StateMachinePanel } from '../stateMachine/StateMachinePanel';
import type { SegmentInfo } from '../../lab/types';
import { TCP_STATES } from '../../engine/types';

const syn: SegmentInfo = {
  id: 1,
  from: 'client',
  to: 'server',
  flags: ['SYN'],
  seq: 1000,
  ack: 0,
  len: 0,
  window: 65535,
  relSeq: 0,
  relAck: null,
  sentAt: 150,
  sentStep: 2,
  deliveredAt: 151,
  deliveredStep: 3,
  droppedAt: null,
  droppedStep: null,
  dropReason: null,
  copies: [],
  delayedMs: 0,
  retransmission: false,
  injected: false,
  reason: 'active-open',
  old: false,
};

// Their words are lazy namespaces: in before anything is drawn.
beforeAll(() =>
  Promise.all([loadNamespace('en', 'inspector'), loadNamespace('en', 'stateMachine')]),
);

function inspector(segment: SegmentInfo, step?: number) {
  return renderToStaticMarkup(
    createElement(SegmentInspector, {
      segment,
      ports: { client: 40000, server: 8080 },
      explanation: 'The client opens: SYN (RFC 9293 §3.5).',
      onClose: () => {},
      step,
    }),
  );
}

/** The element with an attribute, as the markup's opening tag. */
function tagWith(html: string, attr: string): string {
  const at = html.indexOf(attr);
  expect(at, attr).toBeGreaterThanOrEqual(0);
  const start = html.lastIndexOf('<', at);
  return html.slice(start, html.indexOf('>', at) + 1);
}

describe('SegmentInspector', () => {
  it('is a labelled modal dialog with the test hook', () => {
    const html = inspector(syn);
    const dialog = tagWith(html, 'data-testid="segment-inspector"');
    expect(dialog).toContain('role="dialog"');
    expect(dialog).toContain('aria-modal="true"');
    expect(dialog).toContain('data-id="1"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(dialog)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`id="${labelledBy}"`);
    expect(html).toMatch(/Segment 1/);
    expect(tagWith(html, 'data-testid="segment-inspector-close"')).toContain('aria-label=');
  });

  it('shows the header bytes in 32-bit rows, with the checksum over the pseudo-header', () => {
    const html = inspector(syn);
    for (const row of ['9c 40 1f 90', '00 00 03 e8', '00 00 00 00', '50 02 ff ff', '03 f4 00 00']) {
      expect(html).toContain(`<code>${row}</code>`);
    }
    expect(tagWith(html, 'data-testid="segment-header-hex"')).toContain(
      'data-hex="9c 40 1f 90 00 00 03 e8 00 00 00 00 50 02 ff ff 03 f4 00 00"',
    );
    expect(html).toContain('<code>0x03f4</code> (over the IPv4 pseudo-header)');
    expect(html).toContain('192.0.2.1 → 198.51.100.1');
  });

  it('gives relative and absolute numbers, every flag bit and why it was sent', () => {
    const synAck: SegmentInfo = {
      ...syn,
      id: 2,
      from: 'server',
      to: 'client',
      flags: ['SYN', 'ACK'],
      seq: 5000,
      ack: 1001,
      relSeq: 0,
      relAck: 1,
      reason: 'passive-open',
      retransmission: true,
    };
    const html = inspector(synAck);
    expect(html).toContain('relative 0');
    expect(html).toContain('absolute 5000');
    expect(html).toContain('relative 1');
    expect(html).toContain('absolute 1001');
    for (const f of ['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']) {
      const on = f === 'SYN' || f === 'ACK';
      expect(tagWith(html, `data-flag="${f}"`)).toContain(`data-on="${on}"`);
    }
    expect(html).toContain('0x12 = 00010010');
    expect(html).toContain('The client opens: SYN (RFC 9293 §3.5).');
    expect(html).toContain('data-reason="passive-open"');
    expect(html).toContain('A SYN arrived at a listening socket');
    expect(html).toContain('Retransmission');
    // 8080 -> 40000 in the first row.
    expect(html).toContain('<code>1f 90 9c 40</code>');
  });

  it('says the ACK field is unused without the ACK flag', () => {
    expect(inspector(syn)).toContain('— (no ACK flag)');
  });

  it('does not tell the future: a later delivery is left out at an earlier step', () => {
    expect(inspector(syn, 2)).not.toContain('Delivered at');
    expect(inspector(syn, 3)).toContain('Delivered at');
  });
});

describe('StateMachinePanel', () => {
  function panel(props: Parameters<typeof StateMachinePanel>[0]) {
    return renderToStaticMarkup(createElement(StateMachinePanel, props));
  }

  it('draws every state once and highlights each side', () => {
    const html = panel({
      client: 'SYN_SENT',
      server: 'LISTEN',
      lastTransition: {
        client: { from: 'CLOSED', to: 'SYN_SENT' },
        server: { from: 'CLOSED', to: 'LISTEN' },
      },
    });
    expect(html).toContain('data-testid="state-machine"');
    for (const s of TCP_STATES) {
      expect(html.split(`data-state="${s}"`).length - 1, s).toBe(1);
    }
    expect(tagWith(html, 'data-state="SYN_SENT"')).toContain('aria-current="true"');
    expect(tagWith(html, 'data-state="SYN_SENT"')).toContain('data-current="client"');
    expect(tagWith(html, 'data-state="LISTEN"')).toContain('data-current="server"');
    expect(tagWith(html, 'data-state="CLOSED"')).not.toContain('aria-current');
    expect(html.match(/aria-current="true"/g)).toHaveLength(2);
    expect(tagWith(html, 'data-edge="active-open"')).toContain('data-lit="client"');
    expect(tagWith(html, 'data-edge="passive-open"')).toContain('data-lit="server"');
    expect(html.match(/data-lit=/g)).toHaveLength(2);
    // The SVG is described for screen readers.
    const svg = tagWith(html, '<svg');
    const titleId = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    expect(html).toContain(`<title id="${titleId}">`);
    expect(html).toContain('Client is in SYN_SENT, server is in LISTEN.');
  });

  it('marks a shared state with both sides and lights a shared arrow for both', () => {
    const html = panel({
      client: 'CLOSING',
      server: 'CLOSING',
      lastTransition: {
        client: { from: 'FIN_WAIT_1', to: 'CLOSING' },
        server: { from: 'FIN_WAIT_1', to: 'CLOSING' },
      },
    });
    expect(tagWith(html, 'data-state="CLOSING"')).toContain('data-current="both"');
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(tagWith(html, 'data-edge="fin-wait-1-fin"')).toContain('data-lit="both"');
  });

  it('lights nothing for a transition the figure does not draw', () => {
    const html = panel({
      client: 'CLOSED',
      server: 'CLOSED',
      lastTransition: { client: { from: 'ESTABLISHED', to: 'CLOSED' }, server: null },
    });
    expect(html).not.toContain('data-lit=');
    expect(tagWith(html, 'data-state="CLOSED"')).toContain('data-current="both"');
    expect(html).toContain('No transition yet');
  });
});
