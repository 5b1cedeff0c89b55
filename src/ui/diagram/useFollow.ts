// Keeps the newest step in view inside the scrolling diagram, unless the user has scrolled away.
import { useEffect, useRef, type RefObject } from 'react';

export function useFollow(
  scroller: RefObject<HTMLElement | null>,
  mapY: RefObject<(y: number) => number>,
  focusY: number,
  step: number,
  smooth: boolean,
): void {
  const follow = useRef(true);
  const ours = useRef(false);
  // Starting at step 0: a diagram opened at a later step scrolls to it.
  const lastStep = useRef(0);
  const focus = useRef(focusY);
  useEffect(() => {
    focus.current = focusY;
  }, [focusY]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      if (ours.current) return;
      // The user scrolled: follow again once the newest step is back in view.
      const y = mapY.current(focus.current);
      follow.current = y >= el.scrollTop && y <= el.scrollTop + el.clientHeight;
    };
    const onEnd = () => {
      ours.current = false;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('scrollend', onEnd);
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('scrollend', onEnd);
    };
  }, [scroller, mapY]);

  useEffect(() => {
    const el = scroller.current;
    const forward = step > lastStep.current;
    lastStep.current = step;
    if (!el) return;
    if (step === 0) {
      follow.current = true;
      return;
    }
    if (!forward || !follow.current) return;
    // Read and scroll in the next animation frame, not in the middle of the step's commit: the
    // layout is then computed once, for the frame that paints the step.
    const frame = requestAnimationFrame(() => {
      const y = mapY.current(focusY);
      const view = el.clientHeight;
      const margin = Math.min(140, view / 3);
      const scrollTop = el.scrollTop;
      let target: number | null = null;
      if (y + margin > scrollTop + view) target = y + margin - view;
      else if (y - margin < scrollTop) target = Math.max(0, y - margin);
      if (target === null || Math.abs(target - scrollTop) < 2) return;
      ours.current = true;
      el.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
      if (!smooth) ours.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [scroller, mapY, focusY, step, smooth]);
}
