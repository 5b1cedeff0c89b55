// The Embed dialog's exercise-set builder: the lessons a student predicts in a row, with one total
// score, in the order they were ticked.
import { hasKey, useT } from '../../i18n';
import { LESSON_IDS } from '../../scenarios';

export function ExerciseSetPicker({
  chosen,
  onChange,
}: {
  chosen: readonly string[];
  onChange(lessons: string[]): void;
}) {
  const t = useT();
  return (
    <fieldset className="embed-options__set" data-testid="embed-set">
      <legend>{t('embedding.exerciseSet')}</legend>
      {LESSON_IDS.map((id) => {
        const key = `lessons.${id}.title`;
        const at = chosen.indexOf(id);
        return (
          <label key={id}>
            <input
              type="checkbox"
              data-testid={`embed-set-${id}`}
              checked={at >= 0}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...chosen, id] : chosen.filter((l) => l !== id))
              }
            />
            {at >= 0 ? `${at + 1}. ` : ''}
            {hasKey(key) ? t(key) : id}
          </label>
        );
      })}
    </fieldset>
  );
}
