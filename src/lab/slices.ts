// Work on a long run in slices. Deriving what the page draws from a run of hundreds of thousands
// of events takes seconds; done in one go, it would freeze the page for all of that time. Such
// work is written once, as a generator that offers to pause every so often (`Work`), and is either
// finished at once (`finish`: tests, the CLI, short runs) or driven in slices of a few
// milliseconds, giving the page back in between (`inSlices`), so that the page keeps answering
// while a long run is prepared.

/** Work that may pause wherever it yields, and returns its result at the end. */
export type Work<T> = Generator<undefined, T, undefined>;

/** Runs work to its end at once. */
export function finish<T>(work: Work<T>): T {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
  }
}

/**
 * A counter for loops: true every `every` calls, when the loop should `yield` (a loop body is
 * far cheaper than looking at the clock, so the clock is read only at the pauses).
 */
export function pauses(every = 2048): () => boolean {
  let left = every;
  return () => {
    if (--left > 0) return false;
    left = every;
    return true;
  };
}

export interface SliceClock {
  /** Milliseconds, for measuring a slice. */
  now(): number;
  /** Gives the page back until its next task (a timer, a message): the page paints and answers. */
  yieldToPage(): Promise<void>;
}

/**
 * Drives work in slices of about `budgetMs`, giving the page back between them. `stillWanted`
 * is asked at every pause: when it says no (a newer run arrived), the work is dropped and the
 * promise resolves to null.
 */
export async function inSlices<T>(
  work: Work<T>,
  clock: SliceClock,
  {
    budgetMs = 12,
    stillWanted = () => true,
  }: { budgetMs?: number; stillWanted?: () => boolean } = {},
): Promise<T | null> {
  let sliceStart = clock.now();
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
    if (clock.now() - sliceStart < budgetMs) continue;
    await clock.yieldToPage();
    if (!stillWanted()) {
      work.return(undefined as never);
      return null;
    }
    sliceStart = clock.now();
  }
}
