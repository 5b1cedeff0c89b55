// The web component's size: builds it as `npm run build:lib` does, into a
// temporary directory, and reports
//
//   embed-lib-js-gzip-kb: N    dist-lib/handshake-lab.js gzipped (-9), in kB (aim: at most 110)
//
// The build must be that one file and nothing else (a course page includes only it); anything more
// fails the bench. Like the page bench (ui.ts) it runs in a child process (this file with
// --embed-lib-child, see child.ts), so that the bench's sections stay synchronous and Vite stays
// out of its RSS.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, ROOT, runChildSection, type SectionContext } from './child';
import { gzipBytes, kb } from './uiMetrics';

const CHILD_FLAG = '--embed-lib-child';
export const LIB_FILE = 'handshake-lab.js';
const LIB_AIM_KB = 110;
const CHILD_TIMEOUT_MS = 120_000;

/** The summary line, in the form the other `name: value` lines have. */
export function embedLibLine(gzipBytesOfLib: number): string {
  return `embed-lib-js-gzip-kb: ${kb(gzipBytesOfLib)}`;
}

export function isEmbedLibLine(line: string): boolean {
  return /^embed-lib-js-gzip-kb: \d+(\.\d+)?$/.test(line);
}

/** What is wrong with a build that should be the one module, or null when it is just that. */
export function libFilesProblem(files: readonly string[]): string | null {
  if (!files.includes(LIB_FILE)) return `no ${LIB_FILE} in the build`;
  const others = files.filter((file) => file !== LIB_FILE);
  return others.length === 0 ? null : `more than one file: ${others.join(', ')}`;
}

/** The bench section: builds the component in a child process and relays what it prints. */
export function embedLibSection(ctx: SectionContext): void {
  runChildSection(ctx, {
    label: 'web component',
    moduleUrl: import.meta.url,
    flag: CHILD_FLAG,
    timeoutMs: CHILD_TIMEOUT_MS,
    isSummaryLine: isEmbedLibLine,
  });
}

async function measure(): Promise<void> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'handshake-lab-lib-'));
  try {
    await build({
      configFile: join(ROOT, 'vite.lib.config.ts'),
      root: ROOT,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const problem = libFilesProblem(readdirSync(outDir));
    if (problem !== null) throw new Error(`web component build: ${problem}`);
    const body = readFileSync(join(outDir, LIB_FILE));
    const gzipped = gzipBytes(body);
    log(
      `web component: ${LIB_FILE} ${kb(body.length)} kB, ${kb(gzipped)} kB gzipped ` +
        `(aim: at most ${LIB_AIM_KB}${gzipped / 1024 > LIB_AIM_KB ? ', OVER' : ''})`,
    );
    log(embedLibLine(gzipped));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  measure().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
