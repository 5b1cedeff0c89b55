// The two runs of the "why three" comparison, built from the two-way-handshake lesson itself: the
// what-if as written, and the same scenario (the same delayed SYN, the same timers) without
// `whatIf.twoWayHandshake`, which is TCP's real three-way handshake meeting that stale SYN. Built
// here rather than kept as a second JSON file, so the two can never drift apart.

import twoWayLesson from '../../scenarios/two-way-handshake.json';

export const COMPARE_VARIANTS = ['two-way', 'three-way'] as const;
export type CompareVariant = (typeof COMPARE_VARIANTS)[number];

/** The lesson's scenario with the what-if taken out (and its words, which describe the what-if). */
function withoutTwoWay(lesson: Record<string, unknown>): Record<string, unknown> {
  const { whatIf, title: _title, description: _description, ...rest } = lesson;
  const others = { ...(whatIf as Record<string, unknown> | undefined) };
  delete others.twoWayHandshake;
  return {
    title: 'The same stale SYN, with the three-way handshake',
    ...rest,
    ...(Object.keys(others).length > 0 ? { whatIf: others } : {}),
  };
}

/** Each side's raw scenario (the worker validates it like any other). */
export const COMPARE_SCENARIOS: Readonly<Record<CompareVariant, unknown>> = {
  'two-way': twoWayLesson,
  'three-way': withoutTwoWay(twoWayLesson as Record<string, unknown>),
};
