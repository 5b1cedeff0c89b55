// Bytes as people read them: lowercase hex in groups, and in rows of one 32-bit word as
// RFC 9293's header diagram lays the header out (the inspector's view).

/**
 * Lowercase hex, `group` bytes per group, groups separated by spaces:
 * hex([0x9c, 0x40, 0x1f, 0x90]) is "9c 40 1f 90", with group 2 "9c40 1f90".
 */
export function hex(bytes: Uint8Array | readonly number[], group = 1): string {
  if (!Number.isInteger(group) || group < 1)
    throw new RangeError('group must be a positive integer');
  const groups: string[] = [];
  let current = '';
  for (let i = 0; i < bytes.length; i++) {
    current += (bytes[i]! & 0xff).toString(16).padStart(2, '0');
    if ((i + 1) % group === 0) {
      groups.push(current);
      current = '';
    }
  }
  if (current) groups.push(current);
  return groups.join(' ');
}

/** Rows of `rowBytes` bytes (default 4: one 32-bit word, as in the RFC's header diagram), each hex(). */
export function hexRows(bytes: Uint8Array, rowBytes = 4): string[] {
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += rowBytes) rows.push(hex(bytes.subarray(i, i + rowBytes)));
  return rows;
}

/** A 16-bit value as 0x-prefixed four hex digits. */
export function hex16(value: number): string {
  return `0x${(value & 0xffff).toString(16).padStart(4, '0')}`;
}
