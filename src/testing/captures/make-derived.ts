// Writes the fixtures no tool here can write (see README.md), from the packets of the captures
// that make-fixtures.sh made, changing only the file and link framing around them:
//
//   null.pcap, loop.pcap   tun-rawip.pcap's packets behind a BSD loopback header (link types 0, 108)
//   vlan.pcap              lo-ipv4.pcap's frames with an 802.1Q tag, or 802.1ad + 802.1Q (QinQ)
//   be.pcap                lo-ipv6-nano.pcap in big-endian byte order
//   be.pcapng              dumpcap-two-ifaces.pcapng in big-endian byte order
//   blocks.pcapng          two sections: a little-endian one with a 2^-20 s time resolution, its
//                          packets in Enhanced, obsolete and Simple Packet Blocks among other
//                          blocks; a big-endian one with tun-rawip.pcap's packets in nanoseconds
//
// Run: npx tsx src/testing/captures/make-derived.ts (then make-expected.sh). A development
// script, not part of the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { block, ByteWriter, interfaceBlock, packetBlock, sectionHeader } from '../pcapng';

const dir = import.meta.dirname;

interface Packet {
  sec: number;
  /** Nanoseconds within the second. */
  ns: number;
  wireLength: number;
  data: Uint8Array;
  iface: number;
}

interface Capture {
  linkTypes: number[];
  packets: Packet[];
}

/** Reads a little-endian pcap or single-section little-endian pcapng, as the tools here write. */
function read(name: string): Capture {
  const bytes = readFileSync(join(dir, name));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const packets: Packet[] = [];
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) {
    const nano = magic === 0xa1b23c4d;
    for (let at = 24; at < bytes.length;) {
      const capturedLength = view.getUint32(at + 8, true);
      packets.push({
        sec: view.getUint32(at, true),
        ns: view.getUint32(at + 4, true) * (nano ? 1 : 1000),
        wireLength: view.getUint32(at + 12, true),
        data: bytes.subarray(at + 16, at + 16 + capturedLength),
        iface: 0,
      });
      at += 16 + capturedLength;
    }
    return { linkTypes: [view.getUint32(20, true)], packets };
  }
  const linkTypes: number[] = [];
  const unitsPerSecond: number[] = [];
  for (let at = 0; at < bytes.length;) {
    const type = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    if (type === 1) {
      linkTypes.push(view.getUint16(at + 8, true));
      let units = 1e6;
      for (let option = at + 16; option < at + length - 4;) {
        const code = view.getUint16(option, true);
        const optionLength = view.getUint16(option + 2, true);
        if (code === 0) break;
        if (code === 9) units = 10 ** bytes[option + 4]!;
        option += 4 + ((optionLength + 3) & ~3);
      }
      unitsPerSecond.push(units);
    } else if (type === 6) {
      const iface = view.getUint32(at + 8, true);
      const units = BigInt(unitsPerSecond[iface]!);
      const stamp =
        (BigInt(view.getUint32(at + 12, true)) << 32n) | BigInt(view.getUint32(at + 16, true));
      const capturedLength = view.getUint32(at + 20, true);
      packets.push({
        sec: Number(stamp / units),
        ns: Number(((stamp % units) * 1_000_000_000n) / units),
        wireLength: view.getUint32(at + 24, true),
        data: bytes.subarray(at + 28, at + 28 + capturedLength),
        iface,
      });
    }
    at += length;
  }
  return { linkTypes, packets };
}

function writePcap(
  name: string,
  linkType: number,
  packets: Packet[],
  options: { littleEndian: boolean; nano: boolean },
): void {
  const out = new ByteWriter(options.littleEndian);
  out.u32(options.nano ? 0xa1b23c4d : 0xa1b2c3d4);
  out.u16(2);
  out.u16(4);
  out.u32(0);
  out.u32(0);
  out.u32(262144);
  out.u32(linkType);
  for (const packet of packets) {
    out.u32(packet.sec);
    out.u32(options.nano ? packet.ns : Math.floor(packet.ns / 1000));
    out.u32(packet.data.length);
    out.u32(packet.wireLength);
    out.raw(packet.data);
  }
  writeFileSync(join(dir, name), out.result());
}

function stamp(packet: Packet, resolution: number): bigint {
  const ns = BigInt(packet.sec) * 1_000_000_000n + BigInt(packet.ns);
  if (resolution & 0x80) return (ns << BigInt(resolution & 0x7f)) / 1_000_000_000n;
  return (ns * 10n ** BigInt(resolution)) / 1_000_000_000n;
}

/** An Enhanced (type 6) or obsolete (type 2) Packet Block. */
function packetOf(out: ByteWriter, type: 2 | 6, packet: Packet, resolution: number): void {
  packetBlock(out, type, packet.iface, stamp(packet, resolution), packet.data, packet.wireLength);
}

function simplePacketBlock(out: ByteWriter, packet: Packet): void {
  block(out, 3, () => {
    out.u32(packet.wireLength);
    out.raw(packet.data);
  });
}

function withHeader(header: Uint8Array, data: Uint8Array): Uint8Array {
  const framed = new Uint8Array(header.length + data.length);
  framed.set(header);
  framed.set(data, header.length);
  return framed;
}

function relink(packets: Packet[], header: (packet: Packet) => Uint8Array): Packet[] {
  return packets.map((packet) => {
    const prefix = header(packet);
    return {
      ...packet,
      data: withHeader(prefix, packet.data),
      wireLength: packet.wireLength + prefix.length,
    };
  });
}

function familyHeader(family: number, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, family, littleEndian);
  return bytes;
}

const rawIp = read('tun-rawip.pcap');
const isIpv6 = (packet: Packet): boolean => packet.data[0]! >> 4 === 6;
// BSD loopback: AF_INET 2; AF_INET6 30 as macOS writes it (host order, little-endian here) for
// null, 24 as OpenBSD writes it (network order) for loop.
writePcap(
  'null.pcap',
  0,
  relink(rawIp.packets, (packet) => familyHeader(isIpv6(packet) ? 30 : 2, true)),
  { littleEndian: true, nano: false },
);
writePcap(
  'loop.pcap',
  108,
  relink(rawIp.packets, (packet) => familyHeader(isIpv6(packet) ? 24 : 2, false)),
  { littleEndian: true, nano: false },
);

const ethernet = read('lo-ipv4.pcap');
const vlanTagged = ethernet.packets.map((packet, index) => {
  const tags =
    index % 2 === 0 ? [0x81, 0x00, 0x00, 0x0a] : [0x88, 0xa8, 0x00, 0x14, 0x81, 0x00, 0x00, 0x0a];
  const data = new Uint8Array(packet.data.length + tags.length);
  data.set(packet.data.subarray(0, 12));
  data.set(tags, 12);
  data.set(packet.data.subarray(12), 12 + tags.length);
  return { ...packet, data, wireLength: packet.wireLength + tags.length };
});
writePcap('vlan.pcap', 1, vlanTagged, { littleEndian: true, nano: false });

const nano = read('lo-ipv6-nano.pcap');
writePcap('be.pcap', nano.linkTypes[0]!, nano.packets, { littleEndian: false, nano: true });

const twoInterfaces = read('dumpcap-two-ifaces.pcapng');
{
  const out = new ByteWriter(false);
  sectionHeader(out);
  twoInterfaces.linkTypes.forEach((linkType, index) =>
    interfaceBlock(out, { linkType, resolution: 9, name: index === 0 ? 'lo' : 'any' }),
  );
  for (const packet of twoInterfaces.packets) packetOf(out, 6, packet, 9);
  writeFileSync(join(dir, 'be.pcapng'), out.result());
}

{
  const out = new ByteWriter(true);
  sectionHeader(out);
  const binary = 0x80 | 20; // 2^-20 s
  interfaceBlock(out, { linkType: 1, resolution: binary, name: 'lo' });
  ethernet.packets.forEach((packet, index) => {
    if (index % 3 === 0) packetOf(out, 6, packet, binary);
    else if (index % 3 === 1) packetOf(out, 2, packet, binary);
    else simplePacketBlock(out, packet);
    if (index === 5) {
      // Blocks that carry no packet: name resolution (127.0.0.1 is "localhost") and a type
      // that no specification defines. (Not a Custom Block: tshark numbers those as frames.)
      block(out, 4, () => {
        out.u16(1); // nrb_record_ipv4
        out.u16(14);
        out.raw(new Uint8Array([127, 0, 0, 1]));
        out.raw(new TextEncoder().encode('localhost\0'));
        out.pad4();
        out.u16(0); // nrb_record_end
        out.u16(0);
      });
      block(out, 0x00000abc, () => out.u32(42));
    }
  });
  const bigEndian = new ByteWriter(false);
  sectionHeader(bigEndian);
  interfaceBlock(bigEndian, { linkType: 101, resolution: 9, name: 'tun' });
  for (const packet of rawIp.packets) packetOf(bigEndian, 6, packet, 9);
  const first = out.result();
  const second = bigEndian.result();
  writeFileSync(join(dir, 'blocks.pcapng'), withHeader(first, second));
}
