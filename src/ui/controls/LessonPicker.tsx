// The lesson picker (`lesson-select`): titles come from the `lessons` i18n namespace.

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hasKey, useT } from '../../i18n';
import { LESSON_INFO } from '../../scenarios';
import { useLab } from '../store/context';
import { type LabState } from '../store/labStore';
import { CUSTOM_LESSON_ID } from '../../lab/types';

const selectLesson = (s: LabState) => ({
  lessonId: s.lessonId,
  setLesson: s.setLesson,
  // A connection from a capture file is named by its file and endpoints.
  capture: s.capture?.label,
});

export function LessonPicker() {
  const t = useT();
  const id = useId();
  const { lessonId, setLesson, capture } = useLab(useShallow(selectLesson));
  return (
    <span className="header-field lesson-field">
      <label htmlFor={id}>{t('ui.lesson.pickerLabel')}</label>
      <select
        id={id}
        data-testid="lesson-select"
        value={lessonId}
        onChange={(event) => setLesson(event.currentTarget.value)}
      >
        {(lessonId === CUSTOM_LESSON_ID || capture) && (
          <option value={lessonId}>{capture ?? t('ui.lesson.fromLink')}</option>
        )}
        {LESSON_INFO.map((lesson) => {
          const key = `lessons.${lesson.id}.title`;
          return (
            <option key={lesson.id} value={lesson.id}>
              {hasKey(key) ? t(key) : lesson.id}
            </option>
          );
        })}
      </select>
    </span>
  );
}
