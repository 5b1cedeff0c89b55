// The inspector's header bytes: the 20 fixed bytes and the options in hex, one 32-bit word a row as
// in RFC 9293's header diagram, the options' rows marked as such, with a button that copies them
// where the browser offers a clipboard.

import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { hex, hexRows } from '../../engine/wire/hex';
import { TCP_HEADER_BYTES } from '../../engine/wire/tcpHeader';

export interface HeaderBytesProps {
  /** The whole header: 20 fixed bytes, then `optionBytes` of options. */
  bytes: Uint8Array;
  optionBytes?: number;
}

const FIXED_ROWS = TCP_HEADER_BYTES / 4;

export function HeaderBytes({ bytes, optionBytes = 0 }: HeaderBytesProps) {
  const t = useT();
  const hexId = `${useId()}-hex`;
  const [copied, setCopied] = useState(false);
  const rows = hexRows(bytes);
  const optionRows = optionBytes / 4;

  function copyHex() {
    void navigator.clipboard?.writeText(hex(bytes)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  /** The part a row begins, labelled beside its rows (only when there are options to tell apart). */
  function partCell(row: number) {
    if (optionRows === 0) return null;
    if (row === 0) {
      return (
        <td rowSpan={FIXED_ROWS} className="seg-inspector__part">
          {t('inspector.bytesFixed')}
        </td>
      );
    }
    if (row === FIXED_ROWS) {
      return (
        <td rowSpan={optionRows} className="seg-inspector__part is-options">
          {t('inspector.bytesOptions')}
        </td>
      );
    }
    return null;
  }

  return (
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
        data-hex={hex(bytes)}
        data-option-bytes={optionBytes}
        aria-label={t('inspector.headerBytesAriaCount', { n: bytes.length })}
      >
        <tbody>
          {rows.map((row, i) => {
            const options = i >= FIXED_ROWS;
            return (
              <tr
                key={i}
                className={options ? 'is-options' : undefined}
                data-part={options ? 'options' : 'fixed'}
              >
                <th scope="row" className="seg-inspector__offset">
                  {(i * 4).toString().padStart(2, '0')}
                </th>
                <td>
                  <code>{row}</code>
                </td>
                {partCell(i)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
