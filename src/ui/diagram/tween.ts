// The flights' animation in a few lines of requestAnimationFrame: one number tweened with
// easeInOut, as framer-motion's animateValue does for the page, for a fraction of its size (the web
// component uses it). Only the options the diagram passes are understood.

import type { AnimateOptions, Flight } from './motion';

/** framer-motion's `easeInOut`: the cubic Bézier (0.42, 0, 0.58, 1). */
export function easeInOut(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  // Solve x(u) = t for the curve's parameter u (Newton's method, then bisection if it stalls).
  const x = (u: number) => 3 * 0.42 * u * (1 - u) ** 2 + 3 * 0.58 * u * u * (1 - u) + u ** 3;
  const dx = (u: number) =>
    3 * 0.42 * (1 - u) * (1 - 3 * u) + 3 * 0.58 * u * (2 - 3 * u) + 3 * u * u;
  let u = t;
  for (let i = 0; i < 8; i++) {
    const slope = dx(u);
    if (Math.abs(slope) < 1e-6) break;
    u -= (x(u) - t) / slope;
  }
  if (!(u >= 0 && u <= 1) || Math.abs(x(u) - t) > 1e-4) {
    let low = 0;
    let high = 1;
    for (let i = 0; i < 30; i++) {
      u = (low + high) / 2;
      if (x(u) < t) low = u;
      else high = u;
    }
  }
  return 3 * u * u * (1 - u) + u ** 3;
}

export function animateValue({ keyframes, duration = 300, onUpdate }: AnimateOptions): Flight {
  const frames = keyframes;
  const from = frames[0] ?? 0;
  const to = frames[frames.length - 1] ?? from;
  let frame = 0;
  let start: number | null = null;
  const tick = (now: number) => {
    start ??= now;
    const t = duration > 0 ? Math.min(1, (now - start) / duration) : 1;
    onUpdate?.(from + (to - from) * easeInOut(t));
    if (t < 1) frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return { stop: () => cancelAnimationFrame(frame) };
}
