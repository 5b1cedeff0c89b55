// Sequence-number arithmetic modulo 2^32 (RFC 9293 section 3.4). Values are kept as unsigned
// 32-bit integers; comparisons look at the signed distance so they survive wrap-around.

export const MOD = 0x1_0000_0000;

export function u32(n: number): number {
  return n >>> 0;
}

export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** Signed distance b - a in (-2^31, 2^31]. */
export function seqDiff(b: number, a: number): number {
  return (b - a) | 0;
}

export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

export function seqLeq(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}

export function seqGt(a: number, b: number): boolean {
  return ((a - b) | 0) > 0;
}

export function seqGeq(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}
