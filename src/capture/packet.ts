// What the layer decoders (link.ts, ip.ts, tcp.ts) tell each other about the packet being read.
// One instance serves every packet of a file, so that decoding a packet allocates nothing but the
// segment it yields.
import type { TcpOptionInfo } from '../engine/wire/tcpHeader';

/** The options of a segment without any (shared: nobody modifies a segment's options). */
export const NO_OPTIONS: TcpOptionInfo[] = Object.freeze([]) as unknown as TcpOptionInfo[];

/** Decoded: the next layer may go on. */
export const DECODED = 0;
/** Not an IP/TCP packet (ARP, UDP, ICMP…): counted, skipped without a word. */
export const NOT_TCP = 1;
/** A packet that cannot be decoded: skipped with a warning (`PacketFields.problem`). */
export const PROBLEM = 2;
export type DecodeStatus = typeof DECODED | typeof NOT_TCP | typeof PROBLEM;

export class PacketFields {
  /** End of the bytes in the file (start + captured length). */
  capEnd = 0;
  /** End of the packet as it was on the wire (start + original length); at least capEnd. */
  wireEnd = 0;
  /** First byte of the IP header, and the IP version the link layer named (0: see the header). */
  netStart = 0;
  netVersion: 0 | 4 | 6 = 0;
  ipVersion: 4 | 6 = 4;
  src = '';
  dst = '';
  /** First byte of the TCP header, and the TCP bytes (header + payload) by the IP lengths. */
  tcpStart = 0;
  tcpLength = 0;
  /** Set by the IP layer when this is the first fragment of a fragmented TCP segment. */
  firstFragment = false;
  /** The TCP header's fields, `flagBits` as in the header's byte 13. */
  srcPort = 0;
  dstPort = 0;
  seq = 0;
  ack = 0;
  flagBits = 0;
  window = 0;
  /** Payload bytes by the IP lengths, and those of them in the file. */
  payloadLength = 0;
  capturedLength = 0;
  /** The TCP options in the file (cut where the snap length cut the header). */
  options: TcpOptionInfo[] = NO_OPTIONS;
  /** True when the snap length cut the TCP options. */
  optionsCut = false;
  /** Why the packet could not be decoded (with status PROBLEM). */
  problem = '';

  fail(problem: string): DecodeStatus {
    this.problem = problem;
    return PROBLEM;
  }
}
