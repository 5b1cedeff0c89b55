// Simulated time in the reader's language: the one formatter of durations and times the page, the
// explanations and the exports use (the diagram's time gutter, timers, state badges and breaks,
// the inspector, the explanation panel, the Markdown handout).

import { en, interpolate, loadedMessages, type Locale } from './core';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

// One formatter per locale: up to three decimals, no grouping (a gutter label stays short and
// "1151.5 s" never looks like two numbers).
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false });
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * `n` as `numberFormat(locale)` writes it, where that is plain digits: both of the page's locales
 * write a number with Latin digits and a '.' and round its shortest decimal form half away from
 * zero. The first Intl.NumberFormat a page makes loads the browser's locale data (tens of
 * milliseconds on a slow machine), which the first diagram's time labels would otherwise wait
 * for. Anything else (a negative number or zero, an exponent, NaN) goes to Intl.
 */
export function formatNumber(n: number, locale: Locale): string {
  const shortest = String(n);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(shortest);
  if (!match || Object.is(n, -0)) return numberFormat(locale).format(n);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length <= 3) return shortest;
  let thousandths = BigInt(whole + fraction.slice(0, 3));
  if (fraction.charCodeAt(3) >= 53 /* '5' */) thousandths += 1n;
  const digits = thousandths.toString().padStart(4, '0');
  const decimals = digits.slice(-3).replace(/0+$/, '');
  return decimals ? `${digits.slice(0, -3)}.${decimals}` : digits.slice(0, -3);
}

/**
 * `ms` of simulated time in the locale's words. The rule: below 1 s in milliseconds, exact to the
 * microsecond (captures have sub-millisecond times: "0.013 ms", "151 ms"); from 1 s to 1 h in
 * seconds, exact to the millisecond ("1.151 s", "90 s", "240.2 s"); from 1 h in hours, minutes
 * and seconds, zero parts left out ("1 h 30 min", "2 h 0.5 s"). Never rounded further, so two
 * times of a run a millisecond apart never read the same (the diagram's axis gives each its row),
 * and a duration reads the same wherever it is shown. Numbers are the locale's (Intl.NumberFormat),
 * units its words (`ui.units.*`; English until the locale is loaded).
 */
export function formatDuration(ms: number, locale: Locale): string {
  const units = (loadedMessages(locale) ?? en).ui.units;
  const unit = (template: string, n: number) =>
    interpolate(template, { n: formatNumber(n, locale) });
  if (!Number.isFinite(ms)) return unit(units.ms, ms);
  if (ms < 0) return `-${formatDuration(-ms, locale)}`;
  const microseconds = Math.round(ms * 1000);
  if (microseconds < 1000 * MS_PER_SECOND) return unit(units.ms, microseconds / 1000);
  const whole = Math.round(ms);
  if (whole < MS_PER_HOUR) return unit(units.s, whole / MS_PER_SECOND);
  const hours = Math.floor(whole / MS_PER_HOUR);
  const minutes = Math.floor((whole % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = (whole % MS_PER_MINUTE) / MS_PER_SECOND;
  const parts = [unit(units.h, hours)];
  if (minutes > 0) parts.push(unit(units.min, minutes));
  if (seconds > 0) parts.push(unit(units.s, seconds));
  return parts.join(' ');
}
