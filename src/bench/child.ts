// What the bench sections that run in a child process share (ui.ts, embedFrame.ts, embedLib.ts).
// A section's module is both ends: run.ts calls its section function, which spawns the same module
// with a flag (`runChildSection`); with that flag the module measures (`runAsChild`) and prints
// progress lines and its `name: value` summary lines. A child keeps Vite, the preview server and
// the browser driver out of the bench's own peak RSS, and lets run.ts's sections stay synchronous.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root: where the children run and what they build. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const log = (line: string): void => void process.stdout.write(`${line}\n`);

export interface SectionContext {
  summary: string[];
  failed: boolean;
}

/** Where a Chromium is looked for, in the same order as playwright.config.ts. */
export function chromiumCandidates(): string[] {
  return [
    process.env.CHROMIUM_PATH ?? '',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ].filter((path) => path !== '');
}

/** The first candidate that exists; null when there is none. */
export function findChromium(candidates: readonly string[] = chromiumCandidates()): string | null {
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * The Chromium a browser section runs with, or null after saying why the section is skipped
 * (BENCH_UI=0, or none found). `missing` names the lines the section then does not print; `hint`
 * follows the list of places looked in.
 */
export function chromiumForSection(label: string, missing: string, hint = ''): string | null {
  if (process.env.BENCH_UI === '0') {
    log(`${label}: SKIPPED (BENCH_UI=0); no ${missing}`);
    return null;
  }
  const chromium = findChromium();
  if (!chromium) {
    log(
      `${label}: SKIPPED, no Chromium found (looked in ${chromiumCandidates().join(', ')}${hint}); ` +
        `no ${missing}`,
    );
  }
  return chromium;
}

export interface ChildSection {
  /** Starts the section's own lines: `ui`, `embed frame`, `web component`. */
  label: string;
  /** The section's module (its import.meta.url), spawned with `flag`. */
  moduleUrl: string;
  flag: string;
  timeoutMs: number;
  /** The child's lines that go to the summary rather than straight out. */
  isSummaryLine: (line: string) => boolean;
  /** Added to the child's environment. */
  env?: Record<string, string>;
}

/**
 * Runs a section's child and waits for it: relays its progress lines and stderr, adds its summary
 * lines to `ctx.summary`, and marks the bench failed when the child fails or times out.
 */
export function runChildSection(ctx: SectionContext, section: ChildSection): void {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(section.moduleUrl), section.flag],
    {
      cwd: ROOT,
      env: { ...process.env, ...section.env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: section.timeoutMs,
      killSignal: 'SIGTERM',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  for (const line of child.stdout.split('\n')) {
    if (line === '') continue;
    if (section.isSummaryLine(line)) ctx.summary.push(line);
    else log(line);
  }
  const stderr = child.stderr.trim();
  if (stderr !== '') for (const line of stderr.split('\n')) log(`  (stderr) ${line}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.error || child.status !== 0) {
    const why = child.error
      ? child.error.message
      : child.signal
        ? `killed by ${child.signal}`
        : `exit ${child.status}`;
    log(`${section.label}: FAILED after ${seconds} s (${why})`);
    ctx.failed = true;
  } else {
    log(`${section.label}: done in ${seconds} s`);
  }
}

/**
 * In the child (the process was started with `flag`): runs `measure` and exits, 0 when it
 * succeeded, 1 after printing `label: ERROR …` when it threw.
 */
export function runAsChild(flag: string, label: string, measure: () => Promise<void>): void {
  if (!process.argv.includes(flag)) return;
  measure().then(
    () => process.exit(0),
    (error: unknown) => {
      log(
        `${label}: ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
