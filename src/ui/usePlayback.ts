// Playing: one step per `stepDurationMs(speed)`, timed on the page (the engine is not re-run), and
// stopping at the end of the run.

import { useEffect } from 'react';
import { stepDurationMs } from './diagram';
import { useLab, useLabStoreApi } from './store/context';
import { selectPlaying, selectSpeed, selectStep } from './store/selectors';

export function usePlayback(): void {
  const store = useLabStoreApi();
  const playing = useLab(selectPlaying);
  const speed = useLab(selectSpeed);
  const step = useLab(selectStep);
  useEffect(() => {
    if (!playing) return;
    const { total } = store.getState();
    if (step >= total) {
      store.getState().pause();
      return;
    }
    const timer = setTimeout(() => {
      const state = store.getState();
      if (!state.playing) return;
      state.stepForward();
      if (state.step + 1 >= state.total) state.pause();
    }, stepDurationMs(speed));
    return () => clearTimeout(timer);
  }, [store, playing, speed, step]);
}
