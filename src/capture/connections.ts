// The TCP connections in a capture: segments grouped by their 4-tuple (either direction), a 4-tuple
// split into incarnations when a new SYN starts over after the earlier connection ended (or while
// it sat in TIME_WAIT: port reuse). Pure data in, pure data out; no timing inference here.
import type { CaptureConnection, CaptureFile, CapturedSegment } from './types';

/** Linux's TIME_WAIT (2·MSL): later than this after the end, a segment cannot be the old connection's. */
const TIME_WAIT_MS = 60_000;

interface Endpoint {
  address: string;
  port: number;
}

/** A connection being assembled, with what the splitting rules need to know about it. */
interface Building {
  first: CapturedSegment;
  segments: number[];
  /** ISN of each side's SYN (SYN or SYN+ACK), by endpoint key. */
  isn: Map<string, number>;
  /** Endpoint keys that sent a SYN without ACK, in order. */
  synSenders: string[];
  /** The endpoint key that sent the first SYN+ACK, when no SYN without ACK came before it. */
  synAckSender: string | null;
  finFrom: Set<string>;
  ending: CaptureConnection['ending'];
  /** Something other than the handshake went by (data or a FIN): no longer a simultaneous open. */
  pastHandshake: boolean;
  lastMs: number;
  times: CaptureConnection['times'];
}

const endpointKey = (address: string, port: number): string => `${address}|${port}`;

function fourTupleKey(seg: CapturedSegment): string {
  const a = endpointKey(seg.src, seg.srcPort);
  const b = endpointKey(seg.dst, seg.dstPort);
  return `${seg.ipVersion}/${a < b ? `${a}/${b}` : `${b}/${a}`}`;
}

const has = (seg: CapturedSegment, flag: CapturedSegment['flags'][number]): boolean =>
  seg.flags.includes(flag);

/** Segment indexes in capture order: by time, then by their place in the file. */
function captureOrder(file: CaptureFile): number[] {
  const order = file.segments.map((_, i) => i);
  order.sort((a, b) => {
    const sa = file.segments[a];
    const sb = file.segments[b];
    return (sa?.timeMs ?? 0) - (sb?.timeMs ?? 0) || a - b;
  });
  return order;
}

/** Does this segment start a new incarnation of the 4-tuple rather than continue `current`? */
function startsNew(current: Building, seg: CapturedSegment, from: string): boolean {
  const ended = current.ending !== 'open';
  if (ended && seg.timeMs - current.lastMs > TIME_WAIT_MS) return true;
  if (!has(seg, 'SYN')) return false;
  const own = current.isn.get(from);
  // The same ISN again is a retransmission; a side's new ISN is a new connection (a reconnect).
  if (own !== undefined) return own !== seg.seq;
  if (ended) return true;
  const peerSent = current.isn.size > 0;
  if (!has(seg, 'ACK')) {
    // A SYN crossing the peer's SYN is a simultaneous open; on a connection already past its
    // handshake (or one the capture joined late) a SYN is a new attempt on the same ports.
    return !(peerSent && current.synSenders.length > 0 && !current.pastHandshake);
  }
  // A SYN+ACK answers the peer's SYN; without one it starts a connection whose SYN is not here.
  return !peerSent;
}

function newBuilding(seg: CapturedSegment, index: number): Building {
  return {
    first: seg,
    segments: [index],
    isn: new Map(),
    synSenders: [],
    synAckSender: null,
    finFrom: new Set(),
    ending: 'open',
    pastHandshake: false,
    lastMs: seg.timeMs,
    times: 'dated',
  };
}

function record(b: Building, seg: CapturedSegment, from: string): void {
  b.lastMs = Math.max(b.lastMs, seg.timeMs);
  // One segment whose time is no date makes the connection's start no date; one whose time is not
  // exact makes every time between its segments unknown.
  if (seg.inexactTime) b.times = 'unusable';
  else if (seg.notADate && b.times === 'dated') b.times = 'relative';
  if (has(seg, 'SYN')) {
    if (!b.isn.has(from)) b.isn.set(from, seg.seq);
    if (!has(seg, 'ACK')) {
      if (!b.synSenders.includes(from)) b.synSenders.push(from);
    } else if (b.synSenders.length === 0) {
      b.synAckSender ??= from;
    }
  }
  if (seg.len > 0 || has(seg, 'FIN')) b.pastHandshake = true;
  if (b.ending !== 'open') return;
  if (has(seg, 'RST')) {
    b.ending = 'rst';
    return;
  }
  if (has(seg, 'FIN')) {
    b.finFrom.add(from);
    if (b.finFrom.size === 2) b.ending = 'fin';
  }
}

/**
 * Which side is the client: the sender of the first SYN without ACK; else the receiver of the
 * first SYN+ACK; else, on a connection the capture joined late, the side with an unprivileged
 * port when the other's is below 1024, and failing that the first segment's sender.
 */
function sides(b: Building): { client: Endpoint; server: Endpoint; lateStart: boolean } {
  const first = b.first;
  const src = { address: first.src, port: first.srcPort };
  const dst = { address: first.dst, port: first.dstPort };
  const srcKey = endpointKey(src.address, src.port);
  const lateStart = !(has(first, 'SYN') && !has(first, 'ACK'));
  const synSender = b.synSenders[0];
  let clientIsSrc: boolean;
  if (synSender !== undefined) clientIsSrc = synSender === srcKey;
  else if (b.synAckSender !== null) clientIsSrc = b.synAckSender !== srcKey;
  else if (src.port < 1024 !== dst.port < 1024) clientIsSrc = src.port >= 1024;
  else clientIsSrc = true;
  return clientIsSrc
    ? { client: src, server: dst, lateStart }
    : { client: dst, server: src, lateStart };
}

/** The file's TCP connections, sorted by start time (ids are their places in that order). */
export function findConnections(file: CaptureFile): CaptureConnection[] {
  const current = new Map<string, Building>();
  const all: Building[] = [];
  for (const index of captureOrder(file)) {
    const seg = file.segments[index];
    if (seg === undefined) continue;
    const key = fourTupleKey(seg);
    const from = endpointKey(seg.src, seg.srcPort);
    let building = current.get(key);
    if (building === undefined || startsNew(building, seg, from)) {
      building = newBuilding(seg, index);
      current.set(key, building);
      all.push(building);
    } else {
      building.segments.push(index);
    }
    record(building, seg, from);
  }
  // Buildings were created in capture order, so they are already sorted by start time.
  return all.map((b, id): CaptureConnection => {
    const { client, server, lateStart } = sides(b);
    return {
      id,
      client,
      server,
      ipVersion: b.first.ipVersion,
      segments: b.segments,
      startMs: b.first.timeMs,
      endMs: b.lastMs,
      ending: b.ending,
      startedBeforeCapture: lateStart,
      times: b.times,
    };
  });
}
