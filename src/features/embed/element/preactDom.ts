// The web component renders with Preact (preact/compat stands in for React: vite.lib.config.ts).
// Where Preact writes a prop to the DOM otherwise than React does, and the widget relies on React's
// way, this makes it write React's. Imported by the element before anything is rendered.
//
// tabIndex: React writes the `tabindex` attribute. Preact sets SVG props as attributes under the
// prop's own name, and `setAttribute('tabIndex')` on an SVG element keeps the capital I (only HTML
// elements lower-case attribute names), so the browser ignores it: the diagram's segments, which
// are SVG groups with tabIndex={0}, could not be focused, and the inspector not opened by keyboard.
// `tabindex` is right for HTML elements too (Preact then sets the same attribute).

import { options, type VNode } from 'preact';

const previousVNodeHook = options.vnode;

options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown>;
  if (typeof vnode.type === 'string' && 'tabIndex' in props) {
    props.tabindex = props.tabIndex;
    delete props.tabIndex;
  }
  previousVNodeHook?.(vnode);
};
