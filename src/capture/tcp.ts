// A packet's TCP header into the reader's fields: ports, numbers, flags, window, options (read by
// the engine's header code), and the payload length from the IP lengths (what was on the wire,
// whatever the snap length kept).
import { readTcpOptions, u32 } from '../engine/wire/tcpHeader';
import { DECODED, NO_OPTIONS, type DecodeStatus, type PacketFields } from './packet';

/**
 * Reads the TCP header at fields.tcpStart into fields. PROBLEM when the captured bytes stop
 * before the window field, or the header's length does not fit the IP payload.
 */
export function readTcp(bytes: Uint8Array, fields: PacketFields): DecodeStatus {
  const start = fields.tcpStart;
  const capEnd = fields.capEnd;
  // Everything the lab needs is in the first 16 bytes; the rest (checksum, urgent pointer,
  // options) may be missing from a packet the snap length cut.
  if (capEnd - start < 16) return fields.fail('cut short inside its TCP header');
  if (fields.tcpLength < 20) {
    return fields.fail(`IP payload of ${fields.tcpLength} bytes, too short for a TCP header`);
  }
  const headerLength = (bytes[start + 12]! >> 4) * 4;
  if (headerLength < 20) return fields.fail(`TCP header length ${headerLength} (less than 20)`);
  if (headerLength > fields.tcpLength) {
    return fields.fail(
      `TCP header length ${headerLength} longer than the IP payload (${fields.tcpLength})`,
    );
  }
  fields.srcPort = (bytes[start]! << 8) | bytes[start + 1]!;
  fields.dstPort = (bytes[start + 2]! << 8) | bytes[start + 3]!;
  fields.seq = u32(bytes, start + 4);
  fields.ack = u32(bytes, start + 8);
  fields.flagBits = bytes[start + 13]!;
  fields.window = (bytes[start + 14]! << 8) | bytes[start + 15]!;
  const headerEnd = start + headerLength;
  fields.optionsCut = headerEnd > capEnd;
  fields.options =
    headerLength > 20
      ? readTcpOptions(bytes, start + 20, Math.min(headerEnd, capEnd), NO_OPTIONS)
      : NO_OPTIONS;
  const payloadLength = fields.tcpLength - headerLength;
  fields.payloadLength = payloadLength;
  const captured = capEnd - headerEnd;
  fields.capturedLength = captured <= 0 ? 0 : captured < payloadLength ? captured : payloadLength;
  return DECODED;
}
