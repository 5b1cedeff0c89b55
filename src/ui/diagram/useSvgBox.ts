// Where the drawing sits inside its scrolling box, kept by a ResizeObserver: following the newest
// step and choosing the arrows to draw then never read the drawing's geometry in the middle of a
// step (a forced synchronous layout of the whole drawing).
import { useLayoutEffect, useRef, type RefObject } from 'react';

export interface SvgBox {
  /** The SVG's top in the scroller's content (CSS px, scroll position included). */
  top: number;
  /** The SVG's rendered width (CSS px); 0 until measured. */
  width: number;
}

/** A ref to the drawing's box; `onChange` is called after each new measurement. */
export function useSvgBox(
  scroller: RefObject<HTMLElement | null>,
  svg: RefObject<SVGSVGElement | null>,
  onChange?: () => void,
): RefObject<SvgBox> {
  const box = useRef<SvgBox>({ top: 0, width: 0 });
  const notify = useRef(onChange);
  useLayoutEffect(() => {
    notify.current = onChange;
  });
  useLayoutEffect(() => {
    const el = scroller.current;
    const drawing = svg.current;
    if (!el || !drawing) return;
    // Called on mount and from the observer, after layout: nothing is forced.
    const measure = () => {
      const top = drawing.getBoundingClientRect().top - el.getBoundingClientRect().top;
      box.current = { top: top + el.scrollTop, width: drawing.clientWidth };
      notify.current?.();
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(drawing);
    // Whatever sits above the drawing (the state header): its height moves the drawing.
    const above = el.firstElementChild;
    if (above && !above.contains(drawing)) observer.observe(above);
    return () => observer.disconnect();
  }, [scroller, svg]);
  return box;
}
