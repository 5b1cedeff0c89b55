// The playback slice of the lab store: where the student is in the run shown (the step, the view
// at it, the arrow just stepped to), playing and its speed, and the segment in the inspector.

import type { StateCreator } from 'zustand/vanilla';
import type { LabState } from './labStore';

type PlaybackSlice = Pick<
  LabState,
  | 'total'
  | 'step'
  | 'view'
  | 'animateStep'
  | 'playing'
  | 'speed'
  | 'selectedSegment'
  | 'stepForward'
  | 'stepBack'
  | 'goTo'
  | 'reset'
  | 'play'
  | 'pause'
  | 'togglePlay'
  | 'setSpeed'
  | 'selectSegment'
>;

export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => {
  function show(step: number): void {
    const { derived, total, step: current } = get();
    if (!derived) {
      // No run shown yet (the page is loading): the step is taken once the run is in.
      if (!get().run) set({ pendingStep: Math.max(0, Math.round(step)) });
      return;
    }
    let next = Math.min(total, Math.max(0, Math.round(step)));
    // Predict mode: never past a step whose segment the student has not predicted yet.
    if (next > current) next = Math.min(next, Math.max(current, get().forwardLimit()));
    if (next === current && step > current) set({ playing: false });
    if (next === current) return;
    set({
      step: next,
      view: derived.viewAt(next),
      animateStep: next === current + 1 ? next : null,
    });
  }

  /** Where a step forward or back starts: a queued step while the page loads, else the step. */
  const nextFrom = () => {
    const { derived, run, pendingStep, step } = get();
    return !derived && !run && pendingStep !== null ? pendingStep : step;
  };

  return {
    total: 0,
    step: 0,
    view: null,
    animateStep: null,
    playing: false,
    speed: 1,
    selectedSegment: null,

    stepForward() {
      show(nextFrom() + 1);
    },
    stepBack() {
      show(nextFrom() - 1);
    },
    goTo(step) {
      show(step);
    },
    reset() {
      set({ playing: false });
      show(0);
    },
    play() {
      const { derived, step, total } = get();
      if (!derived || total === 0) return;
      if (step >= total) show(0); // play at the end starts over
      set({ playing: true });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
    },
    selectSegment(id) {
      set({ selectedSegment: id });
    },
  };
};
