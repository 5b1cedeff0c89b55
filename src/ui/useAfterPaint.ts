// Work that can follow the picture: a value that takes effect only after the browser has painted
// the frame it changed in, so what the student asked for (an arrow, the first lifeline) is drawn
// first and what comes with it (a lazy panel's fetch, predict mode's result card) a frame later.
import { useEffect, useState } from 'react';

/**
 * `value`, as it was when the browser last painted a frame after it changed (`initial` until the
 * first such frame; `value` itself by default).
 */
export function useAfterPaint<T>(value: T, initial: T = value): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    // The animation frame comes just before the paint; the task it queues, just after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

/** True from the frame after `shown` first became true, and from then on. */
export function usePaintedOnce(shown: boolean): boolean {
  const [seen, setSeen] = useState(false);
  if (shown && !seen) setSeen(true);
  return useAfterPaint(seen || shown, false);
}
