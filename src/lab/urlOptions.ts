// The page's URL query options (CONTRACT.md section 4), read once at load. Pure: tests pass a string.

export type ThemeChoice = 'light' | 'dark';

export interface UrlOptions {
  /** `lesson=ID`, as written (checked against the lessons by the store). */
  lesson: string | null;
  /** `lang=en|zh` (also `zh-CN`), or null to follow the browser. */
  lang: 'en' | 'zh-CN' | null;
  /** `step=N`: the step to show once the run is ready (clamped to the run). */
  step: number | null;
  /** `autoplay=1`. */
  autoplay: boolean;
  /** `theme=light|dark`, or null to follow `prefers-color-scheme`. */
  theme: ThemeChoice | null;
  /** `controls=0` hides every control but the step controls. */
  controls: boolean;
  /** `embed=1`: the compact layout for an iframe (diagram, state badges, step controls). */
  embed: boolean;
  /** `s=…`: a whole scenario, base64url of its JSON, as written (see decodeScenarioParam). */
  scenario: string | null;
  /**
   * `z=…` (our extension): a whole scenario, its JSON compressed with raw deflate, as base64url, as
   * written (see decodeCompressedScenarioParam); wins over `s=`.
   */
  compressed: string | null;
  /**
   * `origins=a,b`: origins besides the parent frame's allowed to drive the widget by postMessage
   * (each normalised to scheme://host[:port]; unreadable entries are left out).
   */
  origins: string[];
  /** `dropFinalAck=1` (our extension, for share links): the lab's "drop the final ACK" knob. */
  dropFinalAck: boolean;
  /** `scale=linear` (our extension): the time axis drawn to scale; absent or `warped`, the default. */
  scale: 'warped' | 'linear';
  /** `mode=predict`: the student predicts each phase's segment before it is drawn. */
  mode: 'watch' | 'predict';
  /** `attempt=N` (1…999999): predict mode's numbers from this seed, for a whole class. */
  attempt: number | null;
  /** `set=ID` or `set=a,b,c`: an exercise set, as written (../scenarios/exerciseSets.ts reads it). */
  set: string | null;
  /** `scorm=1.2|2004`: an LMS launched the page (a SCORM package's launch page sets it). */
  scorm: '1.2' | '2004' | null;
}

/** An origin as `URL.origin` writes it, or null if `text` is not an http(s) origin. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function flag(value: string | null): boolean {
  return value === '1' || value === 'true' || value === '';
}

/** An attempt seed as typed: digits only, 1…999999; anything else is no seed. */
function attemptOf(text: string | null): number | null {
  if (text === null || !/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

function scormOf(text: string | null): '1.2' | '2004' | null {
  return text === '1.2' || text === '2004' ? text : null;
}

/** The lesson a lesson's own entry names (`…/lesson/ID/`, as the build writes one per lesson). */
export function lessonOfPath(pathname: string): string | null {
  const match = /\/lesson\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** The page's options from its query (and, for a lesson's own entry, its path). */
export function parseUrlOptions(search: string, pathname = ''): UrlOptions {
  const query = new URLSearchParams(search);
  const lang = query.get('lang')?.toLowerCase();
  const theme = query.get('theme');
  const stepText = query.get('step');
  const step = stepText !== null && /^\d+$/.test(stepText) ? Number(stepText) : null;
  const controls = query.get('controls');
  return {
    // A `lesson=` in the query wins over the entry's own lesson.
    lesson: query.get('lesson') ?? lessonOfPath(pathname),
    lang: lang === 'en' ? 'en' : lang === 'zh' || lang === 'zh-cn' ? 'zh-CN' : null,
    step,
    autoplay: query.has('autoplay') && flag(query.get('autoplay')),
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    controls: !(controls === '0' || controls === 'false'),
    embed: query.has('embed') && flag(query.get('embed')),
    scenario: query.get('s'),
    compressed: query.get('z'),
    origins: (query.get('origins') ?? '')
      .split(',')
      .map(normalizeOrigin)
      .filter((origin): origin is string => origin !== null),
    dropFinalAck: query.has('dropFinalAck') && flag(query.get('dropFinalAck')),
    scale: query.get('scale')?.toLowerCase() === 'linear' ? 'linear' : 'warped',
    mode: query.get('mode')?.toLowerCase() === 'predict' ? 'predict' : 'watch',
    attempt: attemptOf(query.get('attempt')),
    set: query.get('set'),
    scorm: scormOf(query.get('scorm')),
  };
}
