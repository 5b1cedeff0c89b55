// The diagram's camera: after every step change, whatever caused it, the scrolling diagram (never
// the page around it, nor a course page embedding it) scrolls so that what the step changed is in
// view (src/lab/camera.ts says where). It acts on step changes only: a manual scroll stays until
// the next one. Reads and scrolls in an animation frame, from the drawing's cached box, so a step's
// commit never forces a layout.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { scrollTarget, type FocusRange } from '../../lab/camera';
import type { SvgBox } from './useSvgBox';

export interface CameraOptions {
  /** The step shown: a change moves the camera. */
  step: number;
  /** What the step changed, in SVG units; null goes to the top. */
  focus: FocusRange | null;
  /** The drawing's logical width (SVG units across). */
  logicalWidth: number;
  /** A sticky header sits above the drawing (its height is the drawing's offset). */
  header: boolean;
  /** Glide (one step forward at normal speed); otherwise jump at once. */
  smooth: boolean;
  /** Off while the whole run is fitted into view (nothing to scroll to). */
  active: boolean;
}

/** How long after a step change a new measurement of the drawing still moves the camera. */
const SETTLE_MS = 1500;

/** Returns a callback for the drawing's new measurements: a step shown before the drawing had its
 * final size (a deep link) is brought into view once it has. */
export function useCamera(
  scroller: RefObject<HTMLElement | null>,
  box: RefObject<SvgBox>,
  { step, focus, logicalWidth, header, smooth, active }: CameraOptions,
): () => void {
  const latest = useRef({ focus, logicalWidth, header });
  // When the camera last moved for a step change: the drawing measured again soon after (the
  // first layout of a deep link, fonts, a resize) moves it again, so it aims at the real place.
  const aimedAt = useRef(-Infinity);
  useLayoutEffect(() => {
    latest.current = { focus, logicalWidth, header };
  });

  const aim = useRef((behavior: ScrollBehavior): boolean => {
    const el = scroller.current;
    const { top, width } = box.current;
    if (!el || width <= 0) return false;
    const { focus: f, logicalWidth: w, header } = latest.current;
    const k = width / w;
    const at = (v: number) => top + v * k;
    // A box that runs past the window's bottom (or top) shows only part of itself: aim at that
    // part, unless most of the box is off screen (the reader is looking elsewhere on the page).
    const rect = el.getBoundingClientRect();
    const windowHeight = el.ownerDocument.defaultView?.innerHeight ?? rect.bottom;
    const below = Math.max(0, rect.bottom - windowHeight);
    const above = Math.max(0, -rect.top);
    const cut = below + above < el.clientHeight / 2;
    const covered = Math.max(header ? top : 0, cut ? above : 0);
    const target = f
      ? scrollTarget(
          {
            top: at(f.top),
            bottom: at(f.bottom),
            context: f.context === null ? null : at(f.context),
            core: { top: at(f.core.top), bottom: at(f.core.bottom) },
          },
          {
            scrollTop: el.scrollTop,
            height: el.clientHeight - (cut ? below : 0),
            contentHeight: el.scrollHeight - (cut ? below : 0),
            covered,
          },
        )
      : 0;
    if (Math.abs(target - el.scrollTop) >= 1) el.scrollTo({ top: target, behavior });
    return true;
  });

  useEffect(() => {
    if (!active) return;
    const frame = requestAnimationFrame(() => {
      aim.current(smooth ? 'smooth' : 'auto');
      aimedAt.current = performance.now();
    });
    return () => cancelAnimationFrame(frame);
  }, [step, active, smooth]);

  // The page around the box: text above it that grows (a late font, a longer explanation beside
  // it) moves the box in the window, which decides how much of it a step can use. Only the camera
  // listens (the drawing itself did not change), and only just after a step change.
  useEffect(() => {
    const body = scroller.current?.ownerDocument.body;
    if (!body || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (active && performance.now() - aimedAt.current < SETTLE_MS) aim.current('auto');
    });
    observer.observe(body);
    return () => observer.disconnect();
  }, [scroller, active]);

  return useCallback(() => {
    if (performance.now() - aimedAt.current < SETTLE_MS) aim.current('auto');
  }, []);
}
