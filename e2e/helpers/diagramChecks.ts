// The diagram's measuring instrument in the browser tests: after a step, which arrows the step added
// or changed and whether each lies inside the diagram's visible rectangle, and which texts of the
// diagram overlap (rotated boxes, separating axis theorem). The in-page code is the page bench's
// (src/bench/diagramProbe.ts), so the tests and the `ui-hidden-steps` / `ui-layout-overlaps` lines
// measure the same thing.
import type { Page } from '@playwright/test';
import {
  arrowProblem,
  describeProbe,
  diagramProbeCall,
  type DiagramProbeArg,
  type DiagramProbeResult,
} from '../../src/bench/diagramProbe';

export type { ArrowCheck, DiagramProbeResult, TextOverlap } from '../../src/bench/diagramProbe';
export { arrowProblem, describeProbe };

/** One round trip: waits for the counter (when given) and a still page, then measures. */
export async function measureDiagram(
  page: Page,
  arg: DiagramProbeArg = {},
): Promise<DiagramProbeResult> {
  return (await page.evaluate(diagramProbeCall(arg))) as DiagramProbeResult;
}

/** The problems of one measurement, each line naming where (`lesson … step …: …`). */
export function problemsAt(where: string, result: DiagramProbeResult): string[] {
  return describeProbe(result).map((line) => `${where}: ${line}`);
}
