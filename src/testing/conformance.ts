// Compares a trace with what a real kernel did (CONTRACT.md section 3). Returns the differences
// in words, so a failing case says exactly where the engine and the kernel part ways.
import { Incarnations } from '../engine/incarnations';
import type {
  AppResult,
  Scenario,
  Side,
  SocketOwner,
  TcpOption,
  TcpState,
  Trace,
} from '../engine/types';

export interface WireEntry {
  from: Side;
  flags: string;
  len: number;
  seq?: number;
  seqAbs?: number;
  ack?: number;
}

export interface ConformanceCase {
  name?: string;
  scenario: Scenario;
  expect: {
    checkpoints?: ({ at: number } & Partial<Record<SocketOwner, TcpState>>)[];
    wire?: WireEntry[];
    lastAck?: Partial<Record<Side, number>>;
    results?: { who: SocketOwner; call: string; result: AppResult }[];
    /** The kinds of option, in order, in each side's first SYN (or SYN+ACK). */
    synOptions?: Partial<Record<Side, TcpOption['kind'][]>>;
  };
}

/** A segment as the contract's wire rule sees it: numbers relative to the current ISNs. */
export interface WireSegment {
  from: Side;
  flags: string[];
  len: number;
  seq: number;
  seqAbs: number;
  ack: number | null;
}

export function statesAt(trace: Trace, at: number): Record<SocketOwner, TcpState> {
  const states: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
  for (const event of trace.events) {
    if (event.t > at) break;
    if (event.type === 'state') states[event.who] = event.to;
  }
  return states;
}

/** The segments rule 2 compares, with each side's last acknowledgement number (rule 3). */
export function wireOf(trace: Trace): {
  wire: WireSegment[];
  lastAck: Partial<Record<Side, number>>;
} {
  const faultDropped = new Set<number>();
  for (const event of trace.events) {
    if (event.type === 'drop' && event.reason === 'fault') faultDropped.add(event.id);
  }
  const numbering = new Incarnations();
  const lastAck: Partial<Record<Side, number>> = {};
  const wire: WireSegment[] = [];
  for (const event of trace.events) {
    if (event.type !== 'send') continue;
    const { relSeq, relAck: ack } = numbering.send(event);
    if (ack !== null && event.injected !== true) lastAck[event.who] = ack;
    if (faultDropped.has(event.id)) continue;
    const interesting =
      event.len > 0 || event.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
    if (!interesting) continue;
    wire.push({
      from: event.who,
      flags: event.flags.filter((f) => f !== 'PSH'),
      len: event.len,
      seq: relSeq,
      seqAbs: event.seq,
      ack,
    });
  }
  return { wire, lastAck };
}

function sameFlags(actual: string[], expected: string): boolean {
  const want = expected
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== 'PSH' && f !== '');
  return want.length === actual.length && want.every((f) => actual.includes(f));
}

function describe(s: WireSegment): string {
  return `${s.flags.join(',')} seq=${s.seq} ack=${s.ack ?? '-'} len=${s.len}`;
}

export function checkConformance(c: ConformanceCase, trace: Trace): string[] {
  const problems: string[] = [];
  for (const point of c.expect.checkpoints ?? []) {
    const states = statesAt(trace, point.at);
    for (const side of ['client', 'server', 'listener'] as const) {
      const want = point[side];
      if (want !== undefined && states[side] !== want) {
        problems.push(`at ${point.at} ms the ${side} is ${states[side]}, the kernel was ${want}`);
      }
    }
  }
  const { wire, lastAck } = wireOf(trace);
  for (const side of ['client', 'server'] as const) {
    const expected = (c.expect.wire ?? []).filter((w) => w.from === side);
    if (c.expect.wire === undefined) continue;
    const actual = wire.filter((w) => w.from === side);
    expected.forEach((want, i) => {
      const got = actual[i];
      if (got === undefined) {
        problems.push(`${side} segment ${i + 1} (${want.flags}) was never sent`);
        return;
      }
      const bad =
        !sameFlags(got.flags, want.flags) ||
        got.len !== want.len ||
        (want.seq !== undefined && got.seq !== want.seq) ||
        (want.seqAbs !== undefined && got.seqAbs !== want.seqAbs) ||
        (want.ack !== undefined && got.ack !== want.ack);
      if (bad) {
        problems.push(
          `${side} segment ${i + 1}: sent ${describe(got)}, the kernel sent ${JSON.stringify(want)}`,
        );
      }
    });
    for (const extra of actual.slice(expected.length)) {
      problems.push(`${side} sent an extra segment the kernel did not: ${describe(extra)}`);
    }
  }
  for (const side of ['client', 'server'] as const) {
    const want = c.expect.lastAck?.[side];
    if (want !== undefined && lastAck[side] !== want) {
      problems.push(`the ${side}'s last ACK was ${lastAck[side] ?? 'none'}, the kernel's ${want}`);
    }
  }
  for (const side of ['client', 'server'] as const) {
    const want = c.expect.synOptions?.[side];
    if (want === undefined) continue;
    const syn = trace.events.find(
      (e) => e.type === 'send' && e.who === side && e.flags.includes('SYN') && !e.injected,
    );
    const got = syn?.type === 'send' ? (syn.options ?? []).map((o) => o.kind) : null;
    if (got === null) problems.push(`the ${side} sent no SYN`);
    else if (got.join(',') !== want.join(',')) {
      problems.push(
        `the ${side}'s SYN carried [${got.join(', ')}], the kernel's [${want.join(', ')}]`,
      );
    }
  }
  const calls = trace.events.flatMap((e) => (e.type === 'app' ? [e] : []));
  let from = 0;
  for (const want of c.expect.results ?? []) {
    const found = calls.findIndex(
      (e, i) => i >= from && e.who === want.who && e.call === want.call && e.result === want.result,
    );
    if (found < 0) problems.push(`no ${want.who} ${want.call} returned ${want.result}`);
    else from = found + 1;
  }
  return problems;
}
