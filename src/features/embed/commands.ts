// A course page's command, carried out on the widget's store as the matching button would.

import type { LabStore } from '../../ui/store/labStore';
import { InboundType, type InboundCommand } from './messages';

/**
 * Longest scenario text a `load` accepts: far above any real scenario (the built-in lessons are a
 * few kB), low enough that parsing it never freezes the page.
 */
export const MAX_SCENARIO_TEXT = 1_000_000;

export function applyCommand(store: LabStore, command: InboundCommand): void {
  const state = store.getState();
  switch (command.type) {
    case InboundType.Step:
      state.pause();
      state.stepForward();
      return;
    case InboundType.Back:
      state.pause();
      state.stepBack();
      return;
    case InboundType.Play:
      state.play();
      return;
    case InboundType.Pause:
      state.pause();
      return;
    case InboundType.Reset:
      state.reset();
      return;
    case InboundType.Load: {
      const { scenario } = command;
      if (typeof scenario === 'string' && scenario.length > MAX_SCENARIO_TEXT) {
        state.showError({
          kind: 'load',
          message: `load: the scenario text is too long (${scenario.length} characters; at most ${MAX_SCENARIO_TEXT})`,
        });
        return;
      }
      state.pause();
      state.loadScenario(scenario);
      return;
    }
  }
}
