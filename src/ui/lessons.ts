// The built-in lessons, by the id the `lesson=` URL option names. They stay raw JSON: the worker
// validates them like any other input, so a broken lesson shows its error instead of a wrong trace.

import clientClosesFirst from '../scenarios/client-closes-first.json';

export const LESSONS: Readonly<Record<string, unknown>> = {
  'client-closes-first': clientClosesFirst,
};

export const DEFAULT_LESSON = 'client-closes-first';

export type LessonChoice =
  { ok: true; id: string; scenario: unknown } | { ok: false; error: string };

/** The lesson that the page's URL query asks for (the default one when it names none). */
export function chooseLesson(search: string): LessonChoice {
  const id = new URLSearchParams(search).get('lesson') ?? DEFAULT_LESSON;
  if (!Object.hasOwn(LESSONS, id)) {
    return {
      ok: false,
      error: `lesson: no lesson "${id}" (known: ${Object.keys(LESSONS).join(', ')})`,
    };
  }
  return { ok: true, id, scenario: LESSONS[id] };
}

/** The lesson's title, if the raw scenario has one. */
export function titleOf(scenario: unknown): string | undefined {
  if (typeof scenario !== 'object' || scenario === null || !('title' in scenario)) return undefined;
  return typeof scenario.title === 'string' ? scenario.title : undefined;
}
