// The values the reporter writes, in the forms and lengths each data model accepts: an LMS
// rejects a whole SetValue whose value breaks its type, and the answer is then simply lost.

import type { ScormVersion } from './lms';

/**
 * Longest text a fill-in response or pattern may be: SCORM 1.2's CMIString255, SCORM 2004's
 * localized string of 250 characters (also the 2004 description's limit).
 */
const TEXT_LIMIT: Record<ScormVersion, number> = { '1.2': 255, '2004': 250 };

/** Longest interaction id: 1.2's CMIIdentifier, 2004's long identifier. */
const ID_LIMIT: Record<ScormVersion, number> = { '1.2': 255, '2004': 4000 };

/** Cuts to `limit` UTF-16 units without leaving half of a surrogate pair behind. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/**
 * A text as one line the LMS accepts. 2004 reads a leading "{" as the start of a `{lang=…}` or
 * `{case_matters=…}` delimiter: none may come through from the lab's words.
 */
export function cmiText(text: string, version: ScormVersion): string {
  let line = text.replace(/\s+/g, ' ').trim();
  if (version === '2004') line = line.replace(/^\{/, '(');
  return cut(line, TEXT_LIMIT[version]).trimEnd();
}

/**
 * A fill-in response or correct pattern (see cmiText). 2004 separates a fill-in's several answers
 * with "[,]", and run-times that also take a bare "," there reject a pattern whose parts have
 * spaces at either end: "FIN, ACK" goes as "FIN,ACK", which reads the same under both readings.
 */
export function responseText(text: string, version: ScormVersion): string {
  if (version === '1.2') return cmiText(text, version);
  return cmiText(text.replaceAll('[,]', ',').replace(/\s*,\s*/g, ','), version);
}

/**
 * An interaction id both data models accept: 1.2's CMIIdentifier allows letters, digits, '-'
 * and '_' only (no '.'); 2004's is a URI, where '.' is fine. An id left with no letter or digit
 * is replaced by one made from the answer's place.
 */
export function interactionId(id: string, place: number, version: ScormVersion): string {
  const other = version === '1.2' ? /[^A-Za-z0-9_-]/g : /[^A-Za-z0-9_.-]/g;
  const clean = cut(id.replace(other, '_'), ID_LIMIT[version]);
  return /[A-Za-z0-9]/.test(clean) ? clean : `answer-${place + 1}`;
}

/** A number as a CMI decimal, rounded to `places` decimals ("0.8", not "0.8000"). */
export function decimal(value: number, places = 4): string {
  const factor = 10 ** places;
  return String(Math.round(value * factor) / factor);
}

/** right / total within [0, 1]; 0 when nothing is asked, so an empty exercise never passes. */
export function ratio(right: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(1, Math.max(0, right / total));
}

/** The score's raw, min and max as one data model takes them. */
export interface ScoreValues {
  raw: string;
  min: string;
  max: string;
}

/**
 * The score as parts right out of parts asked. SCORM 1.2 bounds raw, min and max to 0..100, so an
 * exercise of more than 100 parts reports there as a percentage instead.
 */
export function scoreValues(right: number, total: number, version: ScormVersion): ScoreValues {
  const max = Math.max(0, total);
  if (version === '1.2' && max > 100) {
    return { raw: decimal(ratio(right, total) * 100, 2), min: '0', max: '100' };
  }
  return { raw: decimal(Math.min(Math.max(0, right), max)), min: '0', max: decimal(max) };
}

/**
 * A duration as each data model writes one: 1.2's CMITimespan (HHHH:MM:SS.SS, at most 9999 hours)
 * and 2004's ISO 8601 duration (PT1H2M3.45S).
 */
export function timespan(milliseconds: number, version: ScormVersion): string {
  const centis = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6_000);
  const seconds = (centis % 6_000) / 100;
  if (version === '2004') return `PT${hours}H${minutes}M${decimal(seconds, 2)}S`;
  if (hours > 9999) return '9999:59:59.99';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}
