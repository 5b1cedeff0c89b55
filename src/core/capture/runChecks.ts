// For tests: what every capture run must satisfy to be drawn by the page, and readers over it.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../testing/shared';
import { deriveRun } from '../../ui/store/derive';
import type { Run } from '../../ui/model/types';
import { TCP_STATES, type SendEvent, type Side, type TcpState, type TraceEvent } from '../types';
import type { CaptureRun } from './infer';

const SYNCHRONIZED: readonly TcpState[] = [
  'SYN_RCVD',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];

function stateName(field: string): TcpState {
  const word = field.trim().split(/\s+/)[0] ?? '';
  const name = word.replace(/-/g, '_').replace('SYN_RECEIVED', 'SYN_RCVD');
  if (!(TCP_STATES as readonly string[]).includes(name)) throw new Error(`unknown state ${field}`);
  return name as TcpState;
}

/**
 * RFC 9293's transitions (shared/reference/rfc9293-transitions.csv, read as
 * engine.property.test.ts reads it) and the trace model's additions: a listener showing LISTEN
 * again, SYN_RCVD back to LISTEN, and CLOSED from anywhere.
 */
export const ALLOWED_TRANSITIONS: ReadonlySet<string> = (() => {
  const text = readFileSync(sharedPath('reference', 'rfc9293-transitions.csv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = (header ?? '').split(',');
  const fromAt = columns.indexOf('from_state');
  const toAt = columns.indexOf('to_state');
  const allowed = new Set<string>(['CLOSED>LISTEN', 'SYN_RCVD>LISTEN']);
  for (const state of TCP_STATES) allowed.add(`${state}>CLOSED`);
  for (const row of rows) {
    const cells = row.split(',');
    const fromCell = (cells[fromAt] ?? '').trim();
    const toCell = (cells[toAt] ?? '').trim();
    const froms =
      fromCell === 'ANY'
        ? TCP_STATES
        : fromCell === 'ANY-SYNCHRONIZED'
          ? SYNCHRONIZED
          : [stateName(fromCell)];
    for (const from of froms) {
      allowed.add(`${from}>${toCell.startsWith('(unchanged)') ? from : stateName(toCell)}`);
    }
  }
  return allowed;
})();

/**
 * Problems with a capture run as the page would get it; none for a good one. Checks the time
 * order, that each segment arrives after it is sent, the steps, the state changes (each from the
 * state before, an allowed transition, except the assumed start of a connection joined late), and
 * that the page's derive step takes it.
 */
export function runProblems(result: CaptureRun): string[] {
  const run: Run = result.run;
  const problems: string[] = [];
  const sent = new Map<number, SendEvent>();
  const current: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  let lastT = 0;
  const firstStepEnd = run.causeStarts[1] ?? run.events.length;
  run.events.forEach((event, i) => {
    const at = `#${i} t=${event.t} ${event.type}`;
    if (!(event.t >= lastT)) problems.push(`${at}: before the event ahead of it (${lastT})`);
    lastT = event.t;
    if (event.type === 'send') sent.set(event.id, event);
    if (event.type === 'deliver') {
      const send = sent.get(event.id);
      if (send === undefined)
        problems.push(`${at}: delivers segment ${event.id} before it is sent`);
    }
    if (event.type === 'state') {
      if (event.from !== current[event.who]) problems.push(`${at}: from is not the state before`);
      const assumedStart =
        result.startedBeforeCapture && i < firstStepEnd && event.from === 'CLOSED';
      if (!assumedStart && !ALLOWED_TRANSITIONS.has(`${event.from}>${event.to}`)) {
        problems.push(`${at}: ${event.who} ${event.from}→${event.to} is not an allowed transition`);
      }
      current[event.who] = event.to;
    }
  });
  const starts = run.causeStarts;
  if (run.events.length > 0 && starts[0] !== 0) problems.push('the first step does not start at 0');
  starts.forEach((start, i) => {
    const next = starts[i + 1] ?? run.events.length;
    if (!(next > start)) problems.push(`step ${i + 1} is empty or out of order`);
  });
  if (current.client !== run.final.client || current.server !== run.final.server) {
    problems.push(`final ${JSON.stringify(run.final)} is not the last states`);
  }
  const derived = deriveRun(run);
  if (derived.steps.length !== starts.length) problems.push('derive made another number of steps');
  if (derived.segments.some((s) => s.deliveredAt === null)) {
    problems.push('a segment is never delivered');
  }
  return problems;
}

/** Both sides' states after each event (the first entry: before any). */
export function statesOver(events: readonly TraceEvent[]): Record<Side, TcpState>[] {
  const current: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  const out = [{ ...current }];
  for (const event of events) {
    if (event.type === 'state') current[event.who] = event.to;
    out.push({ ...current });
  }
  return out;
}

export function sendsOf(events: readonly TraceEvent[]): SendEvent[] {
  return events.filter((e): e is SendEvent => e.type === 'send');
}

/** Each side's states, in order, without repeats. */
export function stateSequence(events: readonly TraceEvent[], who: Side): TcpState[] {
  const out: TcpState[] = ['CLOSED'];
  for (const e of events) if (e.type === 'state' && e.who === who) out.push(e.to);
  return out;
}
