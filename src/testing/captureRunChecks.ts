// For tests: what every capture run must satisfy to be drawn by the page, and readers over it.
import { deriveRun } from '../lab/derive';
import type { Run } from '../lab/types';
import { isTransition } from '../engine/transitions';
import type { SendEvent, SocketOwner, TcpState, TraceEvent } from '../engine/types';
import type { CaptureRun } from '../capture/infer';

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
  const current: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
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
      // A connection the listener makes starts from LISTEN, whatever the last one ended in.
      const newSocket = event.who === 'server' && event.from === 'LISTEN';
      if (event.from !== current[event.who] && !newSocket) {
        problems.push(`${at}: from is not the state before`);
      }
      const assumedStart =
        result.startedBeforeCapture && i < firstStepEnd && event.from === 'CLOSED';
      if (!assumedStart && !isTransition(event.from, event.to)) {
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
  if (
    current.client !== run.final.client ||
    current.server !== run.final.server ||
    current.listener !== run.final.listener
  ) {
    problems.push(`final ${JSON.stringify(run.final)} is not the last states`);
  }
  const derived = deriveRun(run);
  if (derived.steps.length !== starts.length) problems.push('derive made another number of steps');
  if (derived.segments.some((s) => s.deliveredAt === null)) {
    problems.push('a segment is never delivered');
  }
  return problems;
}

/** Each socket's state after each event (the first entry: before any). */
export function statesOver(events: readonly TraceEvent[]): Record<SocketOwner, TcpState>[] {
  const current: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
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
export function stateSequence(events: readonly TraceEvent[], who: SocketOwner): TcpState[] {
  const out: TcpState[] = ['CLOSED'];
  for (const e of events) if (e.type === 'state' && e.who === who) out.push(e.to);
  return out;
}
