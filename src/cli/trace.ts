// The headless runner: `npm run -s trace -- FILE` (or `-` for standard input) prints the scenario's
// trace as JSON (CONTRACT.md section 2). Bad input: one line on stderr, exit 2. Engine bug: exit 1.

import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { streamScenario } from '../engine/engine';
import type { FinalStates } from '../engine/types';
import { parseScenarioJson } from '../engine/validate';
import { TraceWriter } from './traceWriter';

const USAGE = 'usage: npm run -s trace -- FILE (or - for standard input)';

/** Bad input from the user: reported in one line, exit 2. */
class InputError extends Error {}

/** The reader of our output went away (e.g. `| head`): nothing left to do. */
class OutputClosed extends Error {}

async function main(args: readonly string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    writeOut(`${USAGE}\n`);
    return 0;
  }
  const [file] = args;
  if (file === undefined) throw new InputError(`missing FILE; ${USAGE}`);
  if (args.length > 1)
    throw new InputError(`expected one FILE, got ${args.length} arguments; ${USAGE}`);

  const parsed = parseScenarioJson(await readInput(file));
  if (!parsed.ok) throw new InputError(parsed.error);

  const writer = new TraceWriter(writeOut);
  let final: FinalStates;
  try {
    final = streamScenario(parsed.scenario, (event) => writer.event(event)).final;
  } catch (error) {
    if (error instanceof OutputClosed) throw error;
    report(`internal error: ${messageOf(error)}`);
    return 1;
  }
  writer.end(final);
  return 0;
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
