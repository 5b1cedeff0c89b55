// The inspector's table of header fields: each field of the segment's TCP header (RFC 9293 section
// 3.1), its options included, with its value as the engine put it on the wire between the page's
// documentation addresses, and a line on what the field is for. The window reads as the trace says:
// the raw field, and the window it stands for when window scaling is on (lab/segmentOptions.ts).

import { useId, type ReactNode } from 'react';
import { ENDPOINT_ADDRESSES } from '../../engine/addresses';
import type { Side } from '../../engine/types';
import { FLAG_BITS, HEADER_FLAGS } from '../../engine/wire/flags';
import { hex, hex16 } from '../../engine/wire/hex';
import { tcpOptionKindLength, type BuiltHeader } from '../../engine/wire/tcpHeader';
import { useT } from '../../i18n';
import { advertisedWindow, type SegmentOptions } from '../../lab/segmentOptions';
import type { SegmentInfo } from '../../lab/types';
import { OptionList } from './OptionList';

export interface HeaderFieldsProps {
  segment: SegmentInfo;
  ports: Record<Side, number>;
  /** The segment's header, built once by the inspector (its bytes are shown beside). */
  header: BuiltHeader;
  /** Its options and the scale of its window field. */
  wire: SegmentOptions;
  /** False when the options take more than a header holds (`header` then has none). */
  optionsFit?: boolean;
}

interface FieldRow {
  key: string;
  name: string;
  value: ReactNode;
  help?: string;
}

export function HeaderFields({
  segment,
  ports,
  header,
  wire,
  optionsFit = true,
}: HeaderFieldsProps) {
  const t = useT();
  const id = useId();
  const side = (s: Side) => t(`ui.sides.${s}`);
  const flagsByte = header.bytes[13] ?? 0;
  const tcpLength = header.bytes.length + segment.len;
  const { dataOffset } = header.fields;
  const { options, windowShift } = wire;
  const own = options.reduce((sum, o) => sum + tcpOptionKindLength(o).length, 0);
  const nops = header.optionBytes - own;

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

  const fieldRows: FieldRow[] = [
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
      value: <code data-testid="inspector-data-offset">{dataOffset}</code>,
      help:
        header.optionBytes > 0
          ? t('inspector.fieldHelp.dataOffsetOptions', {
              words: dataOffset,
              bytes: dataOffset * 4,
              options: header.optionBytes,
            })
          : t('inspector.fieldHelp.dataOffset', { words: dataOffset, bytes: dataOffset * 4 }),
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
            {HEADER_FLAGS.map((name) => {
              const on = (flagsByte & FLAG_BITS[name]) !== 0;
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
      value: (
        <span data-testid="inspector-window">
          {windowShift === null ? (
            <code>{segment.window}</code>
          ) : (
            t('inspector.windowScaled', {
              value: segment.window,
              factor: 2 ** windowShift,
              bytes: advertisedWindow(segment.window, windowShift),
            })
          )}
        </span>
      ),
      help:
        windowShift !== null
          ? t('inspector.fieldHelp.windowScaled', { shift: windowShift, factor: 2 ** windowShift })
          : segment.flags.includes('SYN') && options.some((o) => o.kind === 'windowScale')
            ? t('inspector.fieldHelp.windowSyn')
            : t('inspector.fieldHelp.window'),
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
      value: options.length > 0 ? <OptionList options={options} /> : '—',
      help: !optionsFit
        ? t('inspector.fieldHelp.optionsTooLong')
        : header.optionBytes === 0
          ? t('inspector.fieldHelp.options')
          : nops > 0
            ? t('inspector.fieldHelp.optionsPadded', { bytes: header.optionBytes, own, nops })
            : t('inspector.fieldHelp.optionsUnpadded', { bytes: header.optionBytes }),
    },
    {
      key: 'payload',
      name: t('inspector.fields.payload'),
      value: segment.len === 1 ? t('ui.units.byte') : t('ui.units.bytes', { n: segment.len }),
    },
  ];

  return (
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
  );
}
