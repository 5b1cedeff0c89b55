// Exercise sets: several lessons done in a row in predict mode, with one total score. A URL names
// one by id (`set=handshake`) or lists lessons (`set=lost-syn,lost-final-ack`); `npm run build:scorm`
// writes a launch page per named set.
import { LESSON_IDS } from './index';

export interface ExerciseSet {
  id: string;
  /** The lessons, in the order they are done. */
  lessons: readonly (typeof LESSON_IDS)[number][];
}

export const EXERCISE_SETS: readonly ExerciseSet[] = [
  { id: 'handshake', lessons: ['client-closes-first', 'lost-syn', 'lost-syn-ack'] },
  {
    id: 'teardown',
    lessons: ['client-closes-first', 'server-closes-first', 'simultaneous-close', 'lost-final-ack'],
  },
  {
    id: 'core',
    lessons: [
      'client-closes-first',
      'lost-syn',
      'lost-syn-ack',
      'lost-final-ack',
      'reuse-with-time-wait',
    ],
  },
];

/**
 * The lessons a `set=` value names: a set's id, or lesson ids separated by commas (unknown ones
 * left out, repeats kept). Empty when it names nothing the lab knows.
 */
export function lessonsOfSet(value: string): string[] {
  const named = EXERCISE_SETS.find((set) => set.id === value.trim());
  if (named) return [...named.lessons];
  const known = new Set<string>(LESSON_IDS);
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => known.has(id));
}
