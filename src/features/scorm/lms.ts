// Finding the LMS's SCORM API from inside the course frame, and one small interface over its two
// dialects (1.2: `API.LMSSetValue`, 2004: `API_1484_11.SetValue`). Nothing here may throw: a
// broken or absent LMS must never break the page, which works the same without one.

export type ScormVersion = '1.2' | '2004';

/** The SCORM 1.2 run-time API an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: string): string;
  LMSFinish(parameter: string): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: string): string;
}

/** The SCORM 2004 run-time API an LMS puts on a window as `API_1484_11`. */
export interface Scorm2004Api {
  Initialize(parameter: string): string;
  Terminate(parameter: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
}

/** Both dialects as one: each call says whether the LMS answered "true". */
export interface Lms {
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
}

const API_NAME = { '1.2': 'API', '2004': 'API_1484_11' } as const;

/** Both specs' discovery algorithms give up after this many parents. */
const MAX_PARENTS = 7;

/**
 * A property of a window that may be another origin's: reading it throws a SecurityError there,
 * which means the API is not in that window, not that the search failed.
 */
function read(win: unknown, key: string): unknown {
  try {
    return (win as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The window's parent, or null at the top (a top window is its own parent). */
function parentOf(win: Window): Window | null {
  const parent = read(win, 'parent') as Window | null | undefined;
  return parent && parent !== win ? parent : null;
}

/** Another page's `API` object can be anything: only one with the calls we make counts. */
function isApi(value: unknown, version: ScormVersion): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const calls =
    version === '1.2'
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
  return calls.every((name) => typeof read(value, name) === 'function');
}

function searchUp(start: Window, version: ScormVersion): unknown {
  let win: Window | null = start;
  for (let level = 0; win && level <= MAX_PARENTS; level += 1) {
    const api = read(win, API_NAME[version]);
    if (isApi(api, version)) return api;
    win = parentOf(win);
  }
  return null;
}

/**
 * The LMS's API as the run-time spec's discovery algorithm finds it: in this window or up to 7
 * parents, then in the window that opened this one (an LMS that launches courses in a pop-up)
 * and its parents. Null when there is none: the page then runs outside an LMS.
 */
export function findScormApi(win: Window, version: '1.2'): Scorm12Api | null;
export function findScormApi(win: Window, version: '2004'): Scorm2004Api | null;
export function findScormApi(win: Window, version: ScormVersion): Scorm12Api | Scorm2004Api | null;
export function findScormApi(win: Window, version: ScormVersion): Scorm12Api | Scorm2004Api | null {
  const found = searchUp(win, version);
  if (found) return found as Scorm12Api | Scorm2004Api;
  const opener = read(win, 'opener') as Window | null | undefined;
  return opener ? (searchUp(opener, version) as Scorm12Api | Scorm2004Api | null) : null;
}

/** One LMS call; an LMS that throws has failed it like one that answers "false" (or ""). */
function call(run: () => string, failed = 'false'): string {
  try {
    return String(run());
  } catch {
    return failed;
  }
}

/** The LMS of `win` as one interface, or null when there is none. */
export function findLms(win: Window, version: ScormVersion): Lms | null {
  if (version === '1.2') {
    const api = findScormApi(win, '1.2');
    if (!api) return null;
    return {
      initialize: () => call(() => api.LMSInitialize('')) === 'true',
      get: (element) => call(() => api.LMSGetValue(element), ''),
      set: (element, value) => call(() => api.LMSSetValue(element, value)) === 'true',
      commit: () => call(() => api.LMSCommit('')) === 'true',
      terminate: () => call(() => api.LMSFinish('')) === 'true',
    };
  }
  const api = findScormApi(win, '2004');
  if (!api) return null;
  return {
    initialize: () => call(() => api.Initialize('')) === 'true',
    get: (element) => call(() => api.GetValue(element), ''),
    set: (element, value) => call(() => api.SetValue(element, value)) === 'true',
    commit: () => call(() => api.Commit('')) === 'true',
    terminate: () => call(() => api.Terminate('')) === 'true',
  };
}
