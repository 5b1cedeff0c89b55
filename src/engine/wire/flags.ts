// Flag names in scenarios ("SYN,ACK") to the engine's bit set.
import { ACK, FIN, PSH, RST, SYN } from '../sim';

const BITS: Record<string, number> = { SYN, FIN, RST, PSH, ACK };

/** Parses a comma list of flag names; PSH is kept (faults ignore it when matching). */
export function parseFlags(list: string): number {
  let flags = 0;
  for (const name of list.split(',')) {
    const bit = BITS[name.trim().toUpperCase()];
    if (bit !== undefined) flags |= bit;
  }
  return flags;
}

/** The flags a fault matches: PSH never counts. */
export function faultFlags(list: string): number {
  return parseFlags(list) & ~PSH;
}
