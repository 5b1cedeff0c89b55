// A simulated run as a capture file that Wireshark, tshark and tcpdump open: classic pcap
// (little-endian, microsecond timestamps), Ethernet frames carrying IPv4 and TCP with correct
// checksums. Pure: the page turns the bytes into a download.
//
// What is in it, and why:
// - One packet per `send` event, in trace order, at the event's time. The capture point is the
//   sender's: a segment the network then drops was still sent, so it is in the file; a segment the
//   network duplicates or delays was sent once, at its send time. Retransmissions are packets of
//   their own. Injected segments ("as if the peer sent them") are in too: a capture point on the
//   wire would see them like any other.
// - Timestamps are the simulated clock: the pcap's epoch is the run's time 0, so a segment sent at
//   t = 1000 ms is stamped 1970-01-01 00:00:01.000000 UTC, and Wireshark's "seconds since the
//   beginning of capture" are the run's own times when the first segment leaves at 0.
// - Addresses are the page's (src/core/addresses.ts), ports the scenario's or the engine's
//   defaults, MAC addresses made up (locally administered) and fixed per side. The simulator carries
//   no payload bytes: a segment of `len` bytes carries `len` zero bytes.
// - TCP options are the send event's, laid out as Linux lays them out (../engine/wire/tcpHeader.ts),
//   so a linux-profile run reads like a capture of two Linux hosts; the window field is the
//   event's, which is the raw 16-bit field (scaled, after a handshake that agreed on window scaling).
import { ENDPOINT_ADDRESSES } from '../engine/addresses';
import { DEFAULT_PORTS } from '../engine/defaults';
import {
  IPPROTO_TCP,
  TCP_HEADER_BYTES,
  buildTcpHeader,
  ipv4Bytes,
  onesComplementSum,
  tcpOptionBytes,
} from '../engine/wire/tcpHeader';
import type { Scenario, SendEvent, Side, TraceEvent } from '../engine/types';

/** The part of a run the writer reads (the page's Run has more). */
export interface RunForPcap {
  /** The scenario that ran: its endpoints' ports go into the TCP headers. */
  scenario: Pick<Scenario, 'client' | 'server'>;
  events: readonly TraceEvent[];
}

/** libpcap's magic number: written little-endian, it also tells readers the byte order. */
const PCAP_MAGIC = 0xa1b2c3d4;
const PCAP_GLOBAL_HEADER_BYTES = 24;
const PCAP_RECORD_HEADER_BYTES = 16;
/** LINKTYPE_ETHERNET. */
const LINKTYPE_ETHERNET = 1;
/** tcpdump's default snapshot length; every packet written fits whole. */
const SNAPLEN = 262144;

const ETHERNET_HEADER_BYTES = 14;
const ETHERTYPE_IPV4 = 0x0800;
const IPV4_HEADER_BYTES = 20;
/**
 * The most TCP payload one IPv4 packet holds: a 16-bit total length less both headers (without
 * TCP options; a segment's options take their bytes from it).
 */
export const MAX_TCP_PAYLOAD = 0xffff - IPV4_HEADER_BYTES - TCP_HEADER_BYTES;
/** Don't Fragment, as Linux sets on TCP. */
const IPV4_FLAG_DF = 0x4000;
const IPV4_TTL = 64;
/** The largest time a classic pcap's 32-bit seconds field holds, in ms. */
const MAX_TIME_MS = 0xffffffff * 1000;

/** Made-up, locally administered unicast MAC addresses (02:…), one per side. */
export const ENDPOINT_MACS: Readonly<Record<Side, Uint8Array>> = {
  client: Uint8Array.of(0x02, 0x00, 0x00, 0x00, 0x00, 0x01),
  server: Uint8Array.of(0x02, 0x00, 0x00, 0x00, 0x00, 0x02),
};

const OTHER: Readonly<Record<Side, Side>> = { client: 'server', server: 'client' };

/** Throws a RangeError naming the segment when it cannot be one classic-pcap IPv4 packet. */
function checkWritable(send: SendEvent, tcpHeaderBytes: number): void {
  const which = `segment ${send.id} (sent at ${send.t} ms)`;
  const max = 0xffff - IPV4_HEADER_BYTES - tcpHeaderBytes;
  if (!Number.isInteger(send.len) || send.len < 0 || send.len > max) {
    throw new RangeError(
      `${which} carries ${send.len} bytes: one IPv4 packet holds at most ${max}`,
    );
  }
  if (!Number.isFinite(send.t) || send.t < 0 || send.t >= MAX_TIME_MS) {
    throw new RangeError(`${which}: a pcap timestamp holds times from 0 to 2^32 s`);
  }
}

/** The 20-byte IPv4 header (no options) with its header checksum. */
function ipv4Header(
  src: string,
  dst: string,
  totalLength: number,
  identification: number,
): Uint8Array {
  const bytes = new Uint8Array(IPV4_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x45; // version 4, header length 5 words
  view.setUint16(2, totalLength);
  view.setUint16(4, identification);
  view.setUint16(6, IPV4_FLAG_DF);
  bytes[8] = IPV4_TTL;
  bytes[9] = IPPROTO_TCP;
  bytes.set(ipv4Bytes(src), 12);
  bytes.set(ipv4Bytes(dst), 16);
  // Summed with the checksum field still zero (RFC 791, RFC 1071).
  view.setUint16(10, ~onesComplementSum(bytes) & 0xffff);
  return bytes;
}

/**
 * The run's segments as a classic pcap file (see the top of this file for what is in it). Throws a
 * RangeError for a segment no IPv4 packet can carry (an injected one of more than 65,495 bytes,
 * fewer with options; options that take more than 40 bytes) or a time past 2^32 s.
 */
export function runToPcap(run: RunForPcap): Uint8Array<ArrayBuffer> {
  const sends = run.events.filter((event): event is SendEvent => event.type === 'send');
  const ports: Record<Side, number> = {
    client: run.scenario.client?.port ?? DEFAULT_PORTS.client,
    server: run.scenario.server?.port ?? DEFAULT_PORTS.server,
  };
  // The TCP headers first: their options set the packets' sizes.
  const headers = sends.map((send) => {
    const from = send.who;
    const to = OTHER[from];
    const options = send.options ?? [];
    let optionBytes: number;
    try {
      optionBytes = tcpOptionBytes(options).length;
    } catch (error) {
      throw new RangeError(
        `segment ${send.id} (sent at ${send.t} ms): ${(error as Error).message}`,
        { cause: error },
      );
    }
    checkWritable(send, TCP_HEADER_BYTES + optionBytes);
    return buildTcpHeader(
      {
        srcPort: ports[from],
        dstPort: ports[to],
        seq: send.seq >>> 0,
        ack: send.ack >>> 0,
        flags: send.flags,
        // The raw 16-bit field (a trace's window is the field as sent).
        window: Math.min(Math.max(0, Math.trunc(send.window)), 0xffff),
        options,
      },
      ENDPOINT_ADDRESSES[from],
      ENDPOINT_ADDRESSES[to],
      send.len,
    ).bytes;
  });
  const frameBytes = (i: number): number =>
    ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + headers[i]!.length + sends[i]!.len;
  let size = PCAP_GLOBAL_HEADER_BYTES;
  sends.forEach((_, i) => (size += PCAP_RECORD_HEADER_BYTES + frameBytes(i)));

  // Zero-filled: the payloads need no writing.
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, PCAP_MAGIC, true);
  view.setUint16(4, 2, true); // version 2.4
  view.setUint16(6, 4, true);
  // Bytes 8-15: time zone offset and timestamp accuracy, both 0.
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);

  // Each side numbers its own packets, as a host's IP stack does.
  const nextIpId: Record<Side, number> = { client: 1, server: 1 };

  let at = PCAP_GLOBAL_HEADER_BYTES;
  sends.forEach((send, i) => {
    const from = send.who;
    const to = OTHER[from];
    const frameLength = frameBytes(i);
    const micros = Math.round(send.t * 1000);
    view.setUint32(at, Math.floor(micros / 1e6), true);
    view.setUint32(at + 4, micros % 1e6, true);
    view.setUint32(at + 8, frameLength, true); // captured whole
    view.setUint32(at + 12, frameLength, true);
    at += PCAP_RECORD_HEADER_BYTES;

    bytes.set(ENDPOINT_MACS[to], at);
    bytes.set(ENDPOINT_MACS[from], at + 6);
    view.setUint16(at + 12, ETHERTYPE_IPV4);
    at += ETHERNET_HEADER_BYTES;

    const ipId = nextIpId[from];
    nextIpId[from] = (ipId + 1) & 0xffff;
    const ipHeader = ipv4Header(
      ENDPOINT_ADDRESSES[from],
      ENDPOINT_ADDRESSES[to],
      frameLength - ETHERNET_HEADER_BYTES,
      ipId,
    );
    bytes.set(ipHeader, at);
    at += IPV4_HEADER_BYTES;

    const tcp = headers[i]!;
    bytes.set(tcp, at);
    at += tcp.length + send.len;
  });
  return bytes;
}
