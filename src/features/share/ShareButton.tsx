// "Share": copies a link that reopens this run (scenario, knobs, language, step). Where the clipboard
// is refused or missing (an insecure origin, an iframe without permission), the link is shown
// selected in a read-only field instead, so it can be copied by hand. The scenario is compressed
// (`z=`) where that makes the link shorter, which takes a promise: the clipboard is handed that
// promise within the click (a ClipboardItem), as Safari wants. A link still longer than servers
// take says so, and what to do instead.

import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useLabHost } from '../../ui/labHost';
import { useLabStoreApi } from '../../ui/store/context';
import { compactLabLink, LONGEST_SAFE_LINK } from '../../lab/shareLink';
import './share.css';
import { selectLinkSource } from '../../ui/store/selectors';

type Outcome = { kind: 'copied' } | { kind: 'manual'; link: string } | null;

/** How long "Link copied" stays up. */
const COPIED_MS = 4000;

/** Writes the link to the clipboard once it is made, asking for the clipboard at once. */
async function copy(link: Promise<string>): Promise<void> {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard) throw new Error('no clipboard');
  if (typeof ClipboardItem === 'function' && typeof clipboard.write === 'function') {
    const text = link.then((value) => new Blob([value], { type: 'text/plain' }));
    try {
      await clipboard.write([new ClipboardItem({ 'text/plain': text })]);
      return;
    } catch {
      // A browser whose ClipboardItem takes no promise, or no text: as plain text below.
    }
  }
  await clipboard.writeText(await link);
}

export function ShareButton() {
  const t = useT();
  const store = useLabStoreApi();
  const host = useLabHost();
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** The length of the last link made, when it is too long for some servers. */
  const [tooLong, setTooLong] = useState<number | null>(null);
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
    const made = compactLabLink(window.location.href, source);
    const copied = copy(made);
    const link = await made;
    setTooLong(link.length > LONGEST_SAFE_LINK ? link.length : null);
    try {
      await copied;
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
      {tooLong !== null && (
        <span className="share-too-long" data-testid="share-too-long" role="alert">
          {t('ui.share.tooLong', { length: tooLong, limit: LONGEST_SAFE_LINK })}
        </span>
      )}
    </span>
  );
}
