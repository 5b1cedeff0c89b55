// The part of the drawing inside the scrolling box (in SVG units), so a long run renders only the
// arrows near what is on screen. Updated once per frame at most while scrolling; null until
// measured (everything is drawn then). The drawing's place and size come from `useSvgBox` (kept
// by a ResizeObserver): only the scroll position is read, in an animation frame.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { SvgBox } from './useSvgBox';

export interface VisibleRange {
  top: number;
  bottom: number;
}

/** Ranges are rounded to this many SVG units: small scrolls do not re-render anything. */
const ROUND = 400;

export function useVisibleRange(
  scroller: RefObject<HTMLElement | null>,
  box: RefObject<SvgBox>,
  logicalWidth: number,
  enabled: boolean,
): { range: VisibleRange | null; remeasure: () => void } {
  const [range, setRange] = useState<VisibleRange | null>(null);
  const measure = useCallback(() => {
    const el = scroller.current;
    const { top: svgTop, width: measured } = box.current;
    if (!enabled || !el || measured <= 0) return;
    // Outside the whole-run view the drawing is as wide as its logical width or the box allows; a
    // width measured while it was fitted (just as that view is left, before the drawing's new size
    // is observed) would make the visible part the whole run, and draw every arrow of it.
    const width = Math.max(measured, Math.min(logicalWidth, el.clientWidth));
    const scale = logicalWidth / width;
    const offset = svgTop - el.scrollTop;
    const top = Math.floor((-offset * scale) / ROUND) * ROUND;
    const bottom = Math.ceil(((el.clientHeight - offset) * scale) / ROUND) * ROUND;
    setRange((r) => (r && r.top === top && r.bottom === bottom ? r : { top, bottom }));
  }, [scroller, box, logicalWidth, enabled]);
  useEffect(() => {
    const el = scroller.current;
    if (!enabled || !el) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          measure();
        });
      }
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
    };
  }, [scroller, measure, enabled]);
  return { range: enabled ? range : null, remeasure: measure };
}
