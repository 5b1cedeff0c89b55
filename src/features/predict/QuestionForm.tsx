// The question before a phase's segment: its flags (toggle buttons), its seq and ack in the
// numbering shown, and each side's state after the step. A form with labels, usable by keyboard
// alone; "show me" counts as asked, not right.
import { useState } from 'react';
import { TCP_STATES, type Flag, type TcpState } from '../../engine/types';
import type { SegmentQuestion } from '../../lab/predict/questions';
import type { Numbering, Prediction } from '../../lab/predict/score';
import { useT } from '../../i18n';
import { FLAG_CHOICES } from './format';
import { PredictForm } from './PredictForm';

interface Props {
  question: SegmentQuestion;
  numbering: Numbering;
  sides: { client: string; server: string };
  onAnswer: (prediction: Prediction | null) => void;
}

const numberOrNull = (text: string): number | null =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;

export function QuestionForm({ question, numbering, sides, onAnswer }: Props) {
  const t = useT();
  const [flags, setFlags] = useState<Flag[]>([]);
  const [seq, setSeq] = useState('');
  const [ack, setAck] = useState('');
  const [noAck, setNoAck] = useState(false);
  const [states, setStates] = useState<Record<'client' | 'server', TcpState | ''>>({
    client: '',
    server: '',
  });
  const toggle = (flag: Flag) =>
    setFlags((on) => (on.includes(flag) ? on.filter((f) => f !== flag) : [...on, flag]));
  const submit = () =>
    onAnswer({
      flags,
      seq: numberOrNull(seq),
      ack: noAck ? null : numberOrNull(ack),
      states: { client: states.client || null, server: states.server || null },
    });
  const side = sides[question.from];
  return (
    <PredictForm onSubmit={submit} onReveal={() => onAnswer(null)}>
      {(headingId) => (
        <>
          <h3 id={headingId} className="predict-question">
            {t('predicting.question', { side })}
          </h3>
          <p className="predict-hint">{t(`predicting.questionPhase.${question.phase}`)}</p>
          <fieldset className="predict-flags">
            <legend>{t('predicting.flags')}</legend>
            {FLAG_CHOICES.map((flag) => (
              <button
                key={flag}
                type="button"
                className="predict-flag"
                data-testid={`predict-flag-${flag}`}
                aria-pressed={flags.includes(flag)}
                onClick={() => toggle(flag)}
              >
                {flag}
              </button>
            ))}
          </fieldset>
          <fieldset className="predict-numbers">
            <legend>{t('predicting.numbers', { numbering: t(`predicting.${numbering}`) })}</legend>
            <NumberField
              label={t('predicting.seq')}
              testId="predict-seq"
              value={seq}
              onChange={setSeq}
            />
            <NumberField
              label={t('predicting.ack')}
              testId="predict-ack"
              value={ack}
              disabled={noAck}
              onChange={setAck}
            />
            <label className="predict-noack">
              <input
                type="checkbox"
                data-testid="predict-no-ack"
                checked={noAck}
                onChange={(event) => setNoAck(event.currentTarget.checked)}
              />
              {t('predicting.noAck')}
            </label>
          </fieldset>
          <fieldset className="predict-states">
            <legend>{t('predicting.states')}</legend>
            {(['client', 'server'] as const).map((who) => (
              <label key={who}>
                {t('predicting.stateOf', { side: sides[who] })}
                <select
                  data-testid={`predict-state-${who}`}
                  value={states[who]}
                  onChange={(event) => {
                    const value = event.currentTarget.value as TcpState | '';
                    setStates((was) => ({ ...was, [who]: value }));
                  }}
                >
                  <option value="">{t('predicting.choose')}</option>
                  {TCP_STATES.map((state) => (
                    <option key={state} value={state}>
                      {state}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        </>
      )}
    </PredictForm>
  );
}

/** A sequence or acknowledgement number, typed in digits. */
function NumberField(props: {
  label: string;
  testId: string;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        inputMode="numeric"
        pattern="[0-9]*"
        data-testid={props.testId}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </label>
  );
}
