// The diagram never hides the action: every lesson, at three screen sizes and
// in both languages, stepped with → from step 0 to its end. After each step
//  (a) the arrows the step added or changed lie fully inside the diagram's visible rectangle (the
//      scroll container's box within the viewport, less sticky elements in front of it), and
//  (b) no two texts of the diagram overlap (rotated boxes: `getBBox()` under `getScreenCTM()`,
//      separating axes, 0.5 px tolerance), at step 0 too;
// then a deep link (`step=N`) to a middle step with arrows shows that step's arrows.
// One test per lesson, size and language, one page each, with reduced motion so nothing flies;
// e2e/helpers/diagramChecks.ts measures each step in one round trip. A failure names the lesson,
// size, language and step, and the arrow or the texts.
import { expect, test, type Page } from '@playwright/test';
import { LESSON_IDS } from './helpers/engine';
import { arrowProblem, measureDiagram, type DiagramProbeResult } from './helpers/diagramChecks';
import { blur, openLab } from './helpers/page';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 360, height: 740 },
] as const;
const LANGS = ['en', 'zh-CN'] as const;

/** Lines of a failure message before "… and N more". */
const MAX_LINES = 40;

interface StepRecord {
  step: number;
  result: DiagramProbeResult;
}

/** Steps from 0 to the end with →, measuring after each. */
async function walk(page: Page, total: number): Promise<StepRecord[]> {
  const records: StepRecord[] = [];
  await blur(page);
  records.push({
    step: 0,
    result: await measureDiagram(page, { counter: `0 / ${total}`, reset: true }),
  });
  for (let k = 1; k <= total; k++) {
    await page.keyboard.press('ArrowRight');
    records.push({ step: k, result: await measureDiagram(page, { counter: `${k} / ${total}` }) });
  }
  return records;
}

/** "3, 5–9, 12" */
function ranges(steps: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < steps.length) {
    let j = i;
    while (j + 1 < steps.length && steps[j + 1] === steps[j]! + 1) j++;
    out.push(i === j ? `${steps[i]}` : `${steps[i]}–${steps[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

function capped(lines: readonly string[]): string {
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more`].join('\n');
}

/** One line per arrow not fully visible after its step. */
function hiddenArrows(records: readonly StepRecord[]): string[] {
  const lines: string[] = [];
  for (const { step, result } of records) {
    for (const arrow of result.arrows) {
      const problem = arrowProblem(arrow, result.visible);
      if (problem) lines.push(`step ${step}: ${problem}`);
    }
  }
  return lines;
}

/** One line per overlapping pair of texts, with the steps at which they overlap. */
function overlappingTexts(records: readonly StepRecord[]): string[] {
  const pairs = new Map<string, { steps: number[]; depth: number }>();
  for (const { step, result } of records) {
    for (const o of result.overlaps) {
      const key = `${o.a} × ${o.b}`;
      const entry = pairs.get(key) ?? { steps: [], depth: 0 };
      entry.steps.push(step);
      entry.depth = Math.max(entry.depth, o.depth);
      pairs.set(key, entry);
    }
  }
  return [...pairs].map(
    ([key, { steps, depth }]) => `steps ${ranges(steps)}: ${key} (up to ${depth} px)`,
  );
}

/** The step nearest the middle whose measurement found arrows, and their ids. */
function middleStep(records: readonly StepRecord[], total: number): StepRecord | null {
  const withArrows = records.filter((r) => r.step > 0 && r.result.arrows.length > 0);
  if (withArrows.length === 0) return null;
  const mid = Math.ceil(total / 2);
  return withArrows.reduce((best, r) =>
    Math.abs(r.step - mid) < Math.abs(best.step - mid) ? r : best,
  );
}

for (const vp of VIEWPORTS) {
  for (const lang of LANGS) {
    test.describe(`diagram at ${vp.width}×${vp.height}, ${lang}`, () => {
      test.use({ viewport: { width: vp.width, height: vp.height }, reducedMotion: 'reduce' });

      for (const lesson of LESSON_IDS) {
        test(`${lesson}: every step's arrows in view, no texts overlap, deep link`, async ({
          page,
        }) => {
          // Up to 50 steps and two loads: more than the default 30 s on a busy two-core machine.
          test.setTimeout(120_000);
          const where = `${lesson} at ${vp.width}×${vp.height} (${vp.name}), ${lang}`;
          const total = await openLab(page, `lesson=${lesson}&lang=${lang}`);
          const records = await walk(page, total);

          const hidden = hiddenArrows(records);
          const overlaps = overlappingTexts(records);
          const hiddenSteps = records.filter((r) => r.result.arrows.some((a) => !a.inside)).length;
          const stepsWithArrows = records.filter((r) => r.result.arrows.length > 0).length;
          const endOverlaps = records[records.length - 1]!.result.overlaps.length;
          const stepOverlaps = records.reduce((sum, r) => sum + r.result.overlaps.length, 0);

          // The deep link to a middle step shows that step's arrows.
          const mid = middleStep(records, total);
          let deep: string[] = [];
          if (mid) {
            const ids = mid.result.arrows.map((a) => a.id);
            await openLab(page, `lesson=${lesson}&lang=${lang}&step=${mid.step}`);
            const shown = await measureDiagram(page, {
              counter: `${mid.step} / ${total}`,
              ids,
              reset: true,
              skipOverlaps: true,
            });
            deep = hiddenArrows([{ step: mid.step, result: shown }]).map(
              (line) => `deep link step=${mid.step}: ${line}`,
            );
            const missing = ids.filter((id) => !shown.arrows.some((a) => a.id === id));
            if (missing.length > 0) {
              deep.push(`deep link step=${mid.step}: arrows ${missing.join(', ')} not drawn`);
            }
          }

          const summary = {
            lesson,
            viewport: vp.name,
            lang,
            steps: total,
            stepsWithArrows,
            hiddenSteps,
            hiddenArrows: hidden.length,
            overlapPairsAtEnd: endOverlaps,
            overlapPairsSummedOverSteps: stepOverlaps,
            distinctOverlapPairs: overlaps.length,
            deepLinkStep: mid?.step ?? null,
            deepLinkHidden: deep.length,
          };
          test
            .info()
            .annotations.push({ type: 'diagram-checks', description: JSON.stringify(summary) });

          expect
            .soft(
              hidden,
              `${where}: ${hiddenSteps} of ${stepsWithArrows} steps left an arrow they added or ` +
                `changed outside the diagram's visible rectangle:\n${capped(hidden)}\n`,
            )
            .toEqual([]);
          expect
            .soft(
              overlaps,
              `${where}: ${overlaps.length} pairs of texts overlap (rotated boxes):\n${capped(overlaps)}\n`,
            )
            .toEqual([]);
          expect
            .soft(
              deep,
              `${where}: the deep link does not show its step's arrows:\n${capped(deep)}\n`,
            )
            .toEqual([]);
        });
      }
    });
  }
}
