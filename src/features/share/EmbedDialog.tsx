// The Embed dialog (a lazy chunk): builds the iframe snippet a course page pastes for the lesson,
// knobs and step shown when it was opened, with the embed's own choices (language, controls,
// autoplay, start step, theme, size), a live preview of that iframe, and a copy button. A native
// modal <dialog> (useModalDialog): the page behind is inert, Escape, the close button and a press on
// the backdrop close it, focus returns to the Embed button.

import { useEffect, useId, useRef, useState } from 'react';
import { hasKey, useT } from '../../i18n';
import { useLabStoreApi } from '../../ui/store/context';
import { useModalDialog } from '../../ui/useModalDialog';
import { CUSTOM_LESSON_ID } from '../../lab/types';
import { EmbedOptionsForm, type EmbedChoices } from './EmbedOptionsForm';
import {
  DEFAULT_EMBED_HEIGHT,
  EMBED_HEIGHT_RANGE,
  embedScriptUrl,
  embedSnippet,
  labLink,
  pageBase,
  parseEmbedWidth,
  parseIntegerIn,
  type LinkSource,
} from '../../lab/shareLink';
import './embedDialog.css';
import { selectLinkSource } from '../../ui/store/selectors';

/** The preview reloads once the options have not changed for this long (typing a number). */
const PREVIEW_DELAY_MS = 400;

function useLessonTitle(source: LinkSource | null): string {
  const t = useT();
  if (!source) return '';
  if (source.lessonId === CUSTOM_LESSON_ID) {
    const own = source.lesson.title;
    return typeof own === 'string' && own.trim() !== '' ? own : t('ui.lesson.fromLink');
  }
  const key = `lessons.${source.lessonId}.title`;
  return hasKey(key) ? t(key) : source.lessonId;
}

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const id = useId();
  const store = useLabStoreApi();
  const dialog = useModalDialog(onClose);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  // What it embeds: the widget as it was when the dialog opened (the page behind is inert).
  const [{ source, total }] = useState(() => ({
    source: selectLinkSource(store.getState()),
    total: store.getState().total,
  }));
  const [choices, setChoices] = useState<EmbedChoices>(() => ({
    lang: source?.locale ?? 'browser',
    controls: 'compact',
    autoplay: false,
    step: String(source?.step ?? 0),
    theme: 'auto',
    width: '100%',
    height: String(DEFAULT_EMBED_HEIGHT),
    mode: store.getState().mode,
    attempt: '',
    set: [],
  }));
  // How the last copy went, for the snippet it copied (a changed snippet has not been copied).
  const [copied, setCopied] = useState<{ snippet: string; how: 'clipboard' | 'manual' } | null>(
    null,
  );
  const lessonTitle = useLessonTitle(source);

  const base = pageBase(window.location.href);
  const typedStep = parseIntegerIn(choices.step, 0, total);
  const typedWidth = parseEmbedWidth(choices.width);
  const typedHeight = parseIntegerIn(choices.height, ...EMBED_HEIGHT_RANGE);
  const typedAttempt =
    choices.attempt.trim() === '' ? null : parseIntegerIn(choices.attempt, 1, 999_999);
  const step = typedStep ?? source?.step ?? 0;
  const width = typedWidth ?? '100%';
  const height = typedHeight ?? DEFAULT_EMBED_HEIGHT;
  const url = source
    ? labLink(base, source, {
        short: true,
        lang: choices.lang === 'browser' ? null : choices.lang,
        theme: choices.theme === 'auto' ? null : choices.theme,
        step,
        controls: choices.controls,
        autoplay: choices.autoplay,
        mode: choices.mode,
        attempt: choices.mode === 'predict' ? typedAttempt : null,
        set: choices.mode === 'predict' ? choices.set : [],
      })
    : base;
  const title = t('ui.app.embedTitle', { lesson: lessonTitle });
  const snippet = embedSnippet({ url, title, width, height, scriptSrc: embedScriptUrl(base) });

  const [previewUrl, setPreviewUrl] = useState(url);
  useEffect(() => {
    if (url === previewUrl) return;
    const timer = setTimeout(() => setPreviewUrl(url), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [url, previewUrl]);

  async function copySnippet(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(snippet);
      setCopied({ snippet, how: 'clipboard' });
    } catch {
      snippetField.current?.focus();
      snippetField.current?.select();
      setCopied({ snippet, how: 'manual' });
    }
  }

  const copy = copied?.snippet === snippet ? copied.how : null;
  const pixels = /^\d+$/.test(width) ? `${width}px` : width;
  return (
    <dialog
      ref={dialog}
      className="embed-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      data-testid="embed-dialog"
    >
      <div className="embed-dialog__content">
        <header className="embed-dialog__header">
          <h2 id={`${id}-title`}>{t('embedding.title')}</h2>
          <button
            type="button"
            className="embed-dialog__close"
            data-testid="embed-close"
            onClick={onClose}
          >
            {t('embedding.close')}
          </button>
        </header>
        <p id={`${id}-intro`} className="embed-dialog__intro">
          {t('embedding.intro')}
        </p>
        <div className="embed-dialog__body">
          <div className="embed-dialog__options">
            <EmbedOptionsForm
              choices={choices}
              total={total}
              onChange={setChoices}
              valid={{
                step: typedStep !== null,
                width: typedWidth !== null,
                height: typedHeight !== null,
                attempt: choices.attempt.trim() === '' || typedAttempt !== null,
              }}
            />
            <label className="embed-dialog__snippet-label" htmlFor={`${id}-snippet`}>
              {t('embedding.snippet')}
            </label>
            <textarea
              ref={snippetField}
              id={`${id}-snippet`}
              className="embed-dialog__snippet"
              data-testid="embed-snippet"
              readOnly
              rows={6}
              value={snippet}
              onFocus={(event) => event.currentTarget.select()}
            />
            <div className="embed-dialog__copy">
              <button type="button" data-testid="embed-copy" onClick={copySnippet}>
                {t('embedding.copy')}
              </button>
              <span role="status">
                {copy === 'clipboard' && t('embedding.copied')}
                {copy === 'manual' && t('embedding.manualCopy')}
              </span>
            </div>
          </div>
          <div className="embed-dialog__preview">
            <h3 id={`${id}-preview`}>{t('embedding.preview')}</h3>
            {/* Focusable, so that a preview larger than the room left can be scrolled by keys. */}
            <div
              className="embed-dialog__frame"
              role="region"
              aria-labelledby={`${id}-preview`}
              tabIndex={0}
            >
              <iframe
                data-testid="embed-preview"
                src={previewUrl}
                title={`${t('embedding.preview')}: ${title}`}
                style={{ width: pixels, height: `${height}px` }}
              />
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
