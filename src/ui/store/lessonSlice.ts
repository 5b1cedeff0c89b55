// The lesson slice of the lab store: which lesson (or capture) is shown, the options on top of it,
// and its runs in the engine worker. Which lesson a custom scenario falls back to is decided by
// the reducer of lessonChoice.ts; everything kept between calls is in the state.

import type { StateCreator } from 'zustand/vanilla';
import { nestingProblem } from '../../engine/nesting';
import { quote } from '../../engine/quote';
import type { Fault } from '../../engine/types';
import type { ParseResult } from '../../engine/validate';
import { CAPTURE_LESSON_ID } from '../../lab/types';
import type { LabDeps, LabError, LabState } from './labStore';
import {
  asScenarioObject,
  chooseLesson,
  jsonKindOf,
  optionsOf,
  passedScenario,
  refusalOf,
  scenarioOf,
  UNCHECKED,
  type LessonChoice,
  type Opening,
} from './lessonChoice';
import { createRuns, messageOf } from './runs';

type LessonSlice = Pick<
  LabState,
  | 'lessonId'
  | 'custom'
  | 'options'
  | 'lessonOptions'
  | 'status'
  | 'run'
  | 'derived'
  | 'explainer'
  | 'capture'
  | 'lastCapture'
  | 'runner'
  | 'runRequest'
  | 'lessonRequest'
  | 'pendingStep'
  | 'pendingAutoplay'
  | 'attach'
  | 'detach'
  | 'setLesson'
  | 'prefetchLessons'
  | 'loadScenario'
  | 'lessonScenario'
  | 'showCapture'
  | 'setOptions'
  | 'dropSegment'
>;

export function createLessonSlice(
  opening: Opening,
  deps: LabDeps,
): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get) => {
    const runs = createRuns(set, get, deps);

    /** Shows `choice`'s lesson from step 0 with its own options, and runs it. */
    function showLesson(choice: LessonChoice): void {
      const own = optionsOf(choice, deps);
      // Predict mode keeps drawing this attempt's numbers in the next lesson (an exercise set).
      const numbersSeed = get().mode === 'predict' ? get().options.numbersSeed : undefined;
      set({
        lessonId: choice.lessonId,
        custom: choice.custom,
        lessonRequest: get().lessonRequest + 1,
        options: numbersSeed === undefined ? own : { ...own, numbersSeed },
        lessonOptions: own,
        pendingStep: 0,
        step: 0,
        view: get().derived?.viewAt(0) ?? null,
        playing: false,
        selectedSegment: null,
        error: null,
        capture: null,
      });
      runs.start();
    }

    /**
     * Shows a course page's scenario if the validator passed it. One it refused changes nothing but
     * the message: the lesson, its run and the step shown stay, and nothing is read from it.
     */
    function showChecked(given: object, answer: ParseResult): void {
      if (!answer.ok) {
        set({ error: { kind: 'load', message: refusalOf('load', answer.error) } });
        return;
      }
      const scenario = passedScenario(given, answer);
      if (scenario) showLesson(chooseLesson(get(), { type: 'load', scenario }));
    }

    return {
      ...opening.choice,
      options: opening.options,
      lessonOptions: opening.lessonOptions,
      status: 'idle',
      run: null,
      derived: null,
      explainer: null,
      capture: null,
      lastCapture: null,
      runner: null,
      runRequest: 0,
      lessonRequest: 0,
      pendingStep: opening.pendingStep,
      pendingAutoplay: opening.pendingAutoplay,

      attach(runner) {
        // Already running the lesson on it (the page starts it before its components mount).
        if (get().runner === runner) return;
        set({ runner });
        runs.start();
      },
      detach() {
        runs.cancelTyping();
        set({ runner: null, runRequest: get().runRequest + 1, playing: false });
      },
      setLesson(id) {
        const lesson = scenarioOf(get(), id, deps);
        const request = get().lessonRequest + 1;
        if (!lesson && deps.loadLessons && deps.lessonPending?.(id)) {
          // Its scenario is not at hand yet: switch once it is, unless another lesson was asked for.
          set({ lessonRequest: request });
          deps.loadLessons().then(
            () => {
              if (request === get().lessonRequest && !deps.lessonPending?.(id)) get().setLesson(id);
            },
            (error: unknown) => {
              if (request === get().lessonRequest) {
                set({ error: { kind: 'lesson', message: messageOf(error) } });
              }
            },
          );
          return;
        }
        if (!lesson) {
          const error: LabError = { kind: 'lesson', message: `lesson: no lesson ${quote(id)}` };
          set({ lessonRequest: request, error });
          return;
        }
        showLesson(chooseLesson(get(), { type: 'pick', lessonId: id }));
      },
      prefetchLessons() {
        deps.loadLessons?.().catch(() => {});
      },
      loadScenario(raw) {
        let parsed: unknown = raw;
        if (typeof raw === 'string') {
          try {
            parsed = JSON.parse(raw) as unknown;
          } catch (error) {
            set({ error: { kind: 'load', message: `load: not JSON (${messageOf(error)})` } });
            return;
          }
        }
        // The same check, and words, as a share link's: deeper input would overflow the stack on
        // its way to the engine's worker.
        const tooDeep = nestingProblem(parsed);
        if (tooDeep !== null) {
          set({ error: { kind: 'load', message: refusalOf('load', tooDeep) } });
          return;
        }
        const given = asScenarioObject(parsed);
        if (!given) {
          const message = `load: the scenario must be a JSON object, not ${jsonKindOf(parsed)}`;
          set({ error: { kind: 'load', message } });
          return;
        }
        const answer = deps.checkScenario(given);
        if (!(answer instanceof Promise)) {
          showChecked(given, answer);
          return;
        }
        // The validator is on its way: a lesson or scenario asked for meanwhile wins over this one.
        const request = get().lessonRequest + 1;
        set({ lessonRequest: request });
        answer.then(
          (checked) => {
            if (request === get().lessonRequest) showChecked(given, checked);
          },
          () => {
            if (request !== get().lessonRequest) return;
            set({ error: { kind: 'load', message: refusalOf('load', UNCHECKED) } });
          },
        );
      },
      lessonScenario() {
        return scenarioOf(get(), get().lessonId, deps);
      },
      showCapture(run, capture) {
        // A lesson's run (or lesson) still on its way is not shown over it.
        runs.cancelTyping();
        const { runRequest, lessonRequest } = get();
        set({
          lessonId: CAPTURE_LESSON_ID,
          runRequest: runRequest + 1,
          lessonRequest: lessonRequest + 1,
          pendingStep: 0,
          capture,
          lastCapture: { run, capture },
          playing: false,
          selectedSegment: null,
          error: null,
        });
        runs.show(run);
      },
      setOptions(patch, typing = false) {
        set({ options: { ...get().options, ...patch } });
        if (typing) runs.startAfterTyping();
        else runs.start();
      },
      dropSegment(id) {
        const { run, capture } = get();
        // A capture cannot be re-run: its arrow in flight opens the inspector like the others.
        if (capture) set({ selectedSegment: id });
        if (!run || capture) return;
        const fail = (error: unknown) =>
          set({ error: { kind: 'option', message: messageOf(error) } });
        const drop = (fault: Fault | null) => {
          // A fault found for a run that has been replaced since would drop the wrong segment.
          if (!fault || get().run !== run) return;
          const { options } = get();
          set({
            options: { ...options, extraFaults: [...options.extraFaults, fault] },
            selectedSegment: null,
          });
          runs.start();
        };
        let fault: Fault | null | Promise<Fault | null>;
        try {
          fault = deps.faultForSegment(run, id);
        } catch (error) {
          fail(error);
          return;
        }
        if (fault instanceof Promise) fault.then(drop, fail);
        else drop(fault);
      },
    };
  };
}
