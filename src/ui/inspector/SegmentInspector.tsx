// The segment inspector: one segment's whole TCP header (RFC 9293 section 3.1) as the engine would
// have put it on the wire between the page's documentation addresses, the 20 bytes in hex laid out in
// 32-bit rows like the RFC's header diagram, and why the engine sent it. A modal dialog: focus moves
// in on open and back on close, Tab stays inside, Escape closes.

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Side } from '../../engine/types';
import { useT, type TFunction } from '../../i18n';
import { activeElementNear } from '../labHost';
import {
  ENDPOINT_ADDRESSES,
  TCP_FLAG_BITS,
  TCP_FLAG_NAMES,
  TCP_HEADER_BYTES,
  hex,
  hex16,
  hexRows,
  segmentHeader,
} from './hex';
import type { SegmentInfo } from '../../lab/types';
import './SegmentInspector.css';

export interface SegmentInspectorProps {
  segment: SegmentInfo;
  ports: Record<Side, number>;
  /** The explanation of the step that sent the segment (what happened and why). */
  explanation: string;
  onClose(): void;
  /** The step shown: what happens to the segment after it is not told. Default: its whole life. */
  step?: number;
}

/** A simulated time for people: ms below a second, then seconds, then minutes. */
export function formatTime(t: TFunction, ms: number): string {
  if (ms < 1000) return t('ui.units.ms', { n: round(ms, 3) });
  if (ms < 120_000) return t('ui.units.s', { n: round(ms / 1000, 3) });
  return t('ui.units.min', { n: round(ms / 60_000, 2) });
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function SegmentInspector({
  segment,
  ports,
  explanation,
  onClose,
  step = Infinity,
}: SegmentInspectorProps) {
  const t = useT();
  const id = useId();
  const titleId = `${id}-title`;
  const whyId = `${id}-why`;
  const hexId = `${id}-hex`;
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState(false);

  const header = useMemo(() => segmentHeader(segment, ports), [segment, ports]);
  const rows = hexRows(header.bytes);
  const side = (s: Side) => t(`ui.sides.${s}`);
  const flagsByte = header.bytes[13] ?? 0;
  const tcpLength = TCP_HEADER_BYTES + segment.len;

  // Focus in on open, back to where it was on close.
  useEffect(() => {
    // A segment is an SVG element, not an HTML one: both can take focus back.
    const active = activeElementNear(closeButton.current);
    const previous = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    closeButton.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    // Keys typed in the dialog are the dialog's: the page's → ← space R must not step behind it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = activeElementNear(dialog.current);
    if (e.shiftKey && (active === first || active === dialog.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  function copyHex() {
    void navigator.clipboard?.writeText(hex(header.bytes)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  // The checksum in code type inside the translated sentence, whatever the locale's word order.
  const [before = '', after = ''] = t('inspector.checksumValue', { value: '\u0000' }).split(
    '\u0000',
  );
  const checksumText = (
    <>
      {before}
      <code>{hex16(header.checksum)}</code>
      {after}
    </>
  );

  const marks: string[] = [];
  if (segment.retransmission) marks.push(t('ui.fates.retransmission'));
  if (segment.copies.some((c) => c.step <= step)) marks.push(t('ui.fates.duplicate'));
  if (segment.old) marks.push(t('ui.fates.late'));
  if (segment.delayedMs > 0) {
    marks.push(t('ui.fates.delayed', { duration: formatTime(t, segment.delayedMs) }));
  }
  if (segment.injected) marks.push(t('ui.fates.injected'));
  const droppedYet = (segment.droppedStep ?? Infinity) <= step;
  if (droppedYet && segment.dropReason === 'fault') marks.push(t('ui.fates.droppedFault'));
  if (droppedYet && segment.dropReason === 'loss') marks.push(t('ui.fates.droppedLoss'));

  const fieldRows: { key: string; name: string; value: ReactNode; help?: string }[] = [
    {
      key: 'srcPort',
      name: t('inspector.fields.srcPort'),
      value: (
        <>
          <code>{ports[segment.from]}</code>{' '}
          <span className="seg-inspector__aside">
            {side(segment.from)}, {ENDPOINT_ADDRESSES[segment.from]}
          </span>
        </>
      ),
      help: t('inspector.fieldHelp.srcPort'),
    },
    {
      key: 'dstPort',
      name: t('inspector.fields.dstPort'),
      value: (
        <>
          <code>{ports[segment.to]}</code>{' '}
          <span className="seg-inspector__aside">
            {side(segment.to)}, {ENDPOINT_ADDRESSES[segment.to]}
          </span>
        </>
      ),
      help: t('inspector.fieldHelp.dstPort'),
    },
    {
      key: 'seq',
      name: t('inspector.fields.seq'),
      value: (
        <>
          <span data-testid="inspector-rel-seq">
            {t('inspector.relative', { value: segment.relSeq })}
          </span>
          <span className="seg-inspector__aside" data-testid="inspector-abs-seq">
            {t('inspector.absolute', { value: segment.seq >>> 0 })}
          </span>
        </>
      ),
      help: t('inspector.fieldHelp.seq'),
    },
    {
      key: 'ack',
      name: t('inspector.fields.ack'),
      value: (
        <>
          <span data-testid="inspector-rel-ack">
            {segment.relAck === null
              ? t('inspector.notSet')
              : t('inspector.relative', { value: segment.relAck })}
          </span>
          <span className="seg-inspector__aside" data-testid="inspector-abs-ack">
            {t('inspector.absolute', { value: segment.ack >>> 0 })}
          </span>
        </>
      ),
      help: t('inspector.fieldHelp.ack'),
    },
    {
      key: 'dataOffset',
      name: t('inspector.fields.dataOffset'),
      value: <code>{header.fields.dataOffset}</code>,
      help: t('inspector.fieldHelp.dataOffset', {
        words: header.fields.dataOffset,
        bytes: header.fields.dataOffset * 4,
      }),
    },
    {
      key: 'reserved',
      name: t('inspector.fields.reserved'),
      value: <code>0000</code>,
      help: t('inspector.fieldHelp.reserved'),
    },
    {
      key: 'flags',
      name: t('inspector.fields.flags'),
      value: (
        <>
          <code>
            0x{hex([flagsByte])} = {flagsByte.toString(2).padStart(8, '0')}
          </code>
          <ul className="seg-inspector__flags" aria-label={t('inspector.bits')}>
            {TCP_FLAG_NAMES.map((name) => {
              const on = (flagsByte & TCP_FLAG_BITS[name]) !== 0;
              return (
                <li
                  key={name}
                  className={`seg-inspector__flag${on ? ' is-on' : ''}`}
                  data-flag={name}
                  data-on={on ? 'true' : 'false'}
                  title={t(`inspector.flags.${name}`)}
                  aria-label={`${t(`inspector.flags.${name}`)}: ${t(on ? 'inspector.flagOn' : 'inspector.flagOff')}`}
                >
                  <span className="seg-inspector__flag-name" aria-hidden="true">
                    {name}
                  </span>
                  <span className="seg-inspector__flag-bit" aria-hidden="true">
                    {on ? 1 : 0}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ),
    },
    {
      key: 'window',
      name: t('inspector.fields.window'),
      value: <code>{segment.window}</code>,
      help: t('inspector.fieldHelp.window'),
    },
    {
      key: 'checksum',
      name: t('inspector.fields.checksum'),
      value: (
        <>
          <span data-testid="inspector-checksum">{checksumText}</span>
          <span className="seg-inspector__aside">
            {ENDPOINT_ADDRESSES[segment.from]} → {ENDPOINT_ADDRESSES[segment.to]}, TCP (6),{' '}
            {t('ui.units.bytes', { n: tcpLength })}
          </span>
        </>
      ),
      help: t('inspector.fieldHelp.checksum'),
    },
    {
      key: 'urgentPointer',
      name: t('inspector.fields.urgentPointer'),
      value: <code>{header.fields.urgentPointer}</code>,
      help: t('inspector.fieldHelp.urgentPointer'),
    },
    {
      key: 'options',
      name: t('inspector.fields.options'),
      value: '—',
      help: t('inspector.fieldHelp.options'),
    },
    {
      key: 'payload',
      name: t('inspector.fields.payload'),
      value: segment.len === 1 ? t('ui.units.byte') : t('ui.units.bytes', { n: segment.len }),
    },
  ];

  return (
    <div
      className="seg-inspector__backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className="seg-inspector"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={whyId}
        data-testid="segment-inspector"
        data-id={segment.id}
        onKeyDown={onKeyDown}
      >
        <header className="seg-inspector__header">
          <div>
            <h2 id={titleId} className="seg-inspector__title">
              {t('inspector.title', { id: segment.id })}{' '}
              <span className="seg-inspector__flags-summary">{segment.flags.join(',')}</span>
            </h2>
            <p className="seg-inspector__subtitle">
              {t('inspector.subtitle', {
                from: side(segment.from),
                to: side(segment.to),
                time: formatTime(t, segment.sentAt),
              })}
            </p>
          </div>
          <button
            ref={closeButton}
            type="button"
            className="seg-inspector__close"
            onClick={onClose}
            aria-label={t('inspector.closeAria')}
            title={t('inspector.close')}
            data-testid="segment-inspector-close"
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>

        <section className="seg-inspector__section" aria-labelledby={`${whyId}-h`}>
          <h3 id={`${whyId}-h`}>{t('inspector.why')}</h3>
          <div id={whyId}>
            {explanation && <p data-testid="inspector-explanation">{explanation}</p>}
            <p className="seg-inspector__reason" data-reason={segment.reason}>
              {t(`inspector.reasons.${segment.reason}`)}
            </p>
          </div>
          {marks.length > 0 && (
            <ul className="seg-inspector__marks">
              {marks.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </section>

        <section className="seg-inspector__section" aria-labelledby={`${id}-fields`}>
          <h3 id={`${id}-fields`}>{t('inspector.headerTitle')}</h3>
          <table className="seg-inspector__fields">
            <thead>
              <tr>
                <th scope="col">{t('inspector.field')}</th>
                <th scope="col">{t('inspector.value')}</th>
              </tr>
            </thead>
            <tbody>
              {fieldRows.map((row) => (
                <tr key={row.key} data-field={row.key}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <div className="seg-inspector__value">{row.value}</div>
                    {row.help && <div className="seg-inspector__help">{row.help}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="seg-inspector__section" aria-labelledby={hexId}>
          <div className="seg-inspector__hex-head">
            <h3 id={hexId}>{t('inspector.headerBytes')}</h3>
            {typeof navigator !== 'undefined' && navigator.clipboard && (
              <button type="button" className="seg-inspector__copy" onClick={copyHex}>
                {copied ? t('inspector.copied') : t('inspector.copyHex')}
              </button>
            )}
          </div>
          <table
            className="seg-inspector__hex"
            data-testid="segment-header-hex"
            data-hex={hex(header.bytes)}
            aria-label={t('inspector.headerBytesAria')}
          >
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row" className="seg-inspector__offset">
                    {(i * 4).toString().padStart(2, '0')}
                  </th>
                  <td>
                    <code>{row}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="seg-inspector__section" aria-labelledby={`${id}-history`}>
          <h3 id={`${id}-history`}>{t('inspector.history')}</h3>
          <ul className="seg-inspector__history">
            <li>{t('inspector.sentAt', { time: formatTime(t, segment.sentAt) })}</li>
            {segment.deliveredAt !== null && (segment.deliveredStep ?? Infinity) <= step && (
              <li>{t('inspector.deliveredAt', { time: formatTime(t, segment.deliveredAt) })}</li>
            )}
            {segment.droppedAt !== null && (segment.droppedStep ?? Infinity) <= step && (
              <li>{t('inspector.droppedAt', { time: formatTime(t, segment.droppedAt) })}</li>
            )}
            {segment.copies
              .filter((c) => c.step <= step)
              .map((c, i) => (
                <li key={i}>{t('inspector.copyDeliveredAt', { time: formatTime(t, c.t) })}</li>
              ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
