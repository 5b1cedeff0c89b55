// What a capture file holds, as the rest of the lab sees it: TCP segments with their capture times
// and addresses, whatever the file format (pcap, pcapng), link type or IP version. Plain data, so it
// crosses from the worker to the page by structured clone.

import type { Flag } from '../engine/types';
import type { TcpOptionInfo } from '../engine/wire/tcpHeader';

/** One TCP segment read from a capture. */
export interface CapturedSegment {
  /** 0-based index of the packet in the file (every packet counts, TCP or not). */
  packet: number;
  /** Byte offset of the packet's record in the file (for messages about it). */
  offset: number;
  /** Capture time in milliseconds since the Unix epoch (fractional: µs or ns resolution kept). */
  timeMs: number;
  /**
   * The same time exactly, as whole seconds since the epoch and nanoseconds within that second
   * (a double in ms cannot hold a nanosecond timestamp exactly). Set by parseCapture.
   */
  timeSec?: number;
  timeNs?: number;
  /**
   * Set when the capture time cannot be a date (src/capture/dates.ts): a broken time resolution or
   * offset put it beyond what a calendar holds. `timeMs` is then a count, not a time of day.
   */
  notADate?: true;
  /**
   * Set when `timeSec` is not the file's time exactly: past 2^53 s a double rounds it, so no time
   * from or to this segment can be measured.
   */
  inexactTime?: true;
  /**
   * pcapng interface id (0 for pcap). In a file of several sections, ids count on across them
   * (an index into CaptureFile.interfaces), so that they stay unique in the file.
   */
  iface: number;
  ipVersion: 4 | 6;
  /** Printable addresses: dotted IPv4, RFC 5952 IPv6. */
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /**
   * The flags set, among SYN, ACK, FIN, RST, PSH (URG, ECE, CWR are in `otherFlags`), in the order
   * of FLAGS. parseCapture shares one frozen array per combination: do not modify it.
   */
  flags: Flag[];
  otherFlags: ('URG' | 'ECE' | 'CWR')[];
  window: number;
  /** TCP payload length from the IP header (what was on the wire). */
  len: number;
  /** Payload bytes actually in the file (less than `len` when the snap length cut the packet). */
  capturedLen: number;
  /**
   * TCP options, decoded where known (MSS, window scale, SACK permitted, timestamps). Without
   * options, parseCapture gives every segment one shared, frozen empty array.
   */
  options: TcpOptionInfo[];
}

/** An interface of the capture (pcapng: an Interface Description Block). */
export interface CaptureInterface {
  /** Link type name as in CaptureFile.linkTypes (`link-N` for one the reader does not decode). */
  linkType: string;
  /** pcapng if_name / if_description, when the file gives them. */
  name?: string;
  description?: string;
}

/** A problem that did not stop the reading (a packet skipped, a file cut short). */
export interface CaptureWarning {
  offset: number;
  message: string;
}

/** Everything read from a file. */
export interface CaptureFile {
  format: 'pcap' | 'pcapng';
  /** Link types seen (by name: ethernet, linux-sll, linux-sll2, raw, null, loop). */
  linkTypes: string[];
  /** Interfaces in file order (pcap: one; pcapng: every IDB of every section); `iface` indexes it. */
  interfaces?: CaptureInterface[];
  /** Packets in the file (TCP or not). */
  packets: number;
  segments: CapturedSegment[];
  warnings: CaptureWarning[];
  /** True when the file ends in the middle of a record (the reading kept what came before). */
  truncated: boolean;
}

/**
 * Thrown for a file that is not a capture, or one malformed beyond reading: `offset` is the byte
 * where it stopped making sense, and the message says it ("… at byte 1234").
 */
export class CaptureError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'CaptureError';
    this.offset = offset;
  }
}

/** One TCP connection in a capture: an incarnation of a 4-tuple (a new SYN after the end of one starts another). */
export interface CaptureConnection {
  /** Stable id within the file: its index in the list. */
  id: number;
  /** The side that sent the first SYN (or, if the capture starts later, the first segment's sender). */
  client: { address: string; port: number };
  server: { address: string; port: number };
  ipVersion: 4 | 6;
  /** Indexes into CaptureFile.segments, in capture order. */
  segments: number[];
  startMs: number;
  endMs: number;
  /** How it ended, as seen: a FIN each way, a RST, or not (still open / capture cut). */
  ending: 'fin' | 'rst' | 'open';
  /** The capture started after the connection's SYN (its handshake is not in the file). */
  startedBeforeCapture: boolean;
  /**
   * What its capture times are: dates; counts beyond what a date holds, but exact, so that its
   * packets are timed from its first ('relative'); or too large to be exact, so that its packets
   * cannot be told apart in time and it is not drawn ('unusable').
   */
  times: ConnectionTimes;
}

export type ConnectionTimes = 'dated' | 'relative' | 'unusable';
