// For tests and the fixture script (captures/make-derived.ts): pcapng files written block by
// block, in either byte order, with whatever link types, time resolutions, time offsets and
// timestamps a test needs, including ones no capture tool would write.

/** A growing byte buffer written in one byte order. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  length = 0;
  constructor(private readonly littleEndian = true) {}

  private room(n: number): number {
    while (this.length + n > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
      this.view = new DataView(bigger.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  // Each writes where room() says before it reads this.bytes or this.view: room() may replace them.
  u8(value: number): void {
    const at = this.room(1);
    this.bytes[at] = value;
  }
  u16(value: number): void {
    const at = this.room(2);
    this.view.setUint16(at, value, this.littleEndian);
  }
  u32(value: number): void {
    const at = this.room(4);
    this.view.setUint32(at, value, this.littleEndian);
  }
  /** A u32 in network order, whatever the file's order. */
  u32be(value: number): void {
    const at = this.room(4);
    this.view.setUint32(at, value, false);
  }
  /** A signed 64-bit integer in the writer's byte order. */
  i64(value: bigint): void {
    const at = this.room(8);
    this.view.setBigInt64(at, value, this.littleEndian);
  }
  raw(data: Uint8Array): void {
    const at = this.room(data.length);
    this.bytes.set(data, at);
  }
  pad4(): void {
    while (this.length % 4 !== 0) this.u8(0);
  }
  setU32(at: number, value: number): void {
    this.view.setUint32(at, value, this.littleEndian);
  }
  result(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}

/** Writes one pcapng block: type, length, body (from `body`), length. */
export function block(out: ByteWriter, type: number, body: (out: ByteWriter) => void): void {
  const start = out.length;
  out.u32(type);
  out.u32(0);
  body(out);
  out.pad4();
  const length = out.length - start + 4;
  out.setU32(start + 4, length);
  out.u32(length);
}

/** A Section Header Block (version 1.0, length not given) in the writer's byte order. */
export function sectionHeader(out: ByteWriter): void {
  block(out, 0x0a0d0d0a, () => {
    out.u32(0x1a2b3c4d);
    out.u16(1);
    out.u16(0);
    out.u32(0xffffffff); // section length -1: not given
    out.u32(0xffffffff);
  });
}

export interface InterfaceOptions {
  linkType: number;
  /** if_name. */
  name?: string;
  /** if_tsresol's byte (without it: microseconds). */
  resolution?: number;
  /** if_tsoffset: seconds added to every time, a signed 64-bit count. */
  offsetSec?: bigint;
}

/**
 * An Interface Description Block with the options given, in this order: if_name, if_tsresol,
 * if_tsoffset. Without any, the block is the smallest there is (20 bytes).
 */
export function interfaceBlock(out: ByteWriter, iface: InterfaceOptions): void {
  block(out, 1, () => {
    out.u16(iface.linkType);
    out.u16(0);
    out.u32(262144);
    const any =
      iface.name !== undefined || iface.resolution !== undefined || iface.offsetSec !== undefined;
    if (iface.name !== undefined) {
      const text = new TextEncoder().encode(iface.name);
      out.u16(2); // if_name
      out.u16(text.length);
      out.raw(text);
      out.pad4();
    }
    if (iface.resolution !== undefined) {
      out.u16(9); // if_tsresol
      out.u16(1);
      out.u8(iface.resolution);
      out.pad4();
    }
    if (iface.offsetSec !== undefined) {
      out.u16(14); // if_tsoffset
      out.u16(8);
      out.i64(iface.offsetSec);
    }
    if (any) {
      out.u16(0); // opt_endofopt
      out.u16(0);
    }
  });
}

/**
 * An Enhanced (type 6) or obsolete (type 2) Packet Block on interface `iface`, at `stamp` (a 64-bit
 * count of the interface's time units, written as its high and low words).
 */
export function packetBlock(
  out: ByteWriter,
  type: 2 | 6,
  iface: number,
  stamp: bigint,
  data: Uint8Array,
  wireLength = data.length,
): void {
  block(out, type, () => {
    if (type === 6) out.u32(iface);
    else {
      out.u16(iface);
      out.u16(0); // drops count
    }
    out.u32(Number((stamp >> 32n) & 0xffffffffn));
    out.u32(Number(stamp & 0xffffffffn));
    out.u32(data.length);
    out.u32(wireLength);
    out.raw(data);
  });
}

/** One packet of a classic pcap file: its time and its link-layer bytes. */
export interface PcapFrame {
  sec: number;
  /** Microseconds within the second (the files read here are microsecond pcaps). */
  us: number;
  data: Uint8Array;
}

/** The packets of a little-endian microsecond pcap (the kernel captures), with their link type. */
export function pcapFrames(bytes: Uint8Array): { linkType: number; frames: PcapFrame[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0xa1b2c3d4) throw new Error('not a little-endian µs pcap');
  const frames: PcapFrame[] = [];
  for (let at = 24; at + 16 <= bytes.length;) {
    const capturedLength = view.getUint32(at + 8, true);
    frames.push({
      sec: view.getUint32(at, true),
      us: view.getUint32(at + 4, true),
      // Copied (a Node Buffer's slice() would share its memory).
      data: new Uint8Array(bytes.subarray(at + 16, at + 16 + capturedLength)),
    });
    at += 16 + capturedLength;
  }
  return { linkType: view.getUint32(20, true), frames };
}

/** Ethernet + a 20-byte IPv4 header: where an IPv4 frame's TCP ports are. */
const TCP_PORTS_AT = 14 + 20;

/**
 * A copy of an IPv4 frame with its client port `was` changed to `port`, on whichever side of the
 * TCP header carries it. The checksum is left as it was: the reader does not check it.
 */
export function withClientPort(data: Uint8Array, was: number, port: number): Uint8Array {
  const copy = new Uint8Array(data);
  const view = new DataView(copy.buffer);
  const at = view.getUint16(TCP_PORTS_AT) === was ? TCP_PORTS_AT : TCP_PORTS_AT + 2;
  view.setUint16(at, port);
  return copy;
}

/**
 * A file of one section holding `count` interface description blocks (20 bytes each, link types
 * 0, 1, 2… modulo 65,536: every number is a link type of its own) and nothing else.
 */
export function manyInterfaces(count: number): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter();
  sectionHeader(out);
  for (let i = 0; i < count; i++) interfaceBlock(out, { linkType: i % 65536 });
  return out.result();
}

/** An interface (of the frames' link type) and the times its packets are stamped with. */
export interface StampedInterface extends Omit<InterfaceOptions, 'linkType'> {
  /** The timestamp of the packet at index `i` of the frames given, as a count of time units. */
  stamp(frame: PcapFrame, i: number): bigint;
}

/**
 * One section with one interface per entry of `connections`, each carrying the same frames (one
 * connection, recorded once) from its own client port: a file of as many connections.
 */
export function connectionsOnInterfaces(
  capture: { linkType: number; frames: PcapFrame[] },
  clientPort: number,
  connections: readonly (StampedInterface & { clientPort: number })[],
): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter();
  sectionHeader(out);
  for (const iface of connections) interfaceBlock(out, { ...iface, linkType: capture.linkType });
  connections.forEach((iface, index) => {
    capture.frames.forEach((frame, i) => {
      const data = withClientPort(frame.data, clientPort, iface.clientPort);
      packetBlock(out, 6, index, iface.stamp(frame, i), data);
    });
  });
  return out.result();
}

/** A frame's time in microseconds, for interfaces of the default resolution. */
export function microseconds(frame: PcapFrame): bigint {
  return BigInt(frame.sec) * 1_000_000n + BigInt(frame.us);
}
