// The widget's side of the course-page protocol (CONTRACT.md section 4), for a page inside a frame:
// posts its height and each step to the parent frame, and carries out the commands of the origins
// allowed to send them. Everything else that arrives is ignored without a word.

import { useEffect } from 'react';
import type { LabState, LabStore } from '../../ui/store/labStore';
import { applyCommand } from './commands';
import { heightMessage, parseInboundMessage, stepMessage, type OutboundMessage } from './messages';
import { currentParentOrigin, isAllowedOrigin } from './origins';
import { createPredictReporter } from './predictMessages';

/**
 * The document's height in whole CSS pixels: the root element's box, which (with no height set on
 * html or body) is the content's height, whatever the iframe's own height is. Measuring
 * `scrollHeight` instead would never report a shrink, as it is at least the viewport's height.
 */
function documentHeight(): number {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

/** The shown step of a ready run, as the `step` message reports it. */
function shownStep(state: LabState) {
  if (state.status !== 'ready' || !state.view) return null;
  return stepMessage(state.step, state.total, state.view.states);
}

/**
 * Talks with the parent frame. `allowed`: the origins besides the parent's that may send commands
 * (the `origins=` URL option). For a lab that is the whole page (not a web component's, whose
 * course page speaks for itself); does nothing outside a frame.
 */
export function useCourseMessages(store: LabStore, allowed: readonly string[]): void {
  useEffect(() => {
    const parent = window.parent;
    if (parent === window) return;
    // The layout then avoids sizes relative to the viewport's height (embed.css): the parent sets
    // that height from ours, so they would chase each other.
    const html = document.documentElement;
    html.dataset.framed = '';
    const parentOrigin = currentParentOrigin();
    // Nothing private is said (a height, a step), so a parent whose origin cannot be known (a
    // stripped referrer) is still told; commands from it are not accepted, though.
    const targetOrigin = parentOrigin ?? '*';
    const post = (message: OutboundMessage): void => {
      try {
        parent.postMessage(message, targetOrigin);
      } catch {
        // The parent navigated to another origin than the one we knew: nobody to tell.
      }
    };

    // Height: every change of the document's box, once per value. The iframe being resized to it
    // does not change it again, since nothing in the layout depends on the viewport's height.
    let lastHeight = -1;
    const postHeight = (): void => {
      const height = documentHeight();
      if (height === lastHeight) return;
      lastHeight = height;
      post(heightMessage(height));
    };
    const resizes = new ResizeObserver(postHeight);
    resizes.observe(document.documentElement);
    postHeight();

    // Steps: each new view of a ready run (a step, a reset, a new run) is one message. Read once
    // the action that changed the store is over: switching lessons passes through a moment where
    // the old run shows step 0 before the new one starts, which is not a step anybody took.
    let lastView: LabState['view'] = null;
    let queued = false;
    let live = true;
    const postStep = (): void => {
      queued = false;
      if (!live) return;
      const state = store.getState();
      if (state.view === lastView) return;
      const message = shownStep(state);
      if (!message) return;
      lastView = state.view;
      post(message);
    };
    // Predict mode's answers and score, each once, after the step they come with.
    const predictMessages = createPredictReporter();
    const queueStep = (): void => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        postStep();
        if (live) for (const message of predictMessages(store.getState())) post(message);
      });
    };
    const unsubscribe = store.subscribe(queueStep);
    queueStep();

    const onMessage = (event: MessageEvent<unknown>): void => {
      if (!isAllowedOrigin(event.origin, parentOrigin, allowed)) return;
      const command = parseInboundMessage(event.data);
      if (!command) return;
      try {
        applyCommand(store, command);
      } catch (error) {
        // Not expected (the store's actions do not throw), but a message must never break the page.
        store.getState().showError({
          kind: 'load',
          message: `${command.type}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    };
    window.addEventListener('message', onMessage);

    return () => {
      live = false;
      window.removeEventListener('message', onMessage);
      unsubscribe();
      resizes.disconnect();
      delete html.dataset.framed;
    };
  }, [store, allowed]);
}
