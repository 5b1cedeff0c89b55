// Keyboard: → next step, ← back, space play/pause, R reset, F the whole run (again: follow the
// step). Keys typed into a field, or used by a focused control natively (space on a button, arrows
// on a range or select), are left alone.
// The page hears keys pressed anywhere; a <handshake-lab> element only those pressed while focus is
// inside it, so that two widgets on one page never both step.

import { useEffect } from 'react';
import { keyTargetOf, useLabHost } from './labHost';
import { useLabStoreApi } from './store/context';

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  // A focused button or link acts on space (and Enter) itself.
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && key === ' ') return true;
  // Inside a dialog (the inspector), keys belong to it.
  return target.closest('dialog') !== null;
}

export function useKeyboard(): void {
  const store = useLabStoreApi();
  const host = useLabHost();
  useEffect(() => {
    const onKey = (event: Event) => {
      if (!(event instanceof KeyboardEvent)) return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKey(event.target, event.key)) return;
      const state = store.getState();
      switch (event.key) {
        case 'ArrowRight':
          state.pause();
          state.stepForward();
          break;
        case 'ArrowLeft':
          state.pause();
          state.stepBack();
          break;
        case ' ':
          state.togglePlay();
          break;
        case 'r':
        case 'R':
          state.reset();
          break;
        case 'f':
        case 'F':
          // The whole run in view, or back to following the step.
          state.toggleFit();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    const target = keyTargetOf(host);
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [store, host]);
}
