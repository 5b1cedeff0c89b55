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
    if (!derived) return;
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

  return {
    total: 0,
    step: 0,
    view: null,
    animateStep: null,
    playing: false,
    speed: 1,
    selectedSegment: null,

    stepForward() {
      show(get().step + 1);
    },
    stepBack() {
      show(get().step - 1);
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
