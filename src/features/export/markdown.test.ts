import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/validate';
import { loadLocale, translate, type TFunction } from '../../i18n/core';
import { formatDuration } from '../../i18n/format';
import { en } from '../../i18n/locales/en/index';
import { zhCN } from '../../i18n/locales/zh-CN/index';
import { LESSONS } from '../../scenarios/all';
import { explainRun, renderExplanation } from '../../lab/explain';
import { rfcReference } from '../../ui/rfc';
import { runWithCauses } from '../../lab/run';
import type { LabOptions } from '../../lab/types';
import { defaultLabOptions } from '../../lab/labOptions';
import { deriveRun } from '../../lab/derive';
import {
  buildHandout,
  changedOptions,
  escapeMarkdown,
  renderMarkdown,
  type HandoutSource,
} from './markdown';

const tEn: TFunction = (key, params) => translate(en, key, params);
const tZh: TFunction = (key, params) => translate(zhCN, key, params);
const durationEn = (ms: number) => formatDuration(ms, 'en');
const durationZh = (ms: number) => formatDuration(ms, 'zh-CN');

beforeAll(async () => {
  await loadLocale('zh-CN');
});

function source(id: string, options?: Partial<LabOptions>): HandoutSource {
  const lesson = LESSONS.find((l) => l.id === id);
  const parsed = parseScenario(lesson?.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  const run = runWithCauses(parsed.scenario);
  const derived = deriveRun(run);
  const explanations = explainRun(run.events, run.causeStarts);
  const lessonOptions = defaultLabOptions(parsed.scenario);
  return {
    lessonTitle: 'Lost SYN',
    lessonSummary: 'The first SYN is lost.',
    options: { ...lessonOptions, ...options },
    lessonOptions,
    steps: derived.steps,
    statesAfter: (step) => derived.viewAt(step).states,
    final: run.final,
    explanationAt: (step) => explanations[step - 1] ?? null,
    renderExplanation,
  };
}

describe('the handout of a run', () => {
  const lostSyn = source('lost-syn');
  const markdown = renderMarkdown(buildHandout(lostSyn, tEn, durationEn));
  const lines = markdown.split('\n');

  it('has a title, the lesson, its behaviour and whether options changed', () => {
    expect(lines[0]).toBe('# Handshake Lab: Lost SYN');
    expect(markdown).toContain('The first SYN is lost.');
    expect(markdown).toContain('- Behaviour: RFC 9293');
    expect(markdown).toContain('- Options as in the lesson');
  });

  it('has one numbered entry per step: time, what happened, its RFC, the states after', () => {
    const entries = lines.filter((l) => /^\d+\. /.test(l));
    expect(entries).toHaveLength(lostSyn.steps.length);
    expect(entries.map((l) => Number(l.split('.')[0]))).toEqual(lostSyn.steps.map((s) => s.number));
    expect(entries[0]).toMatch(/^1\. \*\*0 ms\*\* · .*listen\(\).*\(RFC 9293 §3\.10\.1\) {2}$/);
    // The retransmitted SYN, at the time the diagram's axis shows, citing RFC 6298 as it is, and
    // its new timeout as the page words durations.
    expect(markdown).toMatch(/\*\*1\.15 s\*\* · .*Its timeout doubles to 2 s .*\(RFC 6298 §5.4\)/);
    const stateLines = lines.filter((l) => /^ +\*After it: client \w+, server \w+\*$/.test(l));
    expect(stateLines).toHaveLength(lostSyn.steps.length);
    const last = lostSyn.statesAfter(lostSyn.steps.length);
    expect(stateLines.at(-1)?.trim()).toBe(
      `*After it: client ${last.client}, server ${last.server}*`,
    );
    expect(markdown).toContain(
      `At the end: client ${lostSyn.final.client}, server ${lostSyn.final.server}.`,
    );
  });

  it('indents the states under the text also past step 9', () => {
    const ten = lines.findIndex((l) => l.startsWith('10. '));
    expect(ten).toBeGreaterThan(0);
    expect(lines[ten + 1]).toMatch(/^ {4}\*/);
  });

  it('is in Chinese with the Chinese translator', () => {
    const zh = renderMarkdown(
      buildHandout({ ...lostSyn, lessonTitle: '丢失的 SYN' }, tZh, durationZh),
    );
    expect(zh.split('\n')[0]).toBe('# Handshake Lab 握手实验室：丢失的 SYN');
    expect(zh).toContain('逐步说明');
    const entries = zh.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(entries).toHaveLength(lostSyn.steps.length);
    for (const entry of entries) expect(entry).toMatch(/\p{Script=Han}/u);
    expect(zh).toMatch(/这一步之后：客户端 \w+，服务器 \w+/);
    expect(zh).toMatch(/\*\*1\.15 秒\*\* · .*翻倍为 2 秒/);
  });
});

describe('changedOptions', () => {
  const base = source('lost-syn').lessonOptions;

  it('names each option that differs from the lesson, with its value', () => {
    const changed = changedOptions(
      {
        ...base,
        profile: 'linux',
        mslMs: 30_000,
        lossPercent: 10,
        seed: 42,
        dropFinalAck: true,
        extraFaults: [{ kind: 'drop', match: { nth: 1 } } as never],
      },
      base,
      tEn,
    );
    expect(changed).toEqual([
      'Behaviour: Linux',
      'MSL (maximum segment lifetime): 30 s',
      'Loss rate: 10 %',
      'Seed: 42',
      'Drop the final ACK: on',
      'Segments dropped by hand: 1',
    ]);
    expect(changedOptions(base, base, tEn)).toEqual([]);
  });

  it('says so in the summary', () => {
    const handout = buildHandout(source('lost-syn', { lossPercent: 5, seed: 99 }), tEn, durationEn);
    expect(handout.facts).toEqual([
      'Behaviour: RFC 9293',
      'Changed from the lesson: Loss rate: 5 %; Seed: 99',
    ]);
  });
});

describe('Markdown text', () => {
  it('escapes what Markdown would read as markup, not the underscores of state names', () => {
    expect(escapeMarkdown('a *b* `c` [d] <e> | TIME_WAIT _x_')).toBe(
      'a \\*b\\* \\`c\\` \\[d\\] \\<e\\> \\| TIME_WAIT \\_x\\_',
    );
    expect(escapeMarkdown(' two\n lines ')).toBe('two lines');
  });

  it('cites RFC 9293 sections by number and other RFCs as written', () => {
    expect(rfcReference('3.10.7.4', tEn)).toBe('RFC 9293 §3.10.7.4');
    expect(rfcReference('RFC 6298 §5', tEn)).toBe('RFC 6298 §5');
    expect(rfcReference('', tEn)).toBe('');
  });

  it('says when a run has no steps', () => {
    const empty = renderMarkdown(
      buildHandout({ ...source('lost-syn'), steps: [] }, tEn, durationEn),
    );
    expect(empty).toContain('Nothing happens in this run.');
    expect(empty.split('\n').filter((l) => /^\d+\. /.test(l))).toEqual([]);
  });
});
