// framer-motion, loaded after the first diagram: the arrows' flights use its `animateValue`, but the
// first picture (step 0, no arrow in flight) needs none of it, so it is its own chunk, fetched once
// the diagram is on screen. A flight asked for before the chunk arrives starts when it does (or is
// drawn at its end if it cannot be loaded). `useReducedMotion` is a small matchMedia hook of our own.

import { useEffect, useSyncExternalStore } from 'react';
import type { animateValue as AnimateValue } from 'framer-motion';

type MotionModule = { animateValue: typeof AnimateValue };
type AnimateOptions = Parameters<typeof AnimateValue>[0];

/** What a started flight gives back: enough to stop it. */
export interface Flight {
  stop: () => void;
}

let motion: MotionModule | null = null;
let loading: Promise<MotionModule> | null = null;

/** Loads framer-motion once (later calls share the promise). */
export function loadMotion(): Promise<MotionModule> {
  loading ??= import('./motionChunk').then(
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
