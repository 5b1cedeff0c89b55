// The segment inspector: one segment's whole TCP header (RFC 9293 section 3.1), options included, as
// the engine would have put it on the wire between the page's documentation addresses, its bytes in
// hex laid out in 32-bit rows like the RFC's header diagram, and why the engine sent it. A native modal <dialog>
// (useModalDialog): the browser keeps focus inside and turns Escape into a `cancel`; Escape, the
// close button and a press on the backdrop close it, and focus goes back to the segment.

import { useId, useMemo } from 'react';
import type { Side } from '../../engine/types';
import { useFormatDuration, useT } from '../../i18n';
import { useModalDialog } from '../useModalDialog';
import { segmentHeader, tcpOptionBytes } from '../../engine/wire/tcpHeader';
import { HeaderBytes } from './HeaderBytes';
import { HeaderFields } from './HeaderFields';
import type { SegmentOptions } from '../../lab/segmentOptions';
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
  /** Its options and the scale of its window field (lab/segmentOptions.ts). Default: none. */
  wire?: SegmentOptions | null;
}

const NO_OPTIONS: SegmentOptions = { options: [], windowShift: null };

function fitsInHeader(options: SegmentOptions['options']): boolean {
  try {
    tcpOptionBytes(options);
    return true;
  } catch {
    return false;
  }
}

export function SegmentInspector({
  segment,
  ports,
  explanation,
  onClose,
  step = Infinity,
  wire,
}: SegmentInspectorProps) {
  const t = useT();
  const duration = useFormatDuration();
  const id = useId();
  const titleId = `${id}-title`;
  const whyId = `${id}-why`;
  const dialog = useModalDialog(onClose);

  const shown = wire ?? NO_OPTIONS;
  const header = useMemo(() => {
    // Injected options may take more room than a header has: shown without them, and said so.
    const fits = fitsInHeader(shown.options);
    return {
      built: segmentHeader({ ...segment, options: fits ? shown.options : [] }, ports),
      fits,
    };
  }, [segment, ports, shown.options]);
  const side = (s: Side) => t(`ui.sides.${s}`);

  const marks: string[] = [];
  if (segment.retransmission) marks.push(t('ui.fates.retransmission'));
  if (segment.copies.some((c) => c.step <= step)) marks.push(t('ui.fates.duplicate'));
  if (segment.old) marks.push(t('ui.fates.oldDuplicate'));
  if (segment.delayedMs > 0) {
    marks.push(t('ui.fates.delayed', { duration: duration(segment.delayedMs) }));
  }
  if (segment.injected) marks.push(t('ui.fates.injected'));
  const droppedYet = (segment.droppedStep ?? Infinity) <= step;
  if (droppedYet && segment.dropReason === 'fault') marks.push(t('ui.fates.droppedFault'));
  if (droppedYet && segment.dropReason === 'loss') marks.push(t('ui.fates.droppedLoss'));

  return (
    <dialog
      ref={dialog}
      className="seg-inspector"
      aria-labelledby={titleId}
      aria-describedby={whyId}
      data-testid="segment-inspector"
      data-id={segment.id}
    >
      <div className="seg-inspector__content">
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
                time: duration(segment.sentAt),
              })}
            </p>
          </div>
          <button
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

        <HeaderFields
          segment={segment}
          ports={ports}
          header={header.built}
          wire={shown}
          optionsFit={header.fits}
        />
        <HeaderBytes bytes={header.built.bytes} optionBytes={header.built.optionBytes} />

        <section className="seg-inspector__section" aria-labelledby={`${id}-history`}>
          <h3 id={`${id}-history`}>{t('inspector.history')}</h3>
          <ul className="seg-inspector__history">
            <li>{t('inspector.sentAt', { time: duration(segment.sentAt) })}</li>
            {segment.deliveredAt !== null && (segment.deliveredStep ?? Infinity) <= step && (
              <li>{t('inspector.deliveredAt', { time: duration(segment.deliveredAt) })}</li>
            )}
            {segment.droppedAt !== null && (segment.droppedStep ?? Infinity) <= step && (
              <li>{t('inspector.droppedAt', { time: duration(segment.droppedAt) })}</li>
            )}
            {segment.copies
              .filter((c) => c.step <= step)
              .map((c, i) => (
                <li key={i}>{t('inspector.copyDeliveredAt', { time: duration(c.t) })}</li>
              ))}
          </ul>
        </section>
      </div>
    </dialog>
  );
}
