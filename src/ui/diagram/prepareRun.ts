// A long run prepared for the page in slices: the lab's derivation and the diagram's own model,
// a few milliseconds at a time, the page answering in between (../../lab/slices.ts). The lab's
// dependencies offer it as `deriveInSlices`.
import { deriveRunWork, type Derived } from '../../lab/derive';
import { inSlices, type SliceClock, type Work } from '../../lab/slices';
import type { TimeScale } from '../../lab/timeAxis';
import type { Run } from '../../lab/types';
import { prepareDiagram } from './diagramModel';

/** Slices of this many ms leave the page a frame's worth of room between them. */
const SLICE_MS = 12;

/**
 * Gives the page back through a message to itself: unlike a 0 ms timer, it is not held back to
 * 4 ms after a few in a row, and unlike a frame it does not wait for the next paint.
 */
export function pageClock(): SliceClock {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    now: () => performance.now(),
    yieldToPage: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
  };
}

function* runAndDiagram(run: Run, timeScale: TimeScale): Work<Derived> {
  const derived = yield* deriveRunWork(run);
  yield* prepareDiagram(derived, timeScale);
  return derived;
}

export async function deriveInSlices(
  run: Run,
  { timeScale, stillWanted }: { timeScale: TimeScale; stillWanted: () => boolean },
): Promise<Derived | null> {
  const clock = pageClock();
  // Started from the page's next task: the state saying "preparing" is painted first.
  await clock.yieldToPage();
  if (!stillWanted()) return null;
  return inSlices(runAndDiagram(run, timeScale), clock, { budgetMs: SLICE_MS, stillWanted });
}

/** Gives the page back until the browser is idle (or a moment passes, where it never says so). */
function idleClock(): SliceClock {
  return {
    now: () => performance.now(),
    yieldToPage: () =>
      new Promise<void>((resolve) => {
        // With a deadline: a page left alone may never be called idle (headless Chromium).
        if (typeof requestIdleCallback === 'function')
          requestIdleCallback(() => resolve(), { timeout: 500 });
        else setTimeout(resolve, 50);
      }),
  };
}

/**
 * Does work ahead while the page is idle, a few milliseconds at a time (what a later jump will
 * need: the call tags, the explanations' checkpoints); returns a function that stops it.
 */
export function whileIdle(work: Work<void>): () => void {
  let wanted = true;
  const clock = idleClock();
  void clock
    .yieldToPage()
    .then(() =>
      wanted ? inSlices(work, clock, { budgetMs: 6, stillWanted: () => wanted }) : null,
    );
  return () => {
    wanted = false;
  };
}
