// The header's "Open a capture": a real file input (`open-capture`) under a button-like label, and
// the drop target that opens a file dropped anywhere on the page. The file is read in the capture
// worker.

import { useId } from 'react';
import { useNamespace, useT } from '../../i18n';
import { useLabStoreApi } from '../../ui/store/context';
import { CaptureDrop } from './CaptureDrop';
import { captureSessionFor } from './session';
import './capture.css';

/** What the picker offers; any file can still be dropped (the reader says what it is not). */
const ACCEPT = '.pcap,.pcapng,.cap';

export function CaptureOpener() {
  const t = useT();
  const ready = useNamespace('capturing');
  const session = captureSessionFor(useLabStoreApi());
  const id = useId();
  if (!ready) return null;
  return (
    <span className="capture-open">
      <input
        id={id}
        type="file"
        className="visually-hidden"
        data-testid="open-capture"
        accept={ACCEPT}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared, so that choosing the same file again opens it again.
          input.value = '';
          if (file) void session.getState().openFile(file);
        }}
      />
      <label htmlFor={id} className="button-like" title={t('capturing.openHint')}>
        {t('capturing.open')}
      </label>
      <CaptureDrop onFile={(file) => void session.getState().openFile(file)} />
    </span>
  );
}
