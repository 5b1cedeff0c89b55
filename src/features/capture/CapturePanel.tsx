// Under the header while a capture file is in play: the reading's progress (which can be
// cancelled), the file's connections to pick from, and the note beside a connection drawn from it.
// It renders nothing until a file is opened.

import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useLocale, useNamespace, useT } from '../../i18n';
import { useLab, useLabStoreApi } from '../../ui/store/context';
import type { LabState } from '../../ui/store/labStore';
import { CaptureProgress } from './CaptureProgress';
import { CaptureShownNote } from './CaptureShownNote';
import { ConnectionList } from './ConnectionList';
import { captureSessionFor, closeCaptureSession, type CaptureSession } from './session';
import './capture.css';

const selectCapture = (s: LabState) => s.capture;

type SessionState = ReturnType<CaptureSession['getState']>;
const selectSession = (s: SessionState) => ({
  phase: s.phase,
  fileName: s.fileName,
  progress: s.progress,
  opened: s.opened,
  drawing: s.drawing,
  drawn: s.drawn,
  cancelled: s.cancelled,
  draw: s.draw,
  cancel: s.cancel,
  close: s.close,
});

export default function CapturePanel() {
  const t = useT();
  const { locale } = useLocale();
  const lab = useLabStoreApi();
  const headingId = useId();
  const session = captureSessionFor(lab);
  const s = useStore(session, useShallow(selectSession));
  const shown = useLab(selectCapture);
  const inPlay = s.phase !== 'idle' || shown !== null || s.cancelled !== null;
  const ready = useNamespace('capturing', inPlay);
  // The file's worker stops with the widget.
  useEffect(() => () => closeCaptureSession(lab), [lab]);

  if (!ready || !inPlay) return null;
  const { opened } = s;
  const count = new Intl.NumberFormat(locale);
  return (
    <div className="capture-panel" data-testid="capture-panel">
      {s.progress && (s.phase === 'reading' || s.phase === 'parsing') && (
        <CaptureProgress
          phase={s.phase}
          fileName={s.fileName ?? ''}
          done={s.progress.done}
          total={s.progress.total}
          onCancel={s.cancel}
        />
      )}
      {s.cancelled !== null && (
        <p role="status" data-testid="capture-cancelled">
          {t('capturing.cancelled', { file: s.cancelled })}
        </p>
      )}
      {opened && (
        <section className="capture-file" aria-labelledby={headingId}>
          <div className="capture-file-head">
            <h2 id={headingId}>{t('capturing.file', { file: s.fileName ?? '' })}</h2>
            <button type="button" data-testid="capture-close" onClick={s.close}>
              {t('capturing.close')}
            </button>
          </div>
          <p className="capture-summary" data-testid="capture-summary">
            {t('capturing.summary', {
              format: opened.format,
              packets: count.format(opened.packets),
              connections: count.format(opened.connections.length),
            })}
          </p>
          {opened.truncated && <p className="capture-warning">{t('capturing.truncated')}</p>}
          {opened.warningCount > 0 && (
            <p className="capture-warning" data-testid="capture-warnings">
              {t('capturing.warnings', {
                count: opened.warningCount,
                offset: opened.warnings[0]?.offset ?? 0,
                first: opened.warnings[0]?.message ?? '',
              })}
            </p>
          )}
          {opened.connections.length === 0 ? (
            <p>{t('capturing.none')}</p>
          ) : (
            <>
              <p className="capture-pick">{t('capturing.pick')}</p>
              <ConnectionList
                connections={opened.connections}
                current={shown ? s.drawn : null}
                drawing={s.drawing}
                onPick={(id) => void s.draw(id)}
              />
            </>
          )}
          {s.drawing !== null && (
            <p className="capture-drawing" role="status">
              {t('capturing.drawing')}
            </p>
          )}
        </section>
      )}
      {shown && <CaptureShownNote capture={shown} />}
    </div>
  );
}
