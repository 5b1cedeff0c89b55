// What every question is: a form named by its heading, closed by checking the answer or by "I
// don't know, show me" (asked, not right). The two kinds of question fill in the middle.
import { useId, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n';

interface Props {
  onSubmit: () => void;
  onReveal: () => void;
  /** The question's fields; the element with `headingId` names the form. */
  children: (headingId: string) => ReactNode;
}

export function PredictForm({ onSubmit, onReveal, children }: Props) {
  const t = useT();
  const headingId = `${useId()}-q`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      className="predict-form"
      data-testid="predict"
      aria-labelledby={headingId}
      onSubmit={submit}
    >
      {children(headingId)}
      <div className="predict-actions">
        <button type="submit" className="primary" data-testid="predict-submit">
          {t('predicting.submit')}
        </button>
        <button type="button" data-testid="predict-reveal" onClick={onReveal}>
          {t('predicting.reveal')}
        </button>
      </div>
    </form>
  );
}
