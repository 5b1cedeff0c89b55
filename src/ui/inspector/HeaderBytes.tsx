// The inspector's header bytes: the 20 bytes in hex, one 32-bit word a row as in RFC 9293's header
// diagram, with a button that copies them where the browser offers a clipboard.

import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { hex, hexRows } from '../../engine/wire/hex';

export function HeaderBytes({ bytes }: { bytes: Uint8Array }) {
  const t = useT();
  const hexId = `${useId()}-hex`;
  const [copied, setCopied] = useState(false);
  const rows = hexRows(bytes);

  function copyHex() {
    void navigator.clipboard?.writeText(hex(bytes)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
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
  );
}
