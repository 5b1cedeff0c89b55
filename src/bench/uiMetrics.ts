// Pure pieces of the page benchmark (ui.ts): the lossy run it plays, the `s=` link option, the
// statistics and the lines it prints. Kept apart so they can be unit-tested without a browser.
import { gzipSync } from 'node:zlib';
import type { Scenario } from '../engine/types';

/** The bytes the client sends in each of its four sends (1460-byte segments). */
export const LOSSY_SEND_BYTES = 90_000;

/**
 * A lossy bulk transfer long enough to stress playback: the client connects, sends 360 KB in four
 * sends over a network that loses 10% of segments, and closes; the server closes when it reads
 * the FIN. With seed 11 the engine sends 547 segments (72 lost) in 609 causes (567 steps on the
 * page) and both sides end CLOSED (uiMetrics.test.ts checks it).
 */
export function lossyPlaybackScenario(): Scenario {
  return {
    title: 'bench: lossy bulk transfer',
    profile: 'linux',
    seed: 11,
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000, closeOnEof: true },
    network: { delayMs: 1, lossRate: 0.1 },
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 10, who: 'client', do: 'connect' },
      { at: 100, who: 'client', do: 'send', bytes: LOSSY_SEND_BYTES },
      { at: 150, who: 'client', do: 'send', bytes: LOSSY_SEND_BYTES },
      { at: 200, who: 'client', do: 'send', bytes: LOSSY_SEND_BYTES },
      { at: 250, who: 'client', do: 'send', bytes: LOSSY_SEND_BYTES },
      { at: 400, who: 'client', do: 'close' },
    ],
  };
}

/** The contract's `s=` URL option: base64url (no padding) of the scenario's JSON, UTF-8. */
export function scenarioParam(scenario: Scenario): string {
  return Buffer.from(JSON.stringify(scenario), 'utf8').toString('base64url');
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Size of a body gzipped at level 9, in bytes. */
export function gzipBytes(body: Uint8Array): number {
  return gzipSync(body, { level: 9 }).length;
}

/** Kilobytes (1024 bytes), one decimal. */
export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

/** `N / M` of the step counter, or null when it reads otherwise. */
export function parseStepCounter(text: string): { step: number; total: number } | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  return match ? { step: Number(match[1]), total: Number(match[2]) } : null;
}

export interface UiFigures {
  initialJsGzipKb: number;
  firstDiagramMs: number;
  stepLatencyMs: number;
  /** The same in predict mode ("show me" plays a step a question holds). */
  stepLatencyPredictMs: number;
  longTasksWhilePlaying: number;
  /** Overlapping pairs of the diagram's texts at the ends of the lessons, every lesson and size. */
  layoutOverlaps: number;
  /** Steps after which an arrow the step added or changed was out of view, every lesson and size. */
  hiddenSteps: number;
  /** Our first lifeline's median time over the peer page's first picture's; null: no peer page. */
  firstDiagramVsPeer: number | null;
  jsBeforeFirstDiagramKb: number;
  jsBeforeFirstStepKb: number;
  firstStepReadyMs: number;
  /** After one visit, with the network cut, a reload showed and stepped the lesson. */
  offlineReload: boolean;
  /** The longest main-thread task loading and driving the heaviest inputs (uiWorstInput.ts). */
  longestTaskWorstInputMs: number;
}

/** The page's summary lines, in the exact form callers parse; a figure not measured is left out. */
export function uiLines(figures: Partial<UiFigures>): string[] {
  const lines: string[] = [];
  const add = (name: string, value: number | undefined, digits: number): void => {
    if (value !== undefined && Number.isFinite(value))
      lines.push(`${name}: ${value.toFixed(digits)}`);
  };
  add('ui-initial-js-gzip-kb', figures.initialJsGzipKb, 1);
  add('ui-first-diagram-ms', figures.firstDiagramMs, 0);
  if (figures.firstDiagramVsPeer === null) {
    lines.push('ui-first-diagram-vs-peer: skipped (no peer page)');
  } else {
    add('ui-first-diagram-vs-peer', figures.firstDiagramVsPeer, 2);
  }
  add('ui-js-before-first-diagram-kb', figures.jsBeforeFirstDiagramKb, 1);
  add('ui-js-before-first-step-kb', figures.jsBeforeFirstStepKb, 1);
  add('ui-first-step-ready-ms', figures.firstStepReadyMs, 0);
  if (figures.offlineReload !== undefined) {
    lines.push(`ui-offline-reload: ${figures.offlineReload ? 'ok' : 'failed'}`);
  }
  add('ui-step-latency-ms', figures.stepLatencyMs, 1);
  add('ui-step-latency-predict-ms', figures.stepLatencyPredictMs, 1);
  add('ui-long-tasks-while-playing', figures.longTasksWhilePlaying, 0);
  add('ui-layout-overlaps', figures.layoutOverlaps, 0);
  add('ui-hidden-steps', figures.hiddenSteps, 0);
  add('ui-longest-task-ms-worst-input', figures.longestTaskWorstInputMs, 0);
  return lines;
}

/** A summary line of the page bench (`ui-…: value`), as opposed to its progress lines. */
export function isUiSummaryLine(line: string): boolean {
  return /^ui-[a-z-]+: (\S+|skipped \(.*\))$/.test(line);
}
