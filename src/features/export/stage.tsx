// A still copy of the diagram, rendered off screen at the width of the one on the page, for the
// export to read: the same component with the same props, so the same drawing, but with every
// arrow at rest (none in mid-flight, no hover), every arrow drawn (long runs draw only the visible
// part on screen) and, when asked, in the other theme (a wrapper with its own `data-theme`, whose
// colours app.css sets like the page's).

import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Diagram, type DiagramProps } from '../../ui/diagram';

export type ExportTheme = 'current' | 'light' | 'dark';

export interface Stage {
  /** The rendered `.dg` element (the diagram's scroller). */
  diagram: HTMLElement;
  dispose: () => void;
}

/** The next frame, or a moment later where frames stop (a hidden tab). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Renders the diagram into a hidden wrapper inside `container` (the widget's root, so that its
 * styles apply, in a shadow root too), `width` CSS pixels wide, and waits until it has measured
 * itself.
 */
export async function renderStage(
  props: DiagramProps,
  container: HTMLElement,
  width: number,
  theme: ExportTheme,
): Promise<Stage> {
  const wrapper = document.createElement('div');
  if (theme !== 'current') wrapper.dataset.theme = theme;
  wrapper.setAttribute('aria-hidden', 'true');
  wrapper.inert = true;
  // Off screen but laid out (not display:none, not visibility:hidden: both would be copied).
  Object.assign(wrapper.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${width}px`,
    pointerEvents: 'none',
    contain: 'layout paint',
  });
  container.append(wrapper);
  const root = createRoot(wrapper);
  const dispose = () => {
    root.unmount();
    wrapper.remove();
  };
  try {
    flushSync(() =>
      root.render(
        <Diagram
          {...props}
          reducedMotion
          animateStep={null}
          initialWidth={width}
          drawAll
          onSegmentClick={undefined}
          onDropInFlight={undefined}
        />,
      ),
    );
    const diagram = wrapper.querySelector<HTMLElement>('.dg');
    if (!diagram) throw new Error('the diagram did not render');
    // All of it: no scrolling box (and `drawAll` above draws every arrow, whatever is measured).
    diagram.style.maxHeight = 'none';
    // Let it measure its width and what is visible (ResizeObserver, a frame).
    await nextFrame();
    await nextFrame();
    return { diagram, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
