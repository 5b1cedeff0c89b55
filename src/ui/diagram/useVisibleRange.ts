// The part of the drawing inside the scrolling box (in SVG units), so a long run renders only the
// arrows near what is on screen. Updated once per frame at most while scrolling; null until
// measured (everything is drawn then).
import { useEffect, useState, type RefObject } from 'react';

export interface VisibleRange {
  top: number;
  bottom: number;
}

export function useVisibleRange(
  scroller: RefObject<HTMLElement | null>,
  svg: RefObject<SVGSVGElement | null>,
  logicalWidth: number,
  enabled: boolean,
): VisibleRange | null {
  const [range, setRange] = useState<VisibleRange | null>(null);
  useEffect(() => {
    const box = scroller.current;
    if (!enabled || !box) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = svg.current;
      if (!el) return;
      const scale = logicalWidth / Math.max(1, el.clientWidth);
      const offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
      const top = Math.floor((-offset * scale) / 400) * 400;
      const bottom = Math.ceil(((box.clientHeight - offset) * scale) / 400) * 400;
      // Rounded to 400 units: small scrolls do not re-render anything.
      setRange((r) => (r && r.top === top && r.bottom === bottom ? r : { top, bottom }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    box.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      box.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [scroller, svg, logicalWidth, enabled]);
  return enabled ? range : null;
}
