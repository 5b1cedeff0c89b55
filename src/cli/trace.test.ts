// Runs the real command the way a user would, through tsx, and checks what reaches stdout, stderr and
// the exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR } from '../testing/data';
import { runScenario } from '../engine/engine';
import { MAX_RETRIES, MAX_SYN_RETRIES, MIN_DURATION_MS } from '../engine/limits';
import type { Scenario } from '../engine/types';
import { parseScenario } from '../engine/validate';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CONFORMANCE = join(CONFORMANCE_DIR, 'normal-client-close.json');
const TIMEOUT_MS = 60_000;

const scenario = (JSON.parse(readFileSync(CONFORMANCE, 'utf8')) as { scenario: Scenario }).scenario;
const dir = mkdtempSync(join(tmpdir(), 'handshake-lab-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function trace(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(TSX, ['src/cli/trace.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Bad input: exit 2, nothing on stdout, one stderr line with no stack trace. */
function expectRefusal(run: ReturnType<typeof trace>, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^handshake-lab: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .*[:(]\d+/); // no "at file:line" stack frames
}

describe('npm run trace', () => {
  it(
    'prints the trace of a valid scenario file as JSON, one event per line',
    () => {
      const run = trace([file('valid.json', JSON.stringify(scenario, null, 2))]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('{"events":[');
      expect(lines[lines.length - 1]).toMatch(
        /^\],"final":\{"client":"[A-Z_]+","server":"[A-Z_]+","listener":"(?:CLOSED|LISTEN)"\}\}$/,
      );
      for (const line of lines.slice(1, -1))
        expect(JSON.parse(line.replace(/,$/, ''))).toHaveProperty('t');
      expect(JSON.parse(run.stdout)).toEqual(runScenario(scenario));
    },
    TIMEOUT_MS,
  );

  it(
    'reads the scenario from standard input given "-"',
    () => {
      const run = trace(['-'], JSON.stringify(scenario));
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(runScenario(scenario));
    },
    TIMEOUT_MS,
  );

  it(
    'refuses invalid JSON with exit 2 and one line saying where',
    () => {
      const run = trace(['-'], '{\n  "actions": [,]\n}');
      expectRefusal(run, /^handshake-lab: scenario: not valid JSON \(.*line 2 column 15\)$/m);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a scenario with a bad field, naming the field',
    () => {
      const bad = { ...scenario, actions: [{ at: -5, who: 'client', do: 'connect' }] };
      const run = trace([file('bad-field.json', JSON.stringify(bad))]);
      expectRefusal(
        run,
        /^handshake-lab: actions\[0\]\.at: must be a time from 0 to 2592000000 ms \(30 days\) \(got -5\)$/m,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a conformance file as a whole, pointing at its "scenario"',
    () => {
      expectRefusal(
        trace([CONFORMANCE]),
        /^handshake-lab: scenario: unknown field \(a conformance case\? use the object inside "scenario"\)$/m,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'reports a missing file with exit 2',
    () => {
      expectRefusal(
        trace([join(dir, 'no-such.json')]),
        /^handshake-lab: cannot read ".*no-such\.json": no such file$/m,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'stops at --max-events: exit 2, one line saying why, and no more events than the cap',
    () => {
      // The review's runaway, at the bounds: every segment lost, the smallest RTO, the most retries
      // Linux allows, three connects (each gives up after 255 SYNs).
      const runaway: Scenario = {
        profile: 'linux',
        sysctl: { tcp_syn_linear_timeouts: MAX_SYN_RETRIES },
        network: { lossRate: 1 },
        timers: {
          rtoInitialMs: MIN_DURATION_MS,
          rtoMinMs: MIN_DURATION_MS,
          rtoMaxMs: MIN_DURATION_MS,
          synRetries: MAX_SYN_RETRIES,
          synAckRetries: MAX_RETRIES,
          dataRetries: MAX_RETRIES,
        },
        actions: [
          { at: 0, who: 'server', do: 'listen' },
          ...[0, 1000, 2000].map((at) => ({ at, who: 'client' as const, do: 'connect' as const })),
        ],
      };
      expect(parseScenario(runaway).ok).toBe(true);
      expect(runScenario(runaway).events.length).toBeGreaterThan(2000);
      const run = trace(['--max-events', '1000', file('runaway.json', JSON.stringify(runaway))]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /^handshake-lab: stopped after 1,000 events \(--max-events 1000\) at [\d.]+ ms: the run goes on; set "until" in the scenario to end it sooner, or raise --max-events\n$/,
      );
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('{"events":[');
      const events = lines.slice(1);
      expect(events).toHaveLength(1000);
      expect(events.map((line) => JSON.parse(line.replace(/,$/, '')) as unknown)).toEqual(
        runScenario(runaway).events.slice(0, 1000),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a --max-events that is not a whole number of events',
    () => {
      expectRefusal(
        trace(['--max-events', '0', CONFORMANCE]),
        /^handshake-lab: --max-events: must be a whole number of events ≥ 1 \(got "0"\)$/m,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'reports a missing argument with exit 2 and the usage',
    () => {
      expectRefusal(
        trace([]),
        /^handshake-lab: missing FILE; usage: npm run -s trace -- \[--max-events N\] FILE/,
      );
    },
    TIMEOUT_MS,
  );
});
