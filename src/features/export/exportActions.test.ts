// An image of a step with more arrows than an image holds is refused at once, in the widget's
// language, before anything is drawn: a step deep into a long capture cannot freeze the page.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNamespace } from '../../i18n/core';
import { registerFeatureWords } from '../../testing/words';
import type { LabState } from '../../ui/store/labStore';
import { DEFAULT_DIAGRAM_LABELS } from '../../ui/diagram';
import { EXPORT_MAX_ARROWS, exportFile } from './exportActions';

/** A step of a capture showing `arrows` arrows (all an image export looks at before drawing). */
function stateWith(arrows: number): LabState {
  return {
    lessonId: 'capture',
    step: 40_000,
    total: 80_000,
    view: { fates: { size: arrows } },
  } as unknown as LabState;
}

const request = (arrows: number, kind: 'svg' | 'png', locale: 'en' | 'zh-CN' = 'en') => ({
  kind,
  state: stateWith(arrows),
  labels: DEFAULT_DIAGRAM_LABELS,
  locale,
  // Holding nothing: a request that got as far as drawing would not find the diagram.
  container: { querySelector: () => null } as unknown as HTMLElement,
  theme: 'current' as const,
});

beforeAll(async () => {
  // As the export menu has them when it is shown.
  registerFeatureWords();
  await Promise.all([loadNamespace('en', 'exporting'), loadNamespace('zh-CN', 'exporting')]);
});

describe('exporting the diagram of a long run', () => {
  it.each(['svg', 'png'] as const)(
    'refuses a %s of more arrows than an image holds',
    async (kind) => {
      await expect(exportFile(request(200_006, kind))).rejects.toThrow(
        `this step shows 200006 arrows, more than one image holds (${EXPORT_MAX_ARROWS}). Export an earlier step, or save the run as a trace, steps or a .pcap.`,
      );
    },
  );

  it('says so in Chinese', async () => {
    await expect(exportFile(request(200_006, 'svg', 'zh-CN'))).rejects.toThrow(
      `这一步显示 200006 个箭头，超过一张图能容纳的上限（${EXPORT_MAX_ARROWS} 个）`,
    );
  });

  it('draws an image of as many arrows as it holds', async () => {
    await expect(exportFile(request(EXPORT_MAX_ARROWS, 'svg'))).rejects.toThrow(
      'no diagram on the page',
    );
  });
});
