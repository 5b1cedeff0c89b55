// The frame around a built-in lesson: what it shows, the moment to watch for with a link to the
// step where the engine made it happen in the run shown, and the takeaway, which stands out once
// the student reaches the last step (before that it waits folded, for whoever wants it early).
// Loaded with the lessons' metadata (src/scenarios/all.ts), after the first diagram.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLocale, useNamespace, useT } from '../../i18n';
import { watchStep } from '../../lab/watch';
import { lessonById } from '../../scenarios/all';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import './LessonFrame.css';

const selectFrame = (s: LabState) => ({
  lessonId: s.lessonId,
  // While a run is on its way the run held is the previous lesson's or options': no link from it.
  ready: s.status === 'ready',
  run: s.run,
  derived: s.derived,
  step: s.step,
  total: s.total,
  embed: s.embed,
});

const selectGo = (s: LabState) => s.goTo;
const selectPause = (s: LabState) => s.pause;

export function LessonFrame() {
  const t = useT();
  // Its words come with it, after the first diagram.
  const wordsReady = useNamespace('lessonFrames');
  const { locale } = useLocale();
  const f = useLab(useShallow(selectFrame));
  const goTo = useLab(selectGo);
  const pause = useLab(selectPause);
  const lesson = lessonById(f.lessonId);
  const watch = lesson?.watch;
  const target = useMemo(
    () => (watch && f.run && f.derived ? watchStep(f.run.events, f.derived.steps, watch) : null),
    [watch, f.run, f.derived],
  );
  // A scenario from a link or a capture has no frame: nobody wrote one for it.
  if (!lesson || !wordsReady) return null;
  const id = lesson.id;
  const reached = f.total > 0 && f.step === f.total;

  return (
    <section
      className={f.embed ? 'panel lesson-frame lesson-frame--compact' : 'panel lesson-frame'}
      aria-labelledby="lesson-frame-title"
      data-testid="lesson-frame"
      data-lesson={id}
    >
      <h2 id="lesson-frame-title">{t('ui.lessonFrame.title')}</h2>
      <h3>{t('ui.lessonFrame.shows')}</h3>
      <p data-testid="lesson-shows">
        {t(`lessonFrames.${id}.summary`)}
        {/* Chinese runs its sentences on without a space. */}
        {locale === 'zh-CN' ? '' : ' '}
        {t(`lessonFrames.${id}.shows`)}
      </p>
      <h3>{t('ui.lessonFrame.watch')}</h3>
      <p data-testid="lesson-watch">{t(`lessonFrames.${id}.watch`)}</p>
      {!f.ready ? (
        <p className="lesson-frame__note">{t('ui.lessonFrame.pending')}</p>
      ) : target === null ? (
        <p className="lesson-frame__note" data-testid="lesson-watch-missing">
          {t('ui.lessonFrame.notInRun')}
        </p>
      ) : (
        <p>
          <button
            type="button"
            className="lesson-frame__go"
            data-testid="lesson-watch-link"
            data-step={target}
            aria-label={t('ui.lessonFrame.goToAria', { step: target })}
            aria-current={f.step === target ? 'step' : undefined}
            onClick={() => {
              pause();
              goTo(target);
            }}
          >
            {t('ui.lessonFrame.goTo', { step: target })}
          </button>
        </p>
      )}
      {reached ? (
        <div className="lesson-frame__takeaway" data-testid="lesson-takeaway" data-reached="true">
          <h3>{t('ui.lessonFrame.takeaway')}</h3>
          <p>{t(`lessonFrames.${id}.takeaway`)}</p>
        </div>
      ) : (
        <details className="lesson-frame__later" data-testid="lesson-takeaway" data-reached="false">
          <summary>{t('ui.lessonFrame.takeawayEarly')}</summary>
          <p>{t(`lessonFrames.${id}.takeaway`)}</p>
        </details>
      )}
    </section>
  );
}
