// The arrows' flights: one number tweened from the segment's start to its end. The first picture
// (step 0, no arrow in flight) needs no animation code, so whoever composes the lab says where it
// comes from (`provideMotion`: framer-motion's animateValue on the page, a small tween of our own in
// a web component), and it is fetched once the diagram is on screen. A flight asked for before it
// arrives starts when it does, or is drawn at its end if it cannot be loaded (or none was
// provided). `useReducedMotion` is a small matchMedia hook of our own.

import { useEffect, useSyncExternalStore } from 'react';

/** The options a flight is started with (a subset of framer-motion's `animateValue`'s). */
export interface AnimateOptions {
  keyframes: number[];
  /** Milliseconds. */
  duration?: number;
  ease?: 'easeInOut';
  onUpdate?: (value: number) => void;
  onComplete?: () => void;
}

export interface MotionModule {
  animateValue: (options: AnimateOptions) => Flight;
}

/** What a started flight gives back: enough to stop it. */
export interface Flight {
  stop: () => void;
}

let motion: MotionModule | null = null;
let loading: Promise<MotionModule> | null = null;
let source: () => Promise<MotionModule> = () => Promise.reject(new Error('no motion provided'));

/** Where the flights' animation code comes from (call once, before the first diagram). */
export function provideMotion(load: () => Promise<MotionModule>): void {
  source = load;
}

/** Loads the animation code once (later calls share the promise). */
export function loadMotion(): Promise<MotionModule> {
  loading ??= source().then(
    (m) => (motion = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** framer-motion's `animateValue`, started now if it is loaded, else as soon as it is. */
export function animateValue(options: AnimateOptions): Flight {
  if (motion) return motion.animateValue(options);
  let stopped = false;
  let flight: Flight | null = null;
  loadMotion().then(
    (m) => {
      if (!stopped) flight = m.animateValue(options);
    },
    () => {
      // No animation library: show where the flight ends.
      const keyframes = options.keyframes;
      const last = Array.isArray(keyframes) ? keyframes[keyframes.length - 1] : keyframes;
      if (!stopped && last != null) options.onUpdate?.(last as never);
    },
  );
  return {
    stop() {
      stopped = true;
      flight?.stop();
    },
  };
}

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = globalThis.matchMedia?.(QUERY);
  if (!list) return () => {};
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const prefersReduced = (): boolean | null => globalThis.matchMedia?.(QUERY).matches ?? null;
const noPreference = (): null => null;

/**
 * Whether the browser asks for reduced motion (null where it cannot say, e.g. on a server), as
 * framer-motion's hook of that name. Mounting it (the diagram does, once it has something to draw)
 * also fetches framer-motion, in a later task than the first diagram's.
 */
export function useReducedMotion(): boolean | null {
  useEffect(() => {
    if (motion) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => void loadMotion().catch(() => {}), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return useSyncExternalStore(subscribe, prefersReduced, noPreference);
}
