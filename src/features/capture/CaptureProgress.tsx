// How far the reading of a capture file has got: a progress bar (bytes parsed of the file's size)
// and the same in MB, for a file big enough to take a while, and a button to stop it.

import { useId } from 'react';
import { useT } from '../../i18n';

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);
}

export function CaptureProgress({
  phase,
  fileName,
  done,
  total,
  onCancel,
}: {
  /** Loading the file into the page, or parsing it in the worker. */
  phase: 'reading' | 'parsing';
  fileName: string;
  done: number;
  total: number;
  /** Stops the reading (its worker is terminated at once). */
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const text = t('capturing.progressMb', { done: mb(done), total: mb(total) });
  return (
    <div className="capture-progress" data-phase={phase}>
      <label htmlFor={id}>{t('capturing.reading', { file: fileName })}</label>
      <progress
        id={id}
        data-testid="capture-progress"
        max={Math.max(total, 1)}
        value={done}
        aria-valuetext={text}
      />
      <span className="capture-progress-text">{text}</span>
      <button type="button" data-testid="capture-cancel" onClick={onCancel}>
        {t('capturing.cancel')}
      </button>
    </div>
  );
}
