// The "whole run" view: the drawing shrunk so that every arrow of the run fits the diagram's box
// (the overview a teacher projects). The box's height is taken when the view is turned on and kept
// while it lasts: the drawing's size follows the box's, so a box that shrank to fit its content
// would shrink the drawing again.
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import type { SvgBox } from './useSvgBox';

export interface Fit {
  /** The scrolling box's style: its height kept, nothing to scroll. */
  scroller?: CSSProperties;
  /** The drawing's width (CSS px) at which the whole run fits, or undefined when not fitting. */
  width?: number;
}

/** Room left under the drawing, so its last arrow does not touch the box's edge. */
const SLACK = 8;

export function useFit(
  scroller: RefObject<HTMLElement | null>,
  box: RefObject<SvgBox>,
  on: boolean,
  /** The drawing's logical size (SVG units). */
  logicalWidth: number,
  logicalHeight: number,
): Fit {
  const [frame, setFrame] = useState<{ height: number; header: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!on || !el) {
      setFrame(null);
      return;
    }
    // The header's height is where the drawing starts in the box (it is the first thing in it).
    el.scrollTop = 0;
    setFrame({ height: el.clientHeight, header: box.current.top });
  }, [on, scroller, box, logicalWidth]);
  if (!on || !frame) return {};
  const room = Math.max(40, frame.height - frame.header - SLACK);
  const width = Math.min(logicalWidth, (room * logicalWidth) / Math.max(1, logicalHeight));
  return {
    scroller: { height: frame.height, maxHeight: 'none', overflowY: 'hidden' },
    width: Math.floor(width),
  };
}
