// The web component's size (issue 4, "Performance"): builds it as `npm run build:lib` does, into a
// temporary directory, and reports
//
//   embed-lib-js-gzip-kb: N    dist-lib/handshake-lab.js gzipped (-9), in kB (aim: at most 110)
//
// The build must be that one file and nothing else (a course page includes only it); anything more
// fails the bench. Like the page bench (ui.ts) it runs in a child process (this file with
// --embed-lib-child), so that the bench's sections stay synchronous and Vite stays out of its RSS.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipBytes, kb } from './uiMetrics';

const CHILD_FLAG = '--embed-lib-child';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LIB_FILE = 'handshake-lab.js';
const LIB_AIM_KB = 110;
const CHILD_TIMEOUT_MS = 120_000;

const log = (line: string): void => void process.stdout.write(`${line}\n`);

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

export interface EmbedLibContext {
  summary: string[];
  failed: boolean;
}

/** The bench section: builds the component in a child process and relays what it prints. */
export function embedLibSection(ctx: EmbedLibContext): void {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: CHILD_TIMEOUT_MS },
  );
  for (const line of child.stdout.split('\n')) {
    if (line === '') continue;
    if (isEmbedLibLine(line)) ctx.summary.push(line);
    else log(line);
  }
  const stderr = child.stderr.trim();
  if (stderr !== '') for (const line of stderr.split('\n')) log(`  (stderr) ${line}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.error || child.status !== 0) {
    log(
      `web component: FAILED after ${seconds} s (${child.error?.message ?? `exit ${child.status}`})`,
    );
    ctx.failed = true;
  } else {
    log(`web component: done in ${seconds} s`);
  }
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
