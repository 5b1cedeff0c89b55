import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/engine';
import * as uiMetrics from './uiMetrics';

describe('page bench helpers', () => {
  it('plays a lossy run of at least 500 segments that ends closed on both sides', () => {
    let causes = 0;
    const trace = runScenario(uiMetrics.lossyPlaybackScenario(), { onCause: () => void causes++ });
    const sends = trace.events.filter((e) => e.type === 'send').length;
    const losses = trace.events.filter((e) => e.type === 'drop').length;
    expect(sends).toBeGreaterThanOrEqual(500);
    expect(losses).toBeGreaterThan(20);
    expect(causes).toBeGreaterThanOrEqual(500);
    expect(trace.final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
  });

  it('encodes the scenario as base64url JSON for `s=`', () => {
    const scenario = uiMetrics.lossyPlaybackScenario();
    const param = uiMetrics.scenarioParam(scenario);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(param, 'base64url').toString('utf8'))).toEqual(scenario);
  });

  it('takes medians of odd and even counts', () => {
    expect(uiMetrics.median([5, 1, 3])).toBe(3);
    expect(uiMetrics.median([4, 1, 3, 2])).toBe(2.5);
    expect(uiMetrics.median([])).toBeNaN();
  });

  it('measures gzip at level 9', () => {
    const body = Buffer.from('abc'.repeat(1000));
    expect(uiMetrics.gzipBytes(body)).toBe(gzipSync(body, { level: 9 }).length);
    expect(uiMetrics.gzipBytes(body)).toBeLessThan(gzipSync(body, { level: 1 }).length + 1);
    expect(uiMetrics.kb(1536)).toBe('1.5');
  });

  it('reads the step counter', () => {
    expect(uiMetrics.parseStepCounter('12 / 609')).toEqual({ step: 12, total: 609 });
    expect(uiMetrics.parseStepCounter('loading')).toBeNull();
  });

  it('prints the summary lines in their exact form, leaving out what was not measured', () => {
    expect(
      uiMetrics.uiLines({
        initialJsGzipKb: 98.04,
        firstDiagramMs: 312.4,
        stepLatencyMs: 17.25,
        stepLatencyPredictMs: 18.04,
        longTasksWhilePlaying: 0,
        layoutOverlaps: 147,
        hiddenSteps: 74,
      }),
    ).toEqual([
      'ui-initial-js-gzip-kb: 98.0',
      'ui-first-diagram-ms: 312',
      'ui-step-latency-ms: 17.3',
      'ui-step-latency-predict-ms: 18.0',
      'ui-long-tasks-while-playing: 0',
      'ui-layout-overlaps: 147',
      'ui-hidden-steps: 74',
    ]);
    expect(
      uiMetrics.uiLines({
        firstDiagramVsPeer: 1.954,
        jsBeforeFirstDiagramKb: 121.24,
        jsBeforeFirstStepKb: 121.24,
        firstStepReadyMs: 612.3,
        offlineReload: true,
      }),
    ).toEqual([
      'ui-first-diagram-vs-peer: 1.95',
      'ui-js-before-first-diagram-kb: 121.2',
      'ui-js-before-first-step-kb: 121.2',
      'ui-first-step-ready-ms: 612',
      'ui-offline-reload: ok',
    ]);
    expect(uiMetrics.uiLines({ firstDiagramVsPeer: null, offlineReload: false })).toEqual([
      'ui-first-diagram-vs-peer: skipped (no peer page)',
      'ui-offline-reload: failed',
    ]);
    expect(uiMetrics.uiLines({ firstDiagramMs: 10, stepLatencyMs: NaN })).toEqual([
      'ui-first-diagram-ms: 10',
    ]);
    expect(uiMetrics.uiLines({}).every(uiMetrics.isUiSummaryLine)).toBe(true);
    expect(uiMetrics.isUiSummaryLine('ui-step-latency-ms: 17.3')).toBe(true);
    expect(uiMetrics.isUiSummaryLine('ui-first-diagram-vs-peer: skipped (no peer page)')).toBe(
      true,
    );
    expect(uiMetrics.isUiSummaryLine('ui: skipped, no Chromium')).toBe(false);
  });
});
