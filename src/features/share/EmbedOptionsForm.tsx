// The Embed dialog's choices: language, controls, autoplay, start step, theme, size. Fields hold
// what was typed; the dialog reads them (a value out of range leaves the snippet as it was).

import { useId } from 'react';
import { LOCALE_NAMES, LOCALES, useT, type Locale } from '../../i18n';
import type { ThemeChoice } from '../../lab/urlOptions';
import { EMBED_HEIGHT_RANGE, type EmbedControls } from '../../lab/shareLink';
import { ExerciseSetPicker } from './ExerciseSetPicker';

export interface EmbedChoices {
  lang: Locale | 'browser';
  controls: EmbedControls;
  autoplay: boolean;
  /** As typed. */
  step: string;
  theme: ThemeChoice | 'auto';
  /** As typed: `100%`, `640`, `640px`. */
  width: string;
  /** As typed, in pixels. */
  height: string;
  /** Watch the run, or predict each phase's segment first. */
  mode: 'watch' | 'predict';
  /** Predict mode: one attempt seed for the whole class, as typed ('' = each student draws). */
  attempt: string;
  /** Predict mode: the lessons to do in a row (an exercise set); empty = the lesson shown. */
  set: string[];
}

const CONTROLS: readonly EmbedControls[] = ['compact', 'steps', 'full'];
const CONTROL_LABELS = {
  full: 'embedding.controlsFull',
  compact: 'embedding.controlsCompact',
  steps: 'embedding.controlsSteps',
} as const;

interface Props {
  choices: EmbedChoices;
  /** Steps in the run: the start step goes up to it. */
  total: number;
  onChange(next: EmbedChoices): void;
  /** Whether the typed step, width, height and attempt are usable (else marked invalid). */
  valid: { step: boolean; width: boolean; height: boolean; attempt: boolean };
}

export function EmbedOptionsForm({ choices, total, onChange, valid }: Props) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<EmbedChoices>) => onChange({ ...choices, ...patch });
  return (
    <div className="embed-options">
      <label htmlFor={`${id}-lang`}>{t('embedding.language')}</label>
      <select
        id={`${id}-lang`}
        data-testid="embed-lang"
        value={choices.lang}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set({
            lang: (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'browser',
          });
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
        <option value="browser">{t('embedding.followBrowser')}</option>
      </select>

      <fieldset className="embed-options__controls">
        <legend>{t('embedding.controls')}</legend>
        {CONTROLS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-controls`}
              value={value}
              data-testid={`embed-controls-${value}`}
              checked={choices.controls === value}
              onChange={() => set({ controls: value })}
            />
            {t(CONTROL_LABELS[value])}
          </label>
        ))}
      </fieldset>

      <label className="embed-options__check">
        <input
          type="checkbox"
          data-testid="embed-autoplay"
          checked={choices.autoplay}
          onChange={(e) => set({ autoplay: e.currentTarget.checked })}
        />
        {t('embedding.autoplay')}
      </label>

      <fieldset className="embed-options__mode">
        <legend>{t('embedding.mode')}</legend>
        {(['watch', 'predict'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              data-testid={`embed-mode-${mode}`}
              checked={choices.mode === mode}
              onChange={() => set({ mode })}
            />
            {t(mode === 'watch' ? 'embedding.modeWatch' : 'embedding.modePredict')}
          </label>
        ))}
      </fieldset>
      {choices.mode === 'predict' && (
        <>
          <label htmlFor={`${id}-attempt`}>{t('embedding.attempt')}</label>
          <input
            id={`${id}-attempt`}
            inputMode="numeric"
            data-testid="embed-attempt"
            value={choices.attempt}
            aria-invalid={!valid.attempt || undefined}
            onChange={(e) => set({ attempt: e.currentTarget.value })}
          />
          <ExerciseSetPicker chosen={choices.set} onChange={(lessons) => set({ set: lessons })} />
        </>
      )}

      <label htmlFor={`${id}-step`}>{t('embedding.startStep', { total })}</label>
      <input
        id={`${id}-step`}
        type="number"
        data-testid="embed-step"
        min={0}
        max={total}
        step={1}
        value={choices.step}
        aria-invalid={!valid.step || undefined}
        onChange={(e) => set({ step: e.currentTarget.value })}
      />

      <label htmlFor={`${id}-theme`}>{t('embedding.theme')}</label>
      <select
        id={`${id}-theme`}
        data-testid="embed-theme"
        value={choices.theme}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set({ theme: value === 'light' || value === 'dark' ? value : 'auto' });
        }}
      >
        <option value="auto">{t('ui.settings.theme.system')}</option>
        <option value="light">{t('ui.settings.theme.light')}</option>
        <option value="dark">{t('ui.settings.theme.dark')}</option>
      </select>

      <label htmlFor={`${id}-width`}>{t('embedding.width')}</label>
      <input
        id={`${id}-width`}
        type="text"
        data-testid="embed-width"
        value={choices.width}
        aria-invalid={!valid.width || undefined}
        onChange={(e) => set({ width: e.currentTarget.value })}
      />

      <label htmlFor={`${id}-height`}>{t('embedding.height')}</label>
      <input
        id={`${id}-height`}
        type="number"
        data-testid="embed-height"
        min={EMBED_HEIGHT_RANGE[0]}
        max={EMBED_HEIGHT_RANGE[1]}
        value={choices.height}
        aria-invalid={!valid.height || undefined}
        onChange={(e) => set({ height: e.currentTarget.value })}
      />
    </div>
  );
}
