// The segment inspector through the DOM: a labelled modal dialog with the segment's header fields,
// its 20 bytes and why it was sent, telling nothing the shown step has not reached; Escape, the
// close button and the backdrop close it, and focus goes back to the segment that opened it.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TcpOption } from '../../engine/types';
import { I18nProvider } from '../../i18n';
import { loadLocale, loadNamespace } from '../../i18n/core';
import type { SegmentInfo } from '../../lab/types';
import { pressEscape } from '../../testing/dom';
import { SegmentInspector, type SegmentInspectorProps } from './SegmentInspector';

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

const PORTS = { client: 40000, server: 8080 };
const EXPLANATION = 'The client opens: SYN (RFC 9293 §3.5).';

// Its words are a lazy namespace: in before anything is drawn.
beforeAll(async () => {
  await loadNamespace('en', 'inspector');
  await loadLocale('zh-CN');
  await loadNamespace('zh-CN', 'inspector');
});
afterEach(() => {
  vi.restoreAllMocks();
});

function inspect(segment: SegmentInfo, extra: Partial<SegmentInspectorProps> = {}) {
  const onClose = vi.fn();
  const props = { segment, ports: PORTS, explanation: EXPLANATION, onClose, ...extra };
  const { rerender } = render(<SegmentInspector {...props} />);
  const dialog = screen.getByRole<HTMLDialogElement>('dialog');
  return {
    dialog,
    onClose,
    field: (key: string) => dialog.querySelector<HTMLElement>(`tr[data-field="${key}"]`)!,
    atStep: (step: number) => rerender(<SegmentInspector {...props} step={step} />),
  };
}

describe('SegmentInspector', () => {
  it('is a modal dialog named after the segment, with the test hooks', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const { dialog } = inspect(syn);
    expect(screen.getByRole('dialog', { name: 'Segment 1 SYN' })).toBe(dialog);
    expect(showModal.mock.contexts).toEqual([dialog]);
    expect(dialog.open).toBe(true);
    expect(dialog.dataset.testid).toBe('segment-inspector');
    expect(dialog.dataset.id).toBe('1');
    // Described by why it was sent.
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain(EXPLANATION);
    const close = within(dialog).getByRole('button', { name: 'Close the segment inspector' });
    expect(close.dataset.testid).toBe('segment-inspector-close');
  });

  it('shows the header bytes in 32-bit rows, with the checksum over the pseudo-header', () => {
    const { field } = inspect(syn);
    const table = screen.getByRole('table', { name: /bytes/i });
    expect(table.dataset.testid).toBe('segment-header-hex');
    expect(table.dataset.hex).toBe('9c 40 1f 90 00 00 03 e8 00 00 00 00 50 02 ff ff 03 f4 00 00');
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      '009c 40 1f 90',
      '0400 00 03 e8',
      '0800 00 00 00',
      '1250 02 ff ff',
      '1603 f4 00 00',
    ]);
    const checksum = screen.getByTestId('inspector-checksum');
    expect(checksum.textContent).toBe('0x03f4 (over the IPv4 pseudo-header)');
    expect(within(checksum).getByText('0x03f4').tagName).toBe('CODE');
    expect(field('checksum').textContent).toContain('192.0.2.1 → 198.51.100.1');
  });

  it('gives relative and absolute numbers, every flag bit and why it was sent', () => {
    const { field } = inspect(synAck);
    expect(screen.getByTestId('inspector-rel-seq').textContent).toBe('relative 0');
    expect(screen.getByTestId('inspector-abs-seq').textContent).toBe('absolute 5000');
    expect(screen.getByTestId('inspector-rel-ack').textContent).toBe('relative 1');
    expect(screen.getByTestId('inspector-abs-ack').textContent).toBe('absolute 1001');
    const bits = field('flags').querySelectorAll<HTMLElement>('[data-flag]');
    expect([...bits].map((bit) => [bit.dataset.flag, bit.dataset.on])).toEqual(
      ['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN'].map((f) => [
        f,
        String(f === 'SYN' || f === 'ACK'),
      ]),
    );
    expect(within(field('flags')).getByText('0x12 = 00010010')).toBeTruthy();
    expect(screen.getByTestId('inspector-explanation').textContent).toBe(EXPLANATION);
    const reason = screen.getByText(/A SYN arrived at a listening socket/);
    expect(reason.dataset.reason).toBe('passive-open');
    expect(screen.getByText('Retransmission')).toBeTruthy();
    // 8080 -> 40000 in the first row.
    expect(within(screen.getByTestId('segment-header-hex')).getByText('1f 90 9c 40')).toBeTruthy();
  });

  it('says the ACK field is unused without the ACK flag', () => {
    inspect(syn);
    expect(screen.getByTestId('inspector-rel-ack').textContent).toBe('— (no ACK flag)');
  });

  it('does not tell the future: a later delivery is left out at an earlier step', () => {
    const { atStep } = inspect(syn, { step: 2 });
    expect(screen.queryByText(/Delivered at/)).toBeNull();
    atStep(3);
    expect(screen.getByText(/Delivered at/)).toBeTruthy();
  });

  it('asks to be closed by its close button, Escape and a press on the backdrop', () => {
    const { dialog, onClose } = inspect(syn);
    fireEvent.click(screen.getByRole('button', { name: 'Close the segment inspector' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    pressEscape(screen.getByRole('button', { name: 'Close the segment inspector' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    vi.spyOn(dialog, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 576, 600));
    fireEvent.mouseDown(screen.getByTestId('segment-header-hex'), { clientX: 300, clientY: 300 });
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.mouseDown(dialog, { clientX: 20, clientY: 300 });
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('gives focus back to the segment that opened it', () => {
    // As InspectorSection shows it: while a segment of the diagram is selected.
    function Lab() {
      const [selected, setSelected] = useState<SegmentInfo | null>(null);
      return (
        <>
          <svg>
            <g
              data-testid="segment"
              role="button"
              tabIndex={0}
              aria-label="Segment 1"
              onClick={() => setSelected(syn)}
            />
          </svg>
          {selected && (
            <SegmentInspector
              segment={selected}
              ports={PORTS}
              explanation={EXPLANATION}
              onClose={() => setSelected(null)}
            />
          )}
        </>
      );
    }
    render(<Lab />);
    const segment = screen.getByTestId('segment');
    segment.focus();
    fireEvent.click(segment);
    // Where a browser's showModal() puts focus: the dialog's first focusable element.
    const close = screen.getByRole('button', { name: 'Close the segment inspector' });
    close.focus();
    pressEscape(close);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(segment);
  });
});

/** A linux SYN's options, as the trace carries them. */
const LINUX_OPTIONS: TcpOption[] = [
  { kind: 'mss', value: 1460 },
  { kind: 'sackPermitted' },
  { kind: 'timestamps', tsval: 150, tsecr: 0 },
  { kind: 'windowScale', shift: 7 },
];

const linuxSyn: SegmentInfo = { ...syn, window: 64240 };
const linuxAck: SegmentInfo = {
  ...syn,
  id: 3,
  flags: ['ACK'],
  seq: 1001,
  ack: 5001,
  relSeq: 1,
  relAck: 1,
  window: 511,
  reason: 'handshake-ack',
};

describe('SegmentInspector: TCP options', () => {
  it('lists a SYN’s options with their values and kinds', () => {
    const { field } = inspect(linuxSyn, { wire: { options: LINUX_OPTIONS, windowShift: null } });
    const items = within(screen.getByTestId('inspector-options')).getAllByTestId(
      'inspector-option',
    );
    expect(items.map((item) => item.dataset.kind)).toEqual([
      'mss',
      'sackPermitted',
      'timestamps',
      'windowScale',
    ]);
    expect(
      items.map((item) => item.querySelector('.seg-inspector__option-name')?.textContent),
    ).toEqual([
      'MSS 1460 bytes',
      'SACK permitted',
      'Timestamps: TSval 150, TSecr 0',
      'Window scale ×128 (shift 7)',
    ]);
    expect(items[0]!.textContent).toContain('kind 2, 4 bytes');
    expect(items[2]!.textContent).toContain('kind 8, 10 bytes');
    expect(items[3]!.dataset.value).toBe('7');
    // Four options in 19 bytes, and the one NOP that aligns the window scale.
    expect(field('options').textContent).toContain(
      '20 bytes: 19 of options, 1 of NOP padding (kind 1) that aligns them to 32-bit words.',
    );
    // A SYN's window is the field itself.
    expect(screen.getByTestId('inspector-window').textContent).toBe('64240');
    expect(field('window').textContent).toContain('A SYN’s window is never scaled');
  });

  it('counts the options in the data offset, the header bytes and the checksum', () => {
    const { field } = inspect(linuxSyn, { wire: { options: LINUX_OPTIONS, windowShift: null } });
    expect(screen.getByTestId('inspector-data-offset').textContent).toBe('10');
    expect(field('dataOffset').textContent).toContain(
      '10 words = 40 bytes: 20 fixed + 20 of options.',
    );
    const table = screen.getByRole('table', { name: 'The 40 header bytes in hexadecimal' });
    expect(table.dataset.hex).toMatch(/ a0 02 fa f0 /); // data offset 10, SYN, window 64240
    expect(
      table.dataset.hex?.endsWith('02 04 05 b4 04 02 08 0a 00 00 00 96 00 00 00 00 01 03 03 07'),
    ).toBe(true);
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.dataset.part)).toEqual([
      ...Array<string>(5).fill('fixed'),
      ...Array<string>(5).fill('options'),
    ]);
    expect(rows[5]!.textContent).toBe('2002 04 05 b4options');
    expect(rows[0]!.textContent).toBe('009c 40 1f 90fixed header');
    // The pseudo-header's TCP length counts the options.
    expect(field('checksum').textContent).toContain('40 bytes');
  });

  it('shows a scaled window as the field and the bytes it stands for', () => {
    const { field } = inspect(linuxAck, {
      wire: { options: [{ kind: 'timestamps', tsval: 152, tsecr: 151 }], windowShift: 7 },
    });
    expect(screen.getByTestId('inspector-window').textContent).toBe('511 (× 128 = 65408 bytes)');
    expect(field('window').textContent).toContain('multiplies this field by 2^7 = 128');
    expect(screen.getByTestId('inspector-data-offset').textContent).toBe('8');
    expect(field('dataOffset').textContent).toContain(
      '8 words = 32 bytes: 20 fixed + 12 of options.',
    );
    expect(field('options').textContent).toContain('12 bytes: 10 of options, 2 of NOP padding');
  });

  it('says when a segment has no options', () => {
    const { field } = inspect(syn, { wire: { options: [], windowShift: null } });
    expect(screen.queryByTestId('inspector-options')).toBeNull();
    expect(field('options').textContent).toBe('Options—None: the header is the minimum 20 bytes.');
    expect(screen.getByTestId('inspector-data-offset').textContent).toBe('5');
    expect(screen.getByTestId('inspector-window').textContent).toBe('65535');
    expect(field('window').textContent).toContain('How many more bytes the sender is willing');
    const rows = within(screen.getByTestId('segment-header-hex')).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[4]!.querySelectorAll('td')).toHaveLength(1);
  });

  it('says so when injected options take more than a header holds, and leaves them out', () => {
    const many = Array.from({ length: 11 }, () => ({ kind: 'windowScale', shift: 7 }) as const);
    const { field } = inspect(syn, { wire: { options: many, windowShift: null } });
    expect(screen.getAllByTestId('inspector-option')).toHaveLength(11);
    expect(field('options').textContent).toContain('more than the 40 bytes');
    expect(screen.getByTestId('inspector-data-offset').textContent).toBe('5');
  });

  it('speaks Chinese', () => {
    render(
      <I18nProvider initialLocale="zh-CN">
        <SegmentInspector
          segment={linuxAck}
          ports={PORTS}
          explanation=""
          onClose={() => {}}
          wire={{ options: [{ kind: 'timestamps', tsval: 152, tsecr: 151 }], windowShift: 7 }}
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId('inspector-window').textContent).toBe('511（× 128 = 65408 字节）');
    expect(screen.getByTestId('inspector-option').textContent).toContain(
      '时间戳：TSval 152，TSecr 151',
    );
    expect(screen.getByRole('table', { name: '32 字节头部的十六进制表示' })).toBeTruthy();
  });
});
