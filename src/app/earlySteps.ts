// Steps asked for while the page loads: → and ← pressed before the lab's own keyboard handling
// (src/ui/useKeyboard.ts) is mounted are kept and handed to the store, which takes them once the
// run is in (a step asked for before the run is queued, never lost).
import type { LabStore } from '../ui/store/labStore';

export interface EarlySteps {
  /** From now on the store takes the presses at once; those kept so far are taken now. */
  handTo(store: LabStore): void;
  /** The lab hears the keys itself from now on. */
  stop(): void;
}

export function captureEarlySteps(target: Window = window): EarlySteps {
  const kept: (1 | -1)[] = [];
  let store: LabStore | null = null;
  const take = (direction: 1 | -1) => {
    if (!store) kept.push(direction);
    else if (direction > 0) store.getState().stepForward();
    else store.getState().stepBack();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') take(1);
    else if (event.key === 'ArrowLeft') take(-1);
    else return;
    event.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return {
    handTo(given) {
      store = given;
      for (const direction of kept.splice(0)) take(direction);
    },
    stop() {
      target.removeEventListener('keydown', onKey);
    },
  };
}
