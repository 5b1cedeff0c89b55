// The two ways to close a question: check the answer, or "I don't know, show me" (asked, not right).
import { useT } from '../../i18n';

export function AnswerButtons({ onReveal }: { onReveal: () => void }) {
  const t = useT();
  return (
    <div className="predict-actions">
      <button type="submit" className="primary" data-testid="predict-submit">
        {t('predicting.submit')}
      </button>
      <button type="button" data-testid="predict-reveal" onClick={onReveal}>
        {t('predicting.reveal')}
      </button>
    </div>
  );
}
