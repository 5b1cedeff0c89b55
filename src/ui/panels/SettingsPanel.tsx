// The knobs on top of a lesson: profile, MSL, loss rate and seed, the what-ifs, and numbering. A
// knob that changes nothing in the run shown (the run says which: lab/knobs.ts) is disabled with
// its reason beside it.

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { resolveBehaviour } from '../../engine/profile';
import { PROFILES, type ProfileName } from '../../engine/types';
import { useT } from '../../i18n';
import { ALL_APPLY } from '../../lab/knobs';
import type { KnobReason } from '../../lab/types';
import { NumberField } from '../controls/NumberField';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { KnobEffect } from './KnobEffect';
import { KnobReasonNote, describedBy, disabledBy } from './KnobReason';
import { TimeScaleToggle } from './TimeScaleToggle';

const selectSettings = (s: LabState) => ({
  options: s.options,
  numbering: s.numbering,
  lessonOptions: s.lessonOptions,
  setOptions: s.setOptions,
  setNumbering: s.setNumbering,
  setLesson: s.setLesson,
  lessonId: s.lessonId,
  fromCapture: s.capture !== null,
  // Until a run says otherwise (the first one is on its way), every knob applies.
  knobs: s.run?.knobs ?? ALL_APPLY,
});

const MAX_SEED = 0xffff_ffff;

export function SettingsPanel() {
  const t = useT();
  const id = useId();
  const s = useLab(useShallow(selectSettings));
  const { options, knobs } = s;
  const profile: ProfileName = options.profile ?? 'rfc9293';
  // Without an MSL of its own, a run uses its profile's.
  const mslMs = options.mslMs ?? resolveBehaviour({ profile, actions: [] }).mslMs;
  const changed = JSON.stringify(options) !== JSON.stringify(s.lessonOptions);

  const numbering = (
    <fieldset className="numbering">
      <legend>{t('ui.settings.seqNumbers.label')}</legend>
      {(['relative', 'absolute'] as const).map((value) => (
        <label key={value} className="radio">
          <input
            type="radio"
            name={`${id}-numbering`}
            data-testid={`numbering-${value}`}
            value={value}
            checked={s.numbering === value}
            onChange={() => s.setNumbering(value)}
          />
          {t(`ui.settings.seqNumbers.${value}`)}
        </label>
      ))}
      <p className="help">{t('ui.settings.seqNumbers.help')}</p>
    </fieldset>
  );

  // A connection read from a capture cannot be re-run: only how its numbers are shown applies.
  if (s.fromCapture) {
    return (
      <section className="panel settings" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('ui.settings.title')}</h2>
        {numbering}
        <TimeScaleToggle />
      </section>
    );
  }

  return (
    <section className="panel settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ui.settings.title')}</h2>
      {/* Where the last change shows in the run: right under the title, above the knobs. */}
      <KnobEffect />

      <div className="field">
        <label htmlFor={`${id}-profile`}>{t('ui.settings.profile.label')}</label>
        <select
          id={`${id}-profile`}
          data-testid="profile"
          value={profile}
          aria-describedby={describedBy(`${id}-profile`, knobs.profile)}
          {...disabledBy(knobs.profile)}
          onChange={(event) =>
            s.setOptions({
              profile: event.currentTarget.value as ProfileName,
              mslMs: s.lessonOptions.mslMs,
            })
          }
        >
          {PROFILES.map((name) => (
            <option key={name} value={name}>
              {t(`ui.settings.profile.${name}`)}
            </option>
          ))}
        </select>
        <p className="help" id={`${id}-profile-help`}>
          {t('ui.settings.profile.help')}
        </p>
        <KnobReasonNote id={`${id}-profile`} knob="profile" reason={knobs.profile} />
      </div>

      <div className="field">
        <label htmlFor={`${id}-msl`}>
          {t('ui.settings.msl.label')} ({t('ui.settings.msl.unit')})
        </label>
        <NumberField
          id={`${id}-msl`}
          data-testid="msl"
          value={mslMs / 1000}
          min={0.001}
          max={600}
          step="any"
          aria-describedby={describedBy(`${id}-msl`, knobs.mslMs)}
          {...disabledBy(knobs.mslMs)}
          onCommit={(seconds) => s.setOptions({ mslMs: Math.round(seconds * 1000) }, true)}
        />
        <p className="help" id={`${id}-msl-help`}>
          {t('ui.settings.msl.help')}
        </p>
        <KnobReasonNote id={`${id}-msl`} knob="mslMs" reason={knobs.mslMs} />
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-loss`}>
            {t('ui.settings.lossRate.label')} ({t('ui.settings.lossRate.unit')})
          </label>
          <NumberField
            id={`${id}-loss`}
            data-testid="loss-rate"
            value={options.lossPercent}
            min={0}
            max={100}
            step="any"
            aria-describedby={describedBy(`${id}-loss`, knobs.lossPercent, `${id}-loss-help`)}
            {...disabledBy(knobs.lossPercent)}
            onCommit={(lossPercent) => s.setOptions({ lossPercent }, true)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>{t('ui.settings.seed.label')}</label>
          <span className="seed">
            <NumberField
              id={`${id}-seed`}
              data-testid="seed"
              value={options.seed}
              min={0}
              max={MAX_SEED}
              integer
              aria-describedby={describedBy(`${id}-seed`, knobs.seed, `${id}-loss-help`)}
              onCommit={(seed) => s.setOptions({ seed }, true)}
            />
            <button
              type="button"
              data-testid="new-seed"
              onClick={() => s.setOptions({ seed: Math.floor(Math.random() * MAX_SEED) })}
            >
              {t('ui.settings.seed.shuffle')}
            </button>
          </span>
        </div>
      </div>
      <p className="help" id={`${id}-loss-help`}>
        {t('ui.settings.lossRate.help')} {t('ui.settings.seed.help')}
      </p>
      <KnobReasonNote id={`${id}-loss`} knob="lossPercent" reason={knobs.lossPercent} />
      {/* The seed alone stays editable where it changes nothing yet: it is the one knob set before
          the one that gives it its effect (seed, then loss rate), and its value is kept for then.
          Its note says it does nothing now. */}
      <KnobReasonNote id={`${id}-seed`} knob="seed" reason={knobs.seed} />

      <fieldset>
        <legend>{t('ui.settings.whatIf')}</legend>
        <CheckOption
          id={`${id}-dfa`}
          testId="drop-final-ack"
          checked={options.dropFinalAck}
          reason={knobs.dropFinalAck}
          knob="dropFinalAck"
          label={t('ui.settings.dropFinalAck.label')}
          help={t('ui.settings.dropFinalAck.help')}
          onChange={(checked) => s.setOptions({ dropFinalAck: checked })}
        />
        <CheckOption
          id={`${id}-reuse`}
          testId="reuse-port"
          checked={options.reusePort}
          reason={knobs.reusePort}
          knob="reusePort"
          label={t('ui.settings.reusePort.label')}
          help={`${t('ui.settings.reusePort.help')} ${t(`ui.settings.reusePort.byProfile.${profile}`)}`}
          onChange={(checked) => s.setOptions({ reusePort: checked })}
        />
      </fieldset>

      {numbering}
      <TimeScaleToggle />

      {changed && (
        <button type="button" data-testid="restore" onClick={() => s.setLesson(s.lessonId)}>
          {t('ui.settings.restore')}
        </button>
      )}
    </section>
  );
}

interface CheckOptionProps {
  id: string;
  testId: string;
  checked: boolean;
  /** Why the option changes nothing in the run shown, or null where it does. */
  reason: KnobReason | null;
  knob: 'dropFinalAck' | 'reusePort';
  label: string;
  /** What the option changes, read out with it. */
  help: string;
  onChange: (checked: boolean) => void;
}

function CheckOption({
  id,
  testId,
  checked,
  reason,
  knob,
  label,
  help,
  onChange,
}: CheckOptionProps) {
  return (
    <div className="check">
      <input
        type="checkbox"
        id={id}
        data-testid={testId}
        checked={checked}
        aria-describedby={describedBy(id, reason)}
        {...disabledBy(reason)}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      <KnobReasonNote id={id} knob={knob} reason={reason} />
    </div>
  );
}
