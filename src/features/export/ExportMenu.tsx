// The header's Export button: a small panel to save the diagram at the shown step (SVG, PNG) in the
// page's colours or a chosen theme, the run's trace (JSON), its step explanations (Markdown) and
// its segments as a capture file (.pcap) for Wireshark or tcpdump. The fonts' files and tables are
// fetched on the first export.

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useLocale, useNamespace, useT } from '../../i18n';
import { useLab, useLabStoreApi } from '../../ui/store/context';
import { selectStep } from '../../ui/store/selectors';
import { LabeledSelect } from '../../ui/controls/LabeledSelect';
import { useDiagramLabels } from '../../ui/diagram/useDiagramLabels';
import { exportFile } from './exportActions';
import type { ExportKind } from './fileNames';
import type { ExportTheme } from './stage';
import './ExportMenu.css';

const THEMES: readonly ExportTheme[] = ['current', 'light', 'dark'];

type Message = { error: boolean; text: string };

export function ExportMenu() {
  const t = useT();
  const { locale } = useLocale();
  const ready = useNamespace('exporting');
  const store = useLabStoreApi();
  const labels = useDiagramLabels();
  const step = useLab(selectStep);
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<ExportTheme>('current');
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const field = useRef<HTMLSpanElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  // Escape closes the panel (focus back on the button), so does a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const root = field.current;
    const onPointer = (event: PointerEvent) => {
      if (root && !event.composedPath().includes(root)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      opener.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer, true);
    root?.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      root?.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // The panel hangs from the button's left edge, moved left as far as it must to stay on screen.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    element.style.transform = '';
    const box = element.getBoundingClientRect();
    const margin = 8;
    const over = box.right - (document.documentElement.clientWidth - margin);
    const shift = over > 0 ? Math.min(over, box.left - margin) : 0;
    if (shift > 0) element.style.transform = `translateX(${-shift}px)`;
  }, [open]);

  if (!ready) return null;

  const toggle = () => setOpen((o) => !o);

  const save = async (kind: ExportKind) => {
    const container = field.current?.closest<HTMLElement>('.lab');
    if (!container || busy) return;
    setBusy(kind);
    setMessage(null);
    try {
      const file = await exportFile({
        kind,
        state: store.getState(),
        labels,
        locale,
        container,
        theme,
      });
      setMessage({ error: false, text: t('exporting.menu.done', { file }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ error: true, text: t('exporting.menu.failed', { reason }) });
    } finally {
      setBusy(null);
    }
  };

  const button = (kind: ExportKind, text: string) => (
    <button
      type="button"
      data-testid={`export-${kind}`}
      aria-busy={busy === kind}
      disabled={busy !== null}
      onClick={() => void save(kind)}
    >
      {text}
    </button>
  );

  return (
    <span className="export-field" ref={field}>
      <button
        ref={opener}
        type="button"
        data-testid="export-open"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t('exporting.menu.open')}
      </button>
      <div
        id={panelId}
        ref={panel}
        className="export-panel"
        role="group"
        aria-label={t('exporting.menu.open')}
        hidden={!open}
      >
        <LabeledSelect
          className="export-theme"
          label={t('exporting.menu.theme')}
          testId="export-theme"
          value={theme}
          choices={THEMES.map((th) => ({ value: th, label: t(`exporting.menu.themes.${th}`) }))}
          onChange={setTheme}
        />
        <p className="export-heading">{t('exporting.menu.diagram', { n: step })}</p>
        {button('svg', t('exporting.menu.svg'))}
        {button('png', t('exporting.menu.png'))}
        <p className="export-heading">{t('exporting.menu.run')}</p>
        {button('trace', t('exporting.menu.trace'))}
        {button('markdown', t('exporting.menu.markdown'))}
        {button('pcap', t('exporting.menu.pcap'))}
        <p className="export-status" role="status" data-testid="export-status">
          {busy ? t('exporting.menu.busy') : message && !message.error ? message.text : ''}
        </p>
        {message?.error && (
          <p className="export-error" role="alert" data-testid="export-error">
            {message.text}
          </p>
        )}
      </div>
    </span>
  );
}
