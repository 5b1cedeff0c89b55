// Which capture times can be dates. A file's times are counts of its interface's units plus an
// offset, and a broken or crafted file (a time resolution of whole seconds under a high timestamp
// word, an offset of ±2^62 s) gives times no calendar holds: a JavaScript Date takes ±8.64e15 ms
// around 1970 (about ±273,000 years), and Intl.DateTimeFormat throws a RangeError past it.

/** The largest distance from 1970 a Date holds, in ms (ECMA-262, "Time Values and Time Range"). */
export const MAX_DATE_MS = 8.64e15;

/** Whether a capture time (ms since 1970) can be shown as a date. */
export function isDateMs(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/**
 * Whether a capture time, as whole seconds since 1970 (and nanoseconds), is the file's time
 * exactly: past 2^53 s a double rounds the seconds, and times from one packet to the next would be
 * whatever the rounding left of them.
 */
export function isExactTime(sec: number, ns: number): boolean {
  return Number.isSafeInteger(sec) && Number.isFinite(ns);
}
