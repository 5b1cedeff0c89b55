// The compact layout's way out: the same lesson at the same step in a full page, in a new tab.

import { useMemo } from 'react';
import { useT } from '../i18n';
import { useLab, useLabStoreApi } from '../ui/store/context';
import { CUSTOM_LESSON_ID, type LabState } from '../ui/store/labStore';
import { encodeScenarioParam } from '../ui/store/urlOptions';
import { fullPageUrl } from './fullPageUrl';
import './embed.css';

const selectStep = (s: LabState) => s.step;
const selectLessonId = (s: LabState) => s.lessonId;
const selectRun = (s: LabState) => s.run;

export function OpenFullLink() {
  const t = useT();
  const store = useLabStoreApi();
  const step = useLab(selectStep);
  const lessonId = useLab(selectLessonId);
  const run = useLab(selectRun);
  // A scenario the course page loaded travels as `s=`; encoded once per run, not on every step.
  const scenarioParam = useMemo(() => {
    if (lessonId !== CUSTOM_LESSON_ID || !run) return undefined;
    const scenario = store.getState().lessonScenario();
    return scenario === undefined ? undefined : encodeScenarioParam(scenario);
  }, [store, lessonId, run]);
  return (
    <a
      className="open-full"
      data-testid="open-full"
      href={fullPageUrl(window.location.href, step, scenarioParam)}
      target="_blank"
      rel="noopener"
    >
      {t('ui.embedded.openFull')}
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> {t('ui.embedded.newTab')}</span>
    </a>
  );
}
