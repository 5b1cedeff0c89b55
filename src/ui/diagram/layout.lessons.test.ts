// Every lesson, at every step, at widths from a phone's to a wide screen's and in both languages:
// no two texts of the diagram overlap and no two arrows lie on each other (./layoutCheck.ts), on
// the warped axis and to scale.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, loadLocale, translate, type Locale } from '../../i18n';
import { deriveRun } from '../../lab/derive';
import { runWithCauses } from '../../lab/run';
import { stateChangesUpTo } from '../../lab/stateChanges';
import { LESSONS } from '../../scenarios/all';
import type { DiagramLabels } from './labels';
import { coincidentArrows, diagramLayout, overlappingPairs } from './layoutCheck';
import { diagramLabels } from './useDiagramLabels';

const labels: Partial<Record<Locale, DiagramLabels>> = {};

beforeAll(async () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const dict = await loadLocale(locale);
    labels[locale] = diagramLabels(
      (key, params) => translate(dict, key, params),
      (ms) => formatDuration(ms, locale),
    );
  }
});

function problems(
  scale: 'warped' | 'linear',
  widths: readonly number[],
  lessons = LESSONS,
): string[] {
  const out: string[] = [];
  for (const lesson of lessons) {
    const derived = deriveRun(runWithCauses(lesson.scenario as never));
    const axis = scale === 'linear' ? (derived.axis.linear ?? derived.axis) : derived.axis;
    for (let step = 0; step <= derived.steps.length; step++) {
      const end = step > 0 ? (derived.steps[step - 1]?.end ?? 0) : 0;
      const input = {
        segments: derived.segments,
        view: derived.viewAt(step),
        axis,
        stateChanges: stateChangesUpTo(derived.stateChanges, end),
      };
      for (const width of widths) {
        for (const locale of ['en', 'zh-CN'] as const) {
          const { texts, arrows } = diagramLayout({ ...input, width, labels: labels[locale]! });
          const where = `${lesson.id} step ${step} ${width}px ${locale}`;
          for (const [p, q] of overlappingPairs(texts)) {
            out.push(`${where}: ${p.kind} "${p.text}" × ${q.kind} "${q.text}"`);
          }
          for (const [p, q] of coincidentArrows(arrows)) out.push(`${where}: arrows ${p} = ${q}`);
        }
      }
    }
  }
  return out;
}

describe('the diagram of every lesson', () => {
  // Phone widths (320 and the 328 px drawing of a 360 px screen), a tablet's and wide screens'.
  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: no overlapping texts, no coincident arrows, from 320 px up (warped axis)',
    (_, lesson) => {
      const found = problems('warped', [320, 328, 640, 1000, 1440], [lesson]);
      expect(found.slice(0, 40), `${found.length} problems`).toEqual([]);
    },
    20_000,
  );

  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: no overlapping texts, no coincident arrows, from 320 px up (to scale)',
    (_, lesson) => {
      const found = problems('linear', [640, 1440], [lesson]);
      expect(found.slice(0, 40), `${found.length} problems`).toEqual([]);
    },
    20_000,
  );

  // Not yet zero: to scale on a 320 px screen, a few labels of crossing arrows find no free place
  // (nine pairs, in half-close, server-closes-first and lost-final-ack). This bound keeps it there.
  it('keeps the known overlaps to scale at 320 px bounded', () => {
    const found = problems('linear', [320]);
    if (process.env.LAYOUT_SUMMARY) console.log(found.length, found);
    expect(found.length).toBeLessThanOrEqual(9);
  }, 20_000);
});
