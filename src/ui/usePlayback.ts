// Playing: one step per `stepDurationMs(speed)`, timed on the page (the engine is not re-run), and
// stopping at the end of the run. Driven by a store subscription rather than React state, so that
// the component calling it is not re-rendered on every step; each step is due a fixed interval
// after the previous one was due (not after it was drawn), so a slow frame does not make the whole
// run fall behind its speed.

import { useEffect } from 'react';
import { stepDurationMs } from './diagram';
import { useLabStoreApi } from './store/context';
import type { LabState } from './store/labStore';

export function usePlayback(): void {
  const store = useLabStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** performance.now() when the next step is due. */
    let due = 0;
    /** True while this hook itself steps (its own step changes do not restart the beat). */
    let stepping = false;

    const stop = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const schedule = () => {
      stop();
      timer = setTimeout(tick, Math.max(0, due - performance.now()));
    };
    const tick = () => {
      timer = null;
      const state = store.getState();
      if (!state.playing) return;
      if (state.step >= state.total) {
        state.pause();
        return;
      }
      const interval = stepDurationMs(state.speed);
      const now = performance.now();
      // Far behind (a busy machine, a background tab): keep the pace from now rather than racing.
      due = now - due > interval ? now + interval : due + interval;
      stepping = true;
      try {
        state.stepForward();
      } finally {
        stepping = false;
      }
      const after = store.getState();
      if (after.step >= after.total) after.pause();
      else if (after.playing && timer === null) schedule();
    };
    const restart = (state: LabState) => {
      stop();
      if (!state.playing) return;
      if (state.step >= state.total) {
        state.pause();
        return;
      }
      due = performance.now() + stepDurationMs(state.speed);
      schedule();
    };

    restart(store.getState());
    const unsubscribe = store.subscribe((state, prev) => {
      if (
        state.playing !== prev.playing ||
        state.speed !== prev.speed ||
        state.total !== prev.total ||
        (state.step !== prev.step && !stepping)
      ) {
        restart(state);
      }
    });
    return () => {
      unsubscribe();
      stop();
    };
  }, [store]);
}
