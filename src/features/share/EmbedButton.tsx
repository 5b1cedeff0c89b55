// "Embed": opens the dialog that builds a course page's iframe snippet. Its words are fetched when
// the button is first pointed at, focused or pressed, and the dialog opens once they are in, so it
// is labelled from its first frame.

import { useState } from 'react';
import { useNamespace, useT } from '../../i18n';
import { useLabHost } from '../../ui/labHost';
import { EmbedDialog } from './EmbedDialog';
import './share.css';

export function EmbedButton() {
  const t = useT();
  const host = useLabHost();
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const wordsReady = useNamespace('embedding', wanted || open);
  // A <handshake-lab> element has no page of its own to put in an iframe.
  if (host) return null;
  const prefetch = () => setWanted(true);
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
      {open && wordsReady && <EmbedDialog onClose={() => setOpen(false)} />}
    </span>
  );
}
