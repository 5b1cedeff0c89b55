// One connection of a capture as a run the page draws like a lesson's: the captured segments as
// sends at their capture times, arrivals one inferred one-way delay later (timing.ts), both
// endpoints' states inferred from the segments (observer.ts), and notes on what the capture cannot
// show. The result has the shape of the page's Run (src/lab/types.ts) plus what is capture's.
import { resolveBehaviour } from '../engine/profile';
import { seqAdd } from '../engine/seq';
import { FLAGS } from '../engine/wire/flags';
import { isTraceOption } from '../engine/wire/tcpHeader';
import {
  peerOf,
  type FinalStates,
  type Scenario,
  type Side,
  type TcpOption,
  type TcpState,
  type TraceEvent,
} from '../engine/types';
import { notesFor, type CaptureNote } from './notes';
import { Observer } from './observer';
import { firstAfter, indexSegments, type ObservedSegment } from './segmentIndex';
import {
  compareKeys,
  deliveryKeys,
  oneWayDelay,
  roundCaptureTime,
  roundTime,
  type TimelineKey,
} from './timing';
import type { CaptureConnection, CaptureFile, CapturedSegment } from './types';

export type { CaptureNote, CaptureNoteCode } from './notes';

export interface CaptureEndpoint {
  address: string;
  port: number;
}

/** What the page's diagram draws: the shape of src/lab/types.ts `Run`. */
export interface CapturedRun {
  scenario: Scenario;
  events: TraceEvent[];
  /** Index of the first event of each step (one cause each), ascending. */
  causeStarts: number[];
  final: FinalStates;
}

/** A connection as the page draws it, and what the capture could not tell. */
export interface CaptureRun {
  run: CapturedRun;
  /** Arrival times are inferred (the capture saw each segment once, at one point of its path). */
  inferredTimes: boolean;
  /** The one-way delay arrivals were placed at (before the segments' own evidence moved them). */
  inferredDelayMs: number;
  /** The delay was measured (segment → the ACK covering it), not a default. */
  delayMeasured: boolean;
  /** The handshake is not in the capture: states before the first segment are assumed. */
  startedBeforeCapture: boolean;
  client: CaptureEndpoint;
  server: CaptureEndpoint;
  /** Capture time (ms since the Unix epoch) of the run's time 0. */
  originMs: number;
  /** `fileSegments[id - 1]`: index in CaptureFile.segments of the segment sent as `id`. */
  fileSegments: number[];
  notes: CaptureNote[];
}

export interface CaptureRunOptions {
  /** Use this one-way delay instead of measuring it (ms, > 0). */
  delayMs?: number;
}

const TIME_WAIT_MS = 2 * resolveBehaviour({ profile: 'linux', actions: [] }).mslMs;

export function captureRun(
  file: CaptureFile,
  connection: CaptureConnection,
  options: CaptureRunOptions = {},
): CaptureRun {
  const { segs, originMs } = observedSegments(file, connection);
  const index = indexSegments(segs);
  const measured = oneWayDelay(index);
  const given = options.delayMs !== undefined && options.delayMs > 0;
  const delayMs = given ? roundTime(options.delayMs ?? 0) : measured.delayMs;
  const arrivals = deliveryKeys(index, delayMs);

  const clientOpens = segs.some(
    (s) => s.from === 'client' && s.flags.includes('SYN') && !s.flags.includes('ACK'),
  );
  const observer = new Observer(index, {
    timeWaitMs: TIME_WAIT_MS,
    activeOpener: clientOpens || connection.startedBeforeCapture ? 'client' : null,
  });
  const start = initialStates(segs, connection);
  observer.start(start.states, start.listen);
  for (const item of timeline(segs, arrivals)) {
    if (item.kind === 'send') observer.send(item.position);
    else observer.deliver(item.position, item.key.t);
  }

  const final = observer.final();
  return {
    run: {
      scenario: scenarioOf(connection, segs, delayMs),
      events: observer.events,
      causeStarts: observer.causeStarts,
      final,
    },
    inferredTimes: true,
    inferredDelayMs: delayMs,
    delayMeasured: !given && measured.measured,
    startedBeforeCapture: connection.startedBeforeCapture,
    client: { ...connection.client },
    server: { ...connection.server },
    originMs,
    fileSegments: segs.map((s) => s.index),
    notes: notesFor(file, connection, segs, final, start.assumed, observer.implied),
  };
}

// ---- the segments ----

/** Shared by every segment without options (nobody modifies a segment's options). */
const NO_OPTIONS = Object.freeze([]) as unknown as TcpOption[];

function observedSegments(
  file: CaptureFile,
  connection: CaptureConnection,
): { segs: ObservedSegment[]; originMs: number } {
  const present = connection.segments.filter((i) => file.segments[i] !== undefined);
  const reference = file.segments[present[0] ?? 0];
  const since = (i: number): number => {
    const raw = file.segments[i];
    return raw === undefined || reference === undefined ? 0 : elapsedMs(reference, raw);
  };
  const elapsed = present.map(since);
  // Positions in `present`, by time: a capture is nearly always in order already, so look first.
  let ordered = true;
  for (let p = 1; p < elapsed.length && ordered; p++) {
    ordered = (elapsed[p] ?? 0) >= (elapsed[p - 1] ?? 0);
  }
  const byTime = present.map((_, p) => p);
  if (!ordered) byTime.sort((a, b) => (elapsed[a] ?? 0) - (elapsed[b] ?? 0) || a - b);
  const first = elapsed[byTime[0] ?? 0] ?? 0;
  const origin = (reference?.timeMs ?? connection.startMs) + first;
  const out: ObservedSegment[] = [];
  /** The last copy of each segment so far, by sender, seq, len and control flags. */
  const lastCopy = new Map<string, number>();
  /** Positions of bare ACKs, by sender and acknowledgement number. */
  const dupAcks = new Map<string, number[]>();
  for (const p of byTime) {
    const index = present[p] ?? -1;
    const raw = file.segments[index];
    if (raw === undefined) continue;
    const fromClient =
      raw.src === connection.client.address && raw.srcPort === connection.client.port;
    const from: Side = fromClient ? 'client' : 'server';
    const flags = FLAGS.filter((f) => raw.flags.includes(f));
    const syn = flags.includes('SYN');
    const space = raw.len + (syn ? 1 : 0) + (flags.includes('FIN') ? 1 : 0);
    const end = seqAdd(raw.seq, space);
    // A copy: the same sequence number, length and SYN/FIN/RST (and for a SYN, the same ACK: a
    // SYN+ACK after one's own SYN answers a simultaneous open). PSH may differ between copies.
    let previousCopy: number | null = null;
    if (space > 0) {
      const control = flags.filter((f) => f !== 'PSH' && (syn || f !== 'ACK')).join('+');
      const copyKey = `${from} ${raw.seq} ${raw.len} ${control}`;
      previousCopy = lastCopy.get(copyKey) ?? null;
      lastCopy.set(copyKey, out.length);
    }
    const retransmission = previousCopy !== null;
    const seg: ObservedSegment = {
      index,
      from,
      to: fromClient ? 'server' : 'client',
      t: roundCaptureTime((elapsed[p] ?? 0) - first, exact(raw)),
      flags,
      seq: raw.seq,
      ack: raw.ack,
      len: raw.len,
      window: raw.window,
      options: raw.options.length === 0 ? NO_OPTIONS : raw.options.filter(isTraceOption),
      space,
      end,
      retransmission,
      previousCopy,
      nextCopy: null,
      fastRetransmit: false,
    };
    const previous = previousCopy === null ? undefined : out[previousCopy];
    if (previous !== undefined && previousCopy !== null) {
      previous.nextCopy = out.length;
      // Three duplicate ACKs asking for this sequence number since the copy before: Reno's fast
      // retransmit (RFC 5681), not a timer.
      const asked = dupAcks.get(`${peerOf(from)},${raw.seq}`) ?? [];
      seg.fastRetransmit = asked.length - firstAfter(asked, previousCopy) >= 3;
    }
    if (space === 0 && !flags.includes('RST') && flags.includes('ACK')) {
      const key = `${from},${raw.ack}`;
      const list = dupAcks.get(key) ?? [];
      list.push(out.length);
      dupAcks.set(key, list);
    }
    out.push(seg);
  }
  return { segs: out, originMs: origin };
}

/** The exact second and nanosecond, when the parser kept them (a double in ms cannot). */
function exact(seg: CapturedSegment): boolean {
  return seg.timeSec !== undefined && seg.timeNs !== undefined;
}

/** Time from one segment to another, exact to the nanosecond where the file had it. */
function elapsedMs(from: CapturedSegment, to: CapturedSegment): number {
  if (exact(from) && exact(to)) {
    const seconds = (to.timeSec ?? 0) - (from.timeSec ?? 0);
    return seconds * 1000 + ((to.timeNs ?? 0) - (from.timeNs ?? 0)) / 1e6;
  }
  return to.timeMs - from.timeMs;
}

interface TimelineItem {
  kind: 'send' | 'deliver';
  position: number;
  key: TimelineKey;
}

/** Sends and arrivals merged in time order (ties: as the keys say, then in sending order). */
function timeline(segs: readonly ObservedSegment[], arrivals: TimelineKey[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  segs.forEach((seg, position) => {
    items.push({ kind: 'send', position, key: { t: seg.t, k: position } });
    const key = arrivals[position];
    if (key !== undefined) items.push({ kind: 'deliver', position, key });
  });
  return items.sort((a, b) => compareKeys(a.key, b.key) || a.position - b.position);
}

// ---- before the first segment ----

interface Start {
  states: Partial<Record<Side, TcpState>>;
  listen: boolean;
  /** The state assumed for a connection the capture joined late. */
  assumed: TcpState | null;
}

function initialStates(segs: readonly ObservedSegment[], connection: CaptureConnection): Start {
  const first = segs[0];
  const isSynAck = (s: ObservedSegment | undefined): boolean =>
    s !== undefined &&
    s.flags.includes('SYN') &&
    s.flags.includes('ACK') &&
    !s.flags.includes('RST');
  if (!connection.startedBeforeCapture) {
    // A server whose first word is a SYN+ACK answering the SYN was listening.
    const listen = isSynAck(segs.find((s) => s.from === 'server'));
    return { states: {}, listen, assumed: null };
  }
  if (isSynAck(first) && first?.from === 'server') {
    return { states: { client: 'SYN_SENT' }, listen: true, assumed: 'SYN_SENT' };
  }
  return {
    states: { server: 'ESTABLISHED', client: 'ESTABLISHED' },
    listen: false,
    assumed: 'ESTABLISHED',
  };
}

// ---- the synthetic scenario ----

function hostPort(endpoint: CaptureEndpoint): string {
  return endpoint.address.includes(':')
    ? `[${endpoint.address}]:${endpoint.port}`
    : `${endpoint.address}:${endpoint.port}`;
}

function scenarioOf(
  connection: CaptureConnection,
  segs: readonly ObservedSegment[],
  delayMs: number,
): Scenario {
  const isnOf = (side: Side): number | undefined =>
    segs.find((s) => s.from === side && s.flags.includes('SYN'))?.seq;
  const endpoint = (side: Side): { port: number; isn?: number } => {
    const isn = isnOf(side);
    return { port: connection[side].port, ...(isn === undefined ? {} : { isn }) };
  };
  return {
    title: `Capture: ${hostPort(connection.client)} → ${hostPort(connection.server)}`,
    profile: 'linux',
    client: endpoint('client'),
    server: endpoint('server'),
    network: { delayMs },
    actions: [],
  };
}
