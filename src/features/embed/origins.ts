// Who may drive an embedded widget: the page that embeds it (the parent frame's origin) and the
// origins its URL names in `origins=`. Commands from anyone else are ignored.

import { normalizeOrigin } from '../../lab/urlOptions';

/**
 * What the browser tells about the parent frame: `location.ancestorOrigins` (Chromium, Safari)
 * and `document.referrer` (everywhere, unless the course page's referrer policy strips it).
 */
export interface FrameFacts {
  ancestorOrigins?: ArrayLike<string> | null;
  referrer: string;
}

/** An origin that names a real http(s) site: `null` (sandboxed or file: pages) never does. */
function siteOrigin(text: string | undefined | null): string | null {
  return text ? normalizeOrigin(text) : null;
}

/**
 * The parent frame's origin, or null when it cannot be known (no ancestor origins and no referrer,
 * or an opaque one). The nearest ancestor is `ancestorOrigins[0]`; the referrer is the URL of the
 * page that loaded the iframe, which is the parent unless the frame navigated itself since.
 */
export function parentOriginOf(facts: FrameFacts): string | null {
  const ancestors = facts.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return siteOrigin(ancestors[0]);
  return siteOrigin(facts.referrer);
}

/** The parent frame's origin for this document (see parentOriginOf). */
export function currentParentOrigin(): string | null {
  return parentOriginOf({
    ancestorOrigins: window.location.ancestorOrigins,
    referrer: document.referrer,
  });
}

/**
 * Whether a message from `origin` (MessageEvent.origin) may drive the widget: it is the parent
 * frame's origin, or one of `allowed` (already normalised, as parseUrlOptions gives them). The
 * opaque origin `null` is never allowed, even when the parent's is opaque too: any sandboxed frame
 * anywhere has that same origin.
 */
export function isAllowedOrigin(
  origin: unknown,
  parentOrigin: string | null,
  allowed: readonly string[],
): boolean {
  if (typeof origin !== 'string' || origin === '' || origin === 'null') return false;
  return origin === parentOrigin || allowed.includes(origin);
}
