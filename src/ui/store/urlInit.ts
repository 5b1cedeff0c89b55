// What a widget opens on, from the page's URL options: the page (App.tsx) and the share-link tests
// go through this same step, so a link the tests reopen is read exactly as the page reads it.

import type { Locale } from '../../i18n/types';
import type { LabInit } from './labStore';
import type { UrlOptions } from '../../lab/urlOptions';

/** A link's scenario as read, or why it could not be. */
export type LinkScenario = { ok: true; scenario: unknown } | { ok: false; error: string };

/** What reads the parts of a link that only some pages carry (each fetched only for those). */
export interface LinkReaders {
  /** Reads an `s=` value (scenarioParam.ts's decodeScenarioParam). */
  decode: (value: string) => unknown;
  /**
   * The scenario of the link's `z=` value, read beforehand by readCompressedLink: decompressing
   * takes a promise, and what a widget opens on is decided at once.
   */
  compressed?: LinkScenario;
  /** The lessons a `set=` value names (scenarios/exerciseSets.ts's lessonsOfSet). */
  lessonsOfSet: (value: string) => string[];
}

/** Reads a `z=` value with `inflate` (decodeCompressedScenarioParam), for labInitFromUrl. */
export async function readCompressedLink(
  value: string,
  inflate: (value: string) => Promise<unknown>,
): Promise<LinkScenario> {
  try {
    return { ok: true, scenario: await inflate(value) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Said when a `z=` link's scenario was not read beforehand (its reader could not be fetched). */
const COMPRESSED_UNREAD: LinkScenario = {
  ok: false,
  error: 'z: the link reader could not be loaded; try reloading the page',
};

export function labInitFromUrl(
  url: UrlOptions,
  locale: Locale,
  { decode, compressed, lessonsOfSet }: LinkReaders,
): LabInit {
  let custom: unknown;
  let linkError: string | undefined;
  if (url.compressed !== null) {
    const read = compressed ?? COMPRESSED_UNREAD;
    if (read.ok) custom = read.scenario;
    else linkError = read.error;
  } else if (url.scenario !== null) {
    try {
      custom = decode(url.scenario);
    } catch (error) {
      linkError = error instanceof Error ? error.message : String(error);
    }
  }
  // An exercise set opens on its first lesson (unless the link names one), in predict mode.
  let set: string[] = [];
  if (url.set !== null) {
    try {
      set = lessonsOfSet(url.set);
    } catch (error) {
      linkError ??= error instanceof Error ? error.message : String(error);
    }
  }
  const inSet = set.length > 0;
  return {
    lessonId: url.lesson ?? (inSet ? (set[0] ?? null) : null),
    custom,
    linkError,
    step: url.step,
    autoplay: url.autoplay,
    locale,
    theme: url.theme,
    showControls: url.controls && !url.embed,
    embed: url.embed,
    timeScale: url.scale,
    mode: inSet ? 'predict' : url.mode,
    attemptSeed: url.attempt,
    set: inSet ? set : null,
    scorm: url.scorm,
    ...(url.dropFinalAck ? { options: { dropFinalAck: true } } : {}),
  };
}
