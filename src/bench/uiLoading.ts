// The page's loading figures (ui.ts calls these with its own pages):
//   ui-first-diagram-vs-peer     our first lifeline's time over the peer page's first picture
//                                (../shared/peers/peerA, served here), medians of 9 interleaved cold loads
//   ui-js-before-first-diagram-kb  scripts the first lifeline waits for, gzipped: 0 when the page shows
//                                it with JavaScript off, else those requested before it
//   ui-js-before-first-step-kb     scripts requested before → first drew step 1, gzipped
//   ui-first-step-ready-ms       navigation start → the frame after → drew step 1, → pressed as soon
//                                as the page takes a key (median of 9 cold loads)
//   ui-offline-reload            after one visit, with the network cut, a reload shows and steps
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { log, ROOT } from './child';
import { freePort } from './serve';
import { gzipBytes, median } from './uiMetrics';

export interface LoadingPages {
  base: string;
  /** A fresh context (an empty cache) and a page in it, with the page bench's probe installed. */
  newPage(options?: { serviceWorkers?: 'allow' | 'block'; javaScript?: boolean }): Promise<{
    context: BrowserContext;
    page: Page;
  }>;
}

const LOADS = 9;
const LIFELINE = '[data-testid=lifeline-client]';
const COUNTER = '[data-testid=step-counter]';
/** The peer's first picture: its client node (see ../shared/peers/README.md). */
const PEER_FIRST = '#client';
const PEER_PAGE = 'tcp-handshake-visualization.html';

/** Where the peer page is: PEER_DIR, else ../shared/peers/peerA beside the project. */
export function peerDir(): string | null {
  const dir = process.env.PEER_DIR ?? join(ROOT, '..', 'shared', 'peers', 'peerA');
  return existsSync(join(dir, PEER_PAGE)) ? dir : null;
}

/** Presses → from the first moment the page takes it, once, and times when step 1 is drawn. */
const FIRST_STEP_PROBE = `(() => {
  const probe = { firstStepAt: null, firstPictureAt: null, pressedAt: null };
  window.__hlLoading = probe;
  const press = () => {
    if (probe.pressedAt !== null) return;
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    document.dispatchEvent(event);
    // Taken (the page's handler claims the key): once is enough; else try again next frame.
    if (event.defaultPrevented) probe.pressedAt = performance.now();
    else requestAnimationFrame(press);
  };
  requestAnimationFrame(press);
  new MutationObserver(() => {
    if (probe.firstPictureAt === null && document.querySelector(${JSON.stringify(`${LIFELINE}, ${PEER_FIRST}`)})) {
      const at = performance.now();
      requestAnimationFrame(() => { probe.firstPictureAt = at; });
    }
    const text = document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '';
    if (probe.firstStepAt === null && /^\\s*1\\s*\\//.test(text)) {
      probe.firstStepAt = -1;
      requestAnimationFrame(() => { probe.firstStepAt = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface LoadingProbe {
  firstStepAt: number | null;
  firstPictureAt: number | null;
  pressedAt: number | null;
}

const readLoading = (page: Page) => page.evaluate('window.__hlLoading') as Promise<LoadingProbe>;

const spread = (values: readonly number[]) =>
  `median ${median(values).toFixed(0)}, min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)} (${values.map((v) => v.toFixed(0)).join(', ')})`;

/** One cold load of our page: first picture and first step, and the scripts before each. */
async function loadOurs(pages: LoadingPages): Promise<{
  firstPictureMs: number;
  firstStepMs: number;
  jsBeforePictureKb: number;
  jsBeforeStepKb: number;
}> {
  const { context, page } = await pages.newPage({ serviceWorkers: 'block' });
  try {
    const origin = new URL(pages.base).origin;
    const scripts: { url: string; at: number }[] = [];
    const onRequest = (request: import('@playwright/test').Request) => {
      const url = request.url();
      if (new URL(url).origin !== origin || !/\.js(\?|$)/.test(new URL(url).pathname)) return;
      scripts.push({ url, at: Date.now() });
    };
    context.on('request', onRequest);
    await page.addInitScript({ content: FIRST_STEP_PROBE });
    await page.goto(pages.base);
    await page.waitForFunction('(window.__hlLoading?.firstStepAt ?? -1) > 0', undefined, {
      timeout: 30_000,
    });
    context.off('request', onRequest);
    const probe = await readLoading(page);
    const origin0 = (await page.evaluate('performance.timeOrigin')) as number;
    const bytesBefore = async (ms: number) => {
      const seen = new Set<string>();
      let total = 0;
      for (const script of scripts) {
        if (script.at > origin0 + ms || seen.has(script.url)) continue;
        seen.add(script.url);
        const body = new Uint8Array(await (await fetch(script.url)).arrayBuffer());
        total += gzipBytes(body);
      }
      return total / 1024;
    };
    return {
      firstPictureMs: probe.firstPictureAt ?? NaN,
      firstStepMs: probe.firstStepAt ?? NaN,
      jsBeforePictureKb: await bytesBefore(probe.firstPictureAt ?? 0),
      jsBeforeStepKb: await bytesBefore(probe.firstStepAt ?? 0),
    };
  } finally {
    await context.close();
  }
}

/** One cold load of the peer page: its first picture. */
async function loadPeer(pages: LoadingPages, peerBase: string): Promise<number> {
  const { context, page } = await pages.newPage({ serviceWorkers: 'block' });
  try {
    await page.addInitScript({ content: FIRST_STEP_PROBE });
    await page.goto(`${peerBase}${PEER_PAGE}`);
    await page.waitForFunction('window.__hlLoading?.firstPictureAt !== null', undefined, {
      timeout: 30_000,
    });
    return (await readLoading(page)).firstPictureAt ?? NaN;
  } finally {
    await context.close();
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves a folder as it is, as any static host would. */
async function serveFolder(dir: string): Promise<{ base: string; server: Server }> {
  const port = await freePort();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    readFile(join(dir, path)).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => {
        // The browser asks every page for a favicon and the peer has none: not an error of a page.
        response.writeHead(path.endsWith('favicon.ico') ? 204 : 404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${port}/`, server };
}

export interface LoadingFigures {
  firstDiagramVsPeer: number | null;
  jsBeforeFirstDiagramKb: number;
  jsBeforeFirstStepKb: number;
  firstStepReadyMs: number;
}

/** Whether the page shows its first lifeline with JavaScript off (its first picture is HTML). */
async function pictureWithoutScripts(pages: LoadingPages): Promise<boolean> {
  const { context, page } = await pages.newPage({ serviceWorkers: 'block', javaScript: false });
  try {
    await page.goto(pages.base);
    return (await page.locator(LIFELINE).count()) > 0;
  } finally {
    await context.close();
  }
}

/** Nine cold loads of our page, interleaved with nine of the peer's where it is there. */
export async function measureLoading(pages: LoadingPages): Promise<LoadingFigures> {
  const dir = peerDir();
  const peer = dir ? await serveFolder(dir) : null;
  if (!peer) log('  peer page not found (../shared/peers/peerA, or PEER_DIR): ratio skipped');
  try {
    const ours: Awaited<ReturnType<typeof loadOurs>>[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      ours.push(await loadOurs(pages));
      if (peer) theirs.push(await loadPeer(pages, peer.base));
    }
    const pictures = ours.map((o) => o.firstPictureMs);
    // The first picture waits for no script when the HTML has it; else for those requested first.
    const htmlPicture = await pictureWithoutScripts(pages);
    log(`  first lifeline with JavaScript off: ${htmlPicture ? 'shown' : 'not shown'}`);
    const steps = ours.map((o) => o.firstStepMs);
    log(`  our first lifeline (ms after navigation start): ${spread(pictures)}`);
    if (peer) log(`  the peer's first picture (#client): ${spread(theirs)}`);
    log(`  → drew step 1: ${spread(steps)}`);
    return {
      firstDiagramVsPeer: peer ? median(pictures) / median(theirs) : null,
      jsBeforeFirstDiagramKb: htmlPicture ? 0 : median(ours.map((o) => o.jsBeforePictureKb)),
      jsBeforeFirstStepKb: median(ours.map((o) => o.jsBeforeStepKb)),
      firstStepReadyMs: median(steps),
    };
  } finally {
    await new Promise((resolve) => peer?.server.close(resolve) ?? resolve(null));
  }
}

/** After one visit, the network cut: does a reload show and step the lesson? */
export async function measureOfflineReload(pages: LoadingPages): Promise<boolean> {
  const { context, page } = await pages.newPage({ serviceWorkers: 'allow' });
  try {
    await page.goto(pages.base);
    await page.locator(LIFELINE).waitFor({ state: 'attached', timeout: 30_000 });
    await page.evaluate(`(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    })()`);
    await context.setOffline(true);
    await page.reload();
    await page.locator(LIFELINE).waitFor({ state: 'attached', timeout: 15_000 });
    await page.waitForFunction(
      `/^\\s*0\\s*\\/\\s*[1-9]/.test(document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '')`,
      undefined,
      { timeout: 15_000 },
    );
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      `/^\\s*1\\s*\\//.test(document.querySelector(${JSON.stringify(COUNTER)})?.textContent ?? '')`,
      undefined,
      { timeout: 5_000 },
    );
    return true;
  } catch (error) {
    log(
      `  offline reload failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return false;
  } finally {
    await context.close();
  }
}
