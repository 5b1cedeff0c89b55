// Packetdrill's notation for one segment, read back, for tests that write segments the way the
// packetdrill scripts (and traceHelpers.ts's `pd`) do: "20 < S. 0:0(0) ack 1" is a SYN+ACK that
// arrives at 20 ms, sequence numbers 0 up to 0 (no data), acknowledging 1.
import type { Flag } from '../engine/types';
import { FLAGS } from '../engine/wire/flags';

export interface PacketLine {
  /** When, in ms. */
  t: number;
  /** `>`: the side the script is written for sends it; `<`: that side receives it. */
  direction: '<' | '>';
  /** In the lab's order (SYN, FIN, RST, PSH, ACK). */
  flags: Flag[];
  seq: number;
  len: number;
  /** Only when the line says "ack N". */
  ack?: number;
}

/** Packetdrill's letters: F S R P, and "." for ACK. */
const LETTER_OF: Record<Flag, string> = { SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: '.' };

const PACKET = /^(\d+(?:\.\d+)?) ([<>]) ([FSRP.]+) (\d+):(\d+)\((\d+)\)(?: ack (\d+))?$/;

/** Reads "t dir flags seq:end(len) [ack n]"; throws on anything else, or an end that is not seq + len. */
export function packetLine(line: string): PacketLine {
  const match = PACKET.exec(line.trim());
  if (match === null) throw new Error(`not a packetdrill segment: "${line}"`);
  const [, t, direction, letters, seq, end, len, ack] = match;
  if ((Number(seq) + Number(len)) % 2 ** 32 !== Number(end)) {
    throw new Error(`"${line}": ${seq} + ${len} is not ${end}`);
  }
  return {
    t: Number(t),
    direction: direction as PacketLine['direction'],
    flags: FLAGS.filter((flag) => letters!.includes(LETTER_OF[flag])),
    seq: Number(seq),
    len: Number(len),
    ...(ack === undefined ? {} : { ack: Number(ack) }),
  };
}
