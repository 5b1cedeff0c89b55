// "Share": copies a link that reopens this run (scenario, knobs, language, step). Where the clipboard
// is refused or missing (an insecure origin, an iframe without permission), the link is shown
// selected in a read-only field instead, so it can be copied by hand. The link is built within the
// click, so the clipboard is written in it, as Safari wants.

import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useLabHost } from '../../ui/labHost';
import { useLabStoreApi } from '../../ui/store/context';
import { labLink } from '../../lab/shareLink';
import './share.css';
import { selectLinkSource } from '../../ui/store/selectors';

type Outcome = { kind: 'copied' } | { kind: 'manual'; link: string } | null;

/** How long "Link copied" stays up. */
const COPIED_MS = 4000;

export function ShareButton() {
  const t = useT();
  const store = useLabStoreApi();
  const host = useLabHost();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome?.kind === 'manual') {
      field.current?.focus();
      field.current?.select();
    }
    if (outcome?.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  // A <handshake-lab> element lives on a course page: that page's URL would not reopen the lab.
  if (host) return null;

  async function share(): Promise<void> {
    const source = selectLinkSource(store.getState());
    if (!source) return;
    const link = labLink(window.location.href, source);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', link });
    }
  }

  return (
    <span className="share-field">
      <button
        type="button"
        data-testid="share"
        title={t('ui.share.copyLink')}
        onClick={() => void share().catch(() => {})}
      >
        {t('ui.share.button')}
      </button>
      <span className="share-status" role="status">
        {outcome?.kind === 'copied' && t('ui.share.copied')}
        {outcome?.kind === 'manual' && t('ui.share.manualHint')}
      </span>
      {outcome?.kind === 'manual' && (
        <input
          ref={field}
          className="share-link"
          data-testid="share-link"
          type="text"
          readOnly
          value={outcome.link}
          aria-label={t('ui.share.manualLabel')}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </span>
  );
}
