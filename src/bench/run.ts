// The headless benchmark (`npm run -s bench`): the engine on long workloads, with no DOM and no
// trace kept. Prints progress lines as it goes and ends with the engine's figures:
//
//   engine-events-per-second: N
//   engine-peak-rss-mb: M
//
// Those two lines stay last. A new benchmark is a new entry in SECTIONS (it may add summary lines
// to `ctx.summary`, printed just before the engine lines).
//
// A section reads a 50 MB capture with the capture reader (src/bench/pcapParse.ts). The last
// sections build the web component (src/bench/embedLib.ts), then measure the page
// (src/bench/ui.ts) and an embedded widget (src/bench/embedFrame.ts) in headless Chromium, each in
// a child process (src/bench/child.ts); the browser sections are skipped, saying so, when no
// Chromium is found or BENCH_UI=0.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { streamScenario } from '../engine/engine';
import type { TraceEvent } from '../engine/types';
import { embedLibSection } from './embedLib';
import { embedFrameSection } from './embedFrame';
import { pcapParseSection } from './pcapParse';
import { uiSection } from './ui';
import {
  connectionActions,
  type ConnectionWorkload,
  engineLines,
  workloadScenario,
} from './workload';

interface BenchContext {
  /** Engine events counted and wall time spent in the connection workloads. */
  events: number;
  seconds: number;
  /** Live heap (after a full GC) at given connection counts of the lossless workload. */
  liveHeapMb: Map<number, number>;
  /** Lines printed after every section, before the engine lines. */
  summary: string[];
  failed: boolean;
}

interface BenchSection {
  name: string;
  run: (ctx: BenchContext) => void;
}

// A full GC before each heap reading, so that readings compare live data rather than garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const mb = (bytes: number): string => (bytes / MB).toFixed(1);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const log = (line: string): void => void process.stdout.write(`${line}\n`);

function liveHeapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / MB;
}

interface WorkloadResult {
  events: number;
  seconds: number;
  results: Map<string, number>;
  states: number;
  truncated: boolean;
}

/**
 * Runs one connection workload through streamScenario, counting events without keeping them.
 * `checkpoints`: connection counts at which to read the live heap (and print progress).
 */
function runWorkload(
  label: string,
  workload: ConnectionWorkload,
  lossRate: number,
  checkpoints: readonly number[],
  onCheckpoint: (connections: number, events: number) => void,
): WorkloadResult {
  const results = new Map<string, number>();
  let states = 0;
  let connects = 0;
  let next = 0;
  let events = 0;
  const onEvent = (event: TraceEvent): void => {
    events++;
    if (event.type === 'state') {
      states++;
    } else if (event.type === 'app' && event.call === 'connect') {
      results.set(event.result, (results.get(event.result) ?? 0) + 1);
    }
  };
  // The engine pulls the next action only once it has run the previous one, so when the feed
  // hands out connect number N, the run is N connections along, in its steady state.
  function* feed() {
    for (const action of connectionActions(workload)) {
      if (action.do === 'connect') {
        connects++;
        if (next < checkpoints.length && connects === checkpoints[next]) {
          onCheckpoint(connects, events);
          next++;
        }
      }
      yield action;
    }
  }
  const started = process.hrtime.bigint();
  const summary = streamScenario(workloadScenario(lossRate, 7), onEvent, { actions: feed() });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(
    `${label}: ${int(workload.connections)} connections, ${int(summary.events)} events in ` +
      `${seconds.toFixed(2)} s (${int(summary.events / seconds)} events/s), ` +
      `simulated ${(summary.endTime / 1000).toFixed(0)} s, final ${summary.final.client}/${summary.final.server}`,
  );
  return { events: summary.events, seconds, results, states, truncated: summary.truncated };
}

function describeResults(results: Map<string, number>): string {
  return [...results].map(([result, n]) => `${result} ${int(n)}`).join(', ');
}

const LOSSLESS_CONNECTIONS = 100_000;
const LOSSY_CONNECTIONS = 50_000;
const HEAP_CHECKPOINTS = [10_000, 25_000, 50_000, 75_000, 100_000];

const SECTIONS: BenchSection[] = [
  {
    name: 'connections, no loss',
    run(ctx) {
      const r = runWorkload(
        'no loss',
        { connections: LOSSLESS_CONNECTIONS, periodMs: 20, bytes: 100 },
        0,
        HEAP_CHECKPOINTS,
        (connections, events) => {
          const heap = liveHeapMb();
          ctx.liveHeapMb.set(connections, heap);
          log(
            `  ${int(connections)} connections: ${int(events)} events, live heap ${heap.toFixed(1)} MB`,
          );
        },
      );
      log(`  connect results: ${describeResults(r.results)}; ${int(r.states)} state changes`);
      if ((r.results.get('ok') ?? 0) !== LOSSLESS_CONNECTIONS) {
        log('  FAILED: without loss every connect should succeed');
        ctx.failed = true;
      }
      ctx.events += r.events;
      ctx.seconds += r.seconds;
    },
  },
  {
    name: 'connections, 10% loss',
    run(ctx) {
      // Spread out so that lost SYNs are retried before the client sends (4 s) and closes (5 s),
      // and the close is over before the next connect (10 s) takes the port back from TIME_WAIT.
      const r = runWorkload(
        '10% loss',
        {
          connections: LOSSY_CONNECTIONS,
          periodMs: 10_000,
          bytes: 100,
          sendAfterMs: 4000,
          closeAfterMs: 5000,
        },
        0.1,
        [],
        () => {},
      );
      log(`  connect results: ${describeResults(r.results)}; ${int(r.states)} state changes`);
      ctx.events += r.events;
      ctx.seconds += r.seconds;
    },
  },
  {
    name: 'memory',
    run(ctx) {
      // The engine keeps nothing per finished connection: the live heap after 100k connections
      // must be about what it was after 10k (allowing GC noise: +50% or 4 MB).
      const at10k = ctx.liveHeapMb.get(10_000) ?? NaN;
      const at100k = ctx.liveHeapMb.get(100_000) ?? NaN;
      const flat = at100k <= Math.max(at10k * 1.5, at10k + 4);
      log(
        `memory: live heap ${at10k.toFixed(1)} MB after 10,000 connections, ` +
          `${at100k.toFixed(1)} MB after 100,000: ${flat ? 'flat' : 'GROWS'}`,
      );
      if (!flat) ctx.failed = true;
    },
  },
  {
    // The capture reader on a 50 MB pcap built from the capture fixtures (src/bench/pcapParse.ts),
    // in a child process so that the file stays out of the engine's peak RSS.
    name: 'pcap parse',
    run: pcapParseSection,
  },
  {
    // The web component's one module, built and gzipped (src/bench/embedLib.ts).
    name: 'web component',
    run: embedLibSection,
  },
  {
    // The page in headless Chromium (src/bench/ui.ts), in a child process so that its build,
    // server and browser driver stay out of this process's peak RSS. Skipped without a Chromium.
    name: 'page',
    run: uiSection,
  },
  {
    // An embed=1 widget in an iframe on another origin, in Chromium (src/bench/embedFrame.ts).
    name: 'embed frame',
    run: embedFrameSection,
  },
];

function main(): void {
  const ctx: BenchContext = {
    events: 0,
    seconds: 0,
    liveHeapMb: new Map(),
    summary: [],
    failed: false,
  };
  log(`bench: node ${process.version}, ${process.platform}/${process.arch}`);
  for (const section of SECTIONS) section.run(ctx);
  const rssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  log(
    `total: ${int(ctx.events)} events in ${ctx.seconds.toFixed(2)} s; heap now ${mb(process.memoryUsage().heapUsed)} MB`,
  );
  for (const line of ctx.summary) log(line);
  for (const line of engineLines(ctx.events / ctx.seconds, rssMb)) log(line);
  if (ctx.failed) process.exitCode = 1;
}

main();
