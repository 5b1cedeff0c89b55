// A worker started from a copy of its script, for a page that may start none from a URL (a frame
// sandboxed without `allow-same-origin`: ./spawn.ts). Our worker bundles import nothing and export
// nothing (each is one self-contained file), so the copy runs as a classic script, in strict mode
// as a module would: Chromium starts no module worker from a blob: URL in an opaque origin.

/**
 * The blob: URL of each script's copy, fetched once: a worker ended (a run no longer wanted) is
 * started again from it. Kept for the page's life, one per worker script.
 */
const copies = new Map<string, Promise<string>>();

/** A worker running a blob: copy of the script at `url`; rejects, saying what to allow, if it cannot. */
export async function startFromCopy(url: string): Promise<Worker> {
  let copy = copies.get(url);
  if (!copy) {
    copy = copyOf(url);
    copies.set(url, copy);
    // A failed fetch is tried again by the next worker.
    copy.catch(() => copies.delete(url));
  }
  return new Worker(await copy);
}

async function copyOf(url: string): Promise<string> {
  let code: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    code = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `this frame is sandboxed without allow-same-origin and the worker's script could not be ` +
        `fetched (${reason}); the page that embeds the lab must allow it: ` +
        `sandbox="allow-scripts allow-same-origin"`,
      { cause: error },
    );
  }
  return URL.createObjectURL(new Blob([`'use strict';\n${code}`], { type: 'text/javascript' }));
}
