// Where a lab widget lives: the whole page (the app; no host given), or the shadow root of a
// <handshake-lab> element on a course page, next to other widgets. What is global for the page
// (the document's theme and language, keys pressed anywhere, looking elements up by id) must be
// the widget's own in an element: these helpers give each component the right place.

import { createContext, useContext } from 'react';

export interface LabHost {
  /** The custom element: it carries the widget's `data-theme` (its shadow styles read it). */
  element: HTMLElement;
  /** The widget's root in the shadow root (React's container). */
  root: HTMLElement;
}

/** null: the widget is the whole page. */
export const LabHostContext = createContext<LabHost | null>(null);

export function useLabHost(): LabHost | null {
  return useContext(LabHostContext);
}

/** The element whose `data-theme` sets the widget's colours: <html>, or the custom element. */
export function themeElementOf(host: LabHost | null): HTMLElement {
  return host?.element ?? document.documentElement;
}

/**
 * Where the widget's keyboard shortcuts are heard: anywhere on the page, or inside the widget (its
 * shadow root, above React's container, so that a component stopping a key's propagation, as
 * the inspector does, keeps it from the shortcuts as it does on the page).
 */
export function keyTargetOf(host: LabHost | null): EventTarget {
  return host ? rootNodeOf(host) : window;
}

/** Where to look the widget's elements up by id: the document, or the element's shadow root. */
export function rootNodeOf(host: LabHost | null): Document | ShadowRoot {
  const node = host?.root.getRootNode();
  return node instanceof ShadowRoot ? node : document;
}

/**
 * What has focus, seen from `node`'s tree: inside a shadow root the document only knows the host,
 * the shadow root knows which of its elements it is.
 */
export function activeElementNear(node: Node | null): Element | null {
  const root = node?.getRootNode();
  return root instanceof ShadowRoot ? root.activeElement : document.activeElement;
}
