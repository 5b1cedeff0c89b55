// The headless runner: `npm run -s trace -- FILE` (or `-` for standard input) prints the scenario's
// trace as JSON (CONTRACT.md section 2). Bad input: one line on stderr, exit 2. Engine bug: exit 1.
// A run past `--max-events` (the page's cap unless told) or whose clock stalls stops there: what
// was printed stays, with one line on stderr saying why, exit 2.

import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type RunSummary, stalledReason, streamScenario } from '../engine/engine';
import { EVENT_CAP } from '../engine/limits';
import { parseScenarioJson } from '../engine/validate';
import { TraceWriter } from './traceWriter';

const USAGE = 'usage: npm run -s trace -- [--max-events N] FILE (or - for standard input)';

/** Bad input from the user: reported in one line, exit 2. */
class InputError extends Error {}

/** The reader of our output went away (e.g. `| head`): nothing left to do. */
class OutputClosed extends Error {}

async function main(args: readonly string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    writeOut(`${USAGE}\n`);
    return 0;
  }
  const { maxEvents, files } = options(args);
  const [file] = files;
  if (file === undefined) throw new InputError(`missing FILE; ${USAGE}`);
  if (files.length > 1)
    throw new InputError(`expected one FILE, got ${files.length} arguments; ${USAGE}`);

  const parsed = parseScenarioJson(await readInput(file));
  if (!parsed.ok) throw new InputError(parsed.error);

  const writer = new TraceWriter(writeOut);
  let printed = 0;
  let summary: RunSummary;
  try {
    // The engine checks its cap between causes, and one cause may emit several events: the
    // last one may go past it, but no more than the cap is printed.
    summary = streamScenario(
      parsed.scenario,
      (event) => {
        if (printed < maxEvents) writer.event(event);
        printed++;
      },
      { maxEvents },
    );
  } catch (error) {
    if (error instanceof OutputClosed) throw error;
    report(`internal error: ${messageOf(error)}`);
    return 1;
  }
  if (summary.end === 'stalled') {
    writer.cut();
    throw new InputError(stalledReason(summary.endTime));
  }
  if (summary.truncated || printed > maxEvents) {
    writer.cut();
    const cap = maxEvents.toLocaleString('en');
    throw new InputError(
      `stopped after ${cap} events (--max-events ${maxEvents}) at ${summary.endTime} ms: the run goes on; set "until" in the scenario to end it sooner, or raise --max-events`,
    );
  }
  writer.end(summary.final);
  return 0;
}

/** The command line: `--max-events N` (or `--max-events=N`) anywhere, and the rest files. */
function options(args: readonly string[]): { maxEvents: number; files: string[] } {
  let maxEvents = EVENT_CAP;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--max-events' || arg.startsWith('--max-events=')) {
      const value = arg === '--max-events' ? args[++i] : arg.slice('--max-events='.length);
      maxEvents = eventCap(value);
    } else if (arg.startsWith('--')) {
      throw new InputError(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  return { maxEvents, files };
}

function eventCap(value: string | undefined): number {
  const n = value !== undefined && /^[1-9]\d*$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(n)) return n;
  const got = value === undefined ? 'nothing' : JSON.stringify(value.slice(0, 40));
  throw new InputError(`--max-events: must be a whole number of events ≥ 1 (got ${got})`);
}

async function readInput(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer); // no encoding set: Buffers
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    const what = file === '-' ? 'standard input' : JSON.stringify(file);
    throw new InputError(`cannot read ${what}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = codeOf(error);
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
  };
  return (code !== undefined ? known[code] : undefined) ?? messageOf(error);
}

// Standard output is written synchronously: the engine streams events from a synchronous loop, so
// this is the only way a slow reader can hold it back and keep memory flat (process.stdout.write
// would queue the whole trace in memory behind a pipe). Everything is on the wire before exit.
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeOut(text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EPIPE') throw new OutputClosed();
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 2); // a non-blocking pipe is full: give the reader a moment
    }
  }
}

function report(message: string): void {
  process.stderr.write(`handshake-lab: ${message.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n`);
}

function codeOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Set exitCode rather than calling process.exit() so stderr drains before the process ends.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof OutputClosed) {
      process.exitCode = 0;
    } else if (error instanceof InputError) {
      report(error.message);
      process.exitCode = 2;
    } else {
      report(`internal error: ${messageOf(error)}`);
      process.exitCode = 1;
    }
  },
);
