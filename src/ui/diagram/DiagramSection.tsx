// The sequence diagram fed from the store: the shown step's view, the run's segments and axis.
// Clicking an arrow in flight drops it; clicking any other opens the inspector.

import { lazy, Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Scenario, Side } from '../../engine/types';
import { DEFAULT_PORTS } from '../../engine/defaults';
import { useT } from '../../i18n';
import { previewOf } from '../../lab/preview';
import { stateChangesCount, type StateChange } from '../../lab/stateChanges';
import { CAPTURE_LESSON_ID, CUSTOM_LESSON_ID } from '../../lab/types';
import { stepNearY } from '../../lab/camera';
import { usePaintedOnce } from '../useAfterPaint';
import { Diagram } from './Diagram';
import { drawnAsPicture } from './RunPicture';
// The overview strip is not needed for the first picture: fetched once it is painted.
const Minimap = lazy(() => import('./Minimap').then((m) => ({ default: m.Minimap })));
import { ENDPOINT_ADDRESSES } from '../../engine/addresses';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { useDiagramLabels } from './useDiagramLabels';

const NO_CHANGES: readonly StateChange[] = [];
/** The diagram's width before the page measures it (the prerendered page has no layout). */
const FIRST_WIDTH = 800;

const selectDiagram = (s: LabState) => ({
  derived: s.derived,
  view: s.view,
  step: s.step,
  animateStep: s.animateStep,
  numbering: s.numbering,
  speed: s.speed,
  scenario: s.run?.scenario ?? null,
  // Before the run is in: the lesson as written, drawn with nothing happened yet.
  lessonScenario: s.run ? null : builtInScenario(s),
  // A capture's lifelines carry its own addresses.
  captured: s.capture?.endpoints,
  status: s.status,
  selectSegment: s.selectSegment,
  dropSegment: s.dropSegment,
  fit: s.fit,
  toggleFit: s.toggleFit,
  knobStep: s.knobEffect?.step ?? null,
  goTo: s.goTo,
  pause: s.pause,
});

/** A built-in lesson's scenario (a link's or a capture's is drawn once it is read and run). */
function builtInScenario(s: LabState): Scenario | null {
  if (s.lessonId === CUSTOM_LESSON_ID || s.lessonId === CAPTURE_LESSON_ID) return null;
  return s.lessonScenario() ?? null;
}

export function DiagramSection() {
  const t = useT();
  const labels = useDiagramLabels();
  const d = useLab(useShallow(selectDiagram));
  const derived = d.derived;
  const preview = !derived && d.lessonScenario ? previewOf(d.lessonScenario) : null;
  const drawn = derived ?? preview;
  const scenario = d.scenario ?? d.lessonScenario;
  const painted = usePaintedOnce(derived !== null);
  const end = derived && d.step > 0 ? (derived.steps[d.step - 1]?.end ?? 0) : 0;
  // The same list while a step adds no change (most steps of a long run): what is drawn from it
  // is not worked out again.
  const changeCount = derived ? stateChangesCount(derived.stateChanges, end) : 0;
  const stateChanges = useMemo(
    () => (derived ? derived.stateChanges.slice(0, changeCount) : []),
    [derived, changeCount],
  );
  const endpoints = useMemo(() => {
    const label = (side: Side) =>
      d.captured?.[side] ??
      `${ENDPOINT_ADDRESSES[side]}:${scenario?.[side]?.port ?? DEFAULT_PORTS[side]}`;
    return { client: { label: label('client') }, server: { label: label('server') } };
  }, [scenario, d.captured]);

  return (
    <section
      className="diagram-area"
      id="lab-diagram"
      tabIndex={-1}
      aria-label={t('ui.diagram.label')}
      data-preview={preview ? 'true' : undefined}
    >
      {drawn && (
        <div className="dg-tools">
          {/* Its place is kept while it loads, so nothing below it moves. */}
          <Suspense fallback={<div className="dg-minimap" aria-hidden="true" />}>
            {painted && derived && d.view ? (
              <Minimap
                segments={derived.segments}
                steps={derived.steps}
                y={derived.axis.y}
                step={d.step}
                t={d.view.t}
                marked={d.knobStep}
                label={t('ui.camera.minimap')}
                onJumpToY={(target) => {
                  const step = stepNearY(derived.steps, derived.axis.y, target);
                  if (step === null) return;
                  d.pause();
                  d.goTo(step);
                }}
              />
            ) : (
              <div className="dg-minimap" aria-hidden="true" />
            )}
          </Suspense>
          <button
            type="button"
            className="dg-fit-toggle"
            data-testid="diagram-fit-toggle"
            aria-pressed={d.fit}
            title={t('ui.camera.fitTitle')}
            disabled={!derived}
            onClick={d.toggleFit}
          >
            {t('ui.camera.fit')}
          </button>
        </div>
      )}
      {d.fit && derived && drawnAsPicture(derived.segments.length) && (
        <p className="dg-fit-note" data-testid="diagram-fit-note">
          {t('ui.camera.fitPicture')}
        </p>
      )}
      {drawn && (
        // Before the run is in, the lesson with nothing happened yet (what the prerendered page
        // shows too); the same diagram then draws the run, so nothing is replaced.
        <Diagram
          segments={drawn.segments}
          view={derived && d.view ? d.view : drawn.viewAt(0)}
          axis={drawn.axis}
          stateChanges={derived ? stateChanges : NO_CHANGES}
          endpoints={endpoints}
          numbering={d.numbering}
          speed={d.speed}
          animateStep={derived ? d.animateStep : null}
          onSegmentClick={d.selectSegment}
          onDropInFlight={d.dropSegment}
          labels={labels}
          fit={d.fit}
          initialWidth={FIRST_WIDTH}
          appCalls={derived?.appCalls}
        />
      )}
      {!derived && (
        <p
          className={preview ? 'status visually-hidden' : 'status'}
          data-testid="status"
          data-status={d.status}
        >
          {t('ui.status.runningShort')}
        </p>
      )}
    </section>
  );
}
