// The lesson picker (`lesson-select`): titles come from the `lessons` i18n namespace.

import { useShallow } from 'zustand/react/shallow';
import { hasKey, useT } from '../../i18n';
import { CUSTOM_LESSON_ID } from '../../lab/types';
import { LESSON_IDS } from '../../scenarios';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { useNarrow } from '../useNarrow';
import { LabeledSelect } from './LabeledSelect';

const selectLesson = (s: LabState) => ({
  lessonId: s.lessonId,
  setLesson: s.setLesson,
  // A connection from a capture file is named by its file and endpoints.
  capture: s.capture?.label,
});

export function LessonPicker() {
  const t = useT();
  const { lessonId, setLesson, capture } = useLab(useShallow(selectLesson));
  // A phone's lesson select spans the header's second row; its title says what it is.
  const narrow = useNarrow();
  const lessons = LESSON_IDS.map((id) => {
    const key = `lessons.${id}.title`;
    return { value: id as string, label: hasKey(key) ? t(key) : id };
  });
  // A scenario from a link or a capture's connection is shown as a choice of its own, first.
  const shown =
    lessonId === CUSTOM_LESSON_ID || capture
      ? [{ value: lessonId, label: capture ?? t('ui.lesson.fromLink') }]
      : [];
  return (
    <LabeledSelect
      className="header-field lesson-field"
      label={t('ui.lesson.pickerLabel')}
      testId="lesson-select"
      value={lessonId}
      choices={[...shown, ...lessons]}
      onChange={setLesson}
      labelHidden={narrow}
    />
  );
}
