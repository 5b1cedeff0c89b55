// "Embed": opens the dialog that builds a course page's iframe snippet. The dialog and its words are
// chunks of their own, fetched when the button is first pointed at, focused or pressed, so the
// page's first diagram never waits for them.

import { lazy, Suspense, useState } from 'react';
import { useNamespace, useT } from '../../i18n';
import { useLabHost } from '../../ui/labHost';
import './share.css';

const loadDialog = () => import('./EmbedDialog');
const EmbedDialog = lazy(() => loadDialog().then((m) => ({ default: m.EmbedDialog })));

export function EmbedButton() {
  const t = useT();
  const host = useLabHost();
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  // The dialog opens once its words are in, so it is labelled from its first frame.
  const wordsReady = useNamespace('embedding', wanted || open);
  // A <handshake-lab> element has no page of its own to put in an iframe.
  if (host) return null;
  const prefetch = () => {
    setWanted(true);
    loadDialog().catch(() => {});
  };
  return (
    <span className="share-field">
      <button
        type="button"
        data-testid="embed-open"
        aria-haspopup="dialog"
        title={t('ui.share.embed.openHelp')}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => setOpen(true)}
      >
        {t('ui.share.embed.open')}
      </button>
      {open && wordsReady && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </span>
  );
}
