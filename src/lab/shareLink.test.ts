import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { chooseLocaleForPage } from '../i18n/core';
import { lessonById } from '../scenarios/all';
import { DEFAULT_LESSON_ID } from '../scenarios';
import type { LabStore } from '../ui/store/labStore';
import { CUSTOM_LESSON_ID } from './types';
import { LabDriver } from '../testing/labDriver';
import {
  decodeCompressedScenarioParam,
  decodeScenarioParam,
  MAX_INFLATED_BYTES,
} from './scenarioParam';
import { lessonsOfSet } from '../scenarios/exerciseSets';
import { labInitFromUrl, readCompressedLink } from '../ui/store/urlInit';
import { parseUrlOptions } from './urlOptions';
import {
  compactLabLink,
  embedScriptUrl,
  embedSnippet,
  encodeCompressedScenarioParam,
  encodeScenarioParam,
  labLink,
  LONGEST_SAFE_LINK,
  pageBase,
  parseEmbedWidth,
  type LinkExtra,
  type LinkSource,
} from './shareLink';
import { selectLinkSource } from '../ui/store/selectors';

/** One engine for every store here: it keeps nothing between runs. */
const driver = new LabDriver();
afterAll(() => driver.dispose());

/**
 * Opens `link` as the page does: its query read by parseUrlOptions, a `z=` scenario decompressed
 * first, and labInitFromUrl.
 */
async function reopen(link: string): Promise<LabStore> {
  const search = new URL(link).search;
  const url = parseUrlOptions(search);
  const compressed =
    url.compressed === null
      ? undefined
      : await readCompressedLink(url.compressed, decodeCompressedScenarioParam);
  const init = labInitFromUrl(url, chooseLocaleForPage(search, []).locale, {
    decode: decodeScenarioParam,
    compressed,
    lessonsOfSet,
  });
  return driver.open(init);
}

function sourceOf(store: LabStore): LinkSource {
  const source = selectLinkSource(store.getState());
  if (!source) throw new Error('no lesson shown');
  return source;
}

function open(lessonId: string): Promise<LabStore> {
  return driver.open({ lessonId });
}

/** The knobs a student sees (the clicked drops are baked into a share link's scenario). */
const knobsOf = (store: LabStore) => {
  const { extraFaults: _clicked, ...knobs } = store.getState().options;
  return knobs;
};

const PAGE = 'https://course.example.edu/labs/handshake/index.html';
const BASE = `${PAGE}?lesson=abort#top`;

describe('share links', () => {
  it('reopen the same run, knobs, step, language and theme', async () => {
    const a = await open('client-closes-first');
    a.getState().setOptions({
      lossPercent: 7,
      seed: 42,
      profile: 'linux',
      mslMs: 5000,
      reusePort: true,
      dropFinalAck: true,
    });
    await driver.settle(a);
    // The student clicks the first segment in flight (the SYN) to drop it.
    const syn = a.getState().derived?.segments[0];
    expect(syn?.flags).toEqual(['SYN']);
    await driver.drop(a, syn?.id ?? -1);
    expect(a.getState().options.extraFaults).toHaveLength(1);
    a.getState().goTo(9);
    a.getState().setLocale('zh-CN');
    a.getState().setTheme('dark');
    a.getState().setTimeScale('linear');

    const link = labLink(BASE, sourceOf(a));
    expect(link.startsWith('https://course.example.edu/labs/handshake/index.html?s=')).toBe(true);
    const query = new URL(link).searchParams;
    expect(query.get('dropFinalAck')).toBe('1');
    expect(query.get('lang')).toBe('zh');
    expect(query.get('step')).toBe('9');
    expect(query.get('theme')).toBe('dark');
    expect(query.get('scale')).toBe('linear');
    expect(query.has('lesson')).toBe(false);

    const b = await reopen(link);
    expect(b.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(b.getState().error).toBeNull();
    expect(b.getState().run?.events).toEqual(a.getState().run?.events);
    expect(b.getState().run?.scenario).toEqual(a.getState().run?.scenario);
    expect(b.getState().step).toBe(9);
    expect(knobsOf(b)).toEqual(knobsOf(a));
    expect(b.getState().options.lossPercent).toBe(7);
    expect(b.getState().locale).toBe('zh-CN');
    expect(b.getState().theme).toBe('dark');
    expect(b.getState().timeScale).toBe('linear');
    // The clicked SYN is still dropped: it is part of the scenario now.
    expect(b.getState().derived?.segments[0]?.droppedAt).not.toBeNull();
  });

  it('leave the theme out unless forced, and round-trip a link of a link', async () => {
    const a = await open('lost-syn');
    a.getState().setOptions({ seed: 3, lossPercent: 12.5 });
    await driver.settle(a);
    const first = labLink(BASE, sourceOf(a));
    expect(new URL(first).searchParams.has('theme')).toBe(false);
    expect(new URL(first).searchParams.get('lang')).toBe('en');
    expect(new URL(first).searchParams.has('step')).toBe(false);
    const b = await reopen(first);
    const second = labLink(BASE, sourceOf(b));
    expect(second).toBe(first);
    expect(b.getState().run?.events).toEqual(a.getState().run?.events);
  });

  it('name a built-in lesson when asked for a short link and nothing was changed', async () => {
    const a = await open('half-close');
    a.getState().goTo(4);
    const short: LinkExtra = { short: true, controls: 'compact', autoplay: true, lang: null };
    const source = sourceOf(a);
    const link = labLink('http://localhost:4173/sub/path/', source, short);
    expect(link).toBe(
      'http://localhost:4173/sub/path/?lesson=half-close&step=4&embed=1&autoplay=1',
    );
    const b = await reopen(link);
    expect(b.getState().lessonId).toBe('half-close');
    expect(b.getState().embed).toBe(true);
    expect(b.getState().showControls).toBe(false);
    expect(b.getState().run?.events).toEqual(a.getState().run?.events);

    // A changed knob needs the whole scenario; a final-ACK drop alone does not.
    a.getState().setOptions({ dropFinalAck: true });
    const dropped = labLink(BASE, sourceOf(a), short);
    expect(new URL(dropped).searchParams.get('lesson')).toBe('half-close');
    expect(new URL(dropped).searchParams.get('dropFinalAck')).toBe('1');
    a.getState().setOptions({ seed: 77 });
    const changed = labLink(BASE, sourceOf(a), short);
    expect(new URL(changed).searchParams.has('lesson')).toBe(false);
    expect(new URL(changed).searchParams.has('s')).toBe(true);
    const steps = labLink(BASE, sourceOf(a), { controls: 'steps', theme: 'light' });
    expect(new URL(steps).searchParams.get('controls')).toBe('0');
    expect(new URL(steps).searchParams.get('theme')).toBe('light');
  });

  it('a predict-mode embed names the lesson, not the sharer’s numbers; a set replaces it', async () => {
    const a = await open('half-close');
    a.getState().setMode('predict');
    await driver.settle(a);
    expect(a.getState().options.numbersSeed).toBeDefined();
    const extra: LinkExtra = { short: true, lang: null, mode: 'predict' };
    const link = new URL(labLink(BASE, sourceOf(a), extra));
    expect(link.searchParams.get('lesson')).toBe('half-close');
    expect(link.searchParams.get('mode')).toBe('predict');
    expect(link.searchParams.has('attempt')).toBe(false);
    const set = new URL(
      labLink(BASE, sourceOf(a), { ...extra, attempt: 4711, set: ['lost-syn', 'abort'] }),
    );
    expect(set.searchParams.get('set')).toBe('lost-syn,abort');
    expect(set.searchParams.get('attempt')).toBe('4711');
    expect(set.searchParams.has('lesson')).toBe(false);
    const b = await reopen(set.href);
    expect(b.getState().mode).toBe('predict');
    expect(b.getState().lessonId).toBe('lost-syn');
    expect(b.getState().predict.attemptSeed).toBe(4711);
    expect(b.getState().predict.set).toEqual(['lost-syn', 'abort']);
  });

  it('builds the embed snippet with escaped attributes and the script beside the page', () => {
    expect(pageBase('http://h:1/a/b/?x=1#y')).toBe('http://h:1/a/b/');
    expect(embedScriptUrl('http://h:1/a/b/index.html?x=1')).toBe('http://h:1/a/b/embed.js');
    expect(embedScriptUrl('http://h:1/')).toBe('http://h:1/embed.js');
    const snippet = embedSnippet({
      url: 'http://h/?lesson=abort&embed=1',
      title: 'Handshake Lab: "Abort" <RST>',
      width: '100%',
      height: 480,
      scriptSrc: 'http://h/embed.js',
    });
    expect(snippet).toBe(
      '<iframe src="http://h/?lesson=abort&amp;embed=1" title="Handshake Lab: &quot;Abort&quot; &lt;RST&gt;" ' +
        'width="100%" height="480" style="border:0" loading="lazy"></iframe>\n' +
        '<script src="http://h/embed.js" async></script>',
    );
    expect(parseEmbedWidth('100%')).toBe('100%');
    expect(parseEmbedWidth(' 640px ')).toBe('640');
    expect(parseEmbedWidth('640')).toBe('640');
    expect(parseEmbedWidth('0%')).toBeNull();
    expect(parseEmbedWidth('12')).toBeNull();
    expect(parseEmbedWidth('100vw')).toBeNull();
  });
});

describe('compressed share links (z=)', () => {
  /** A lesson with `count` faults that never match (a RST the server never sends): long, and
   * as repetitive as a scenario a course page builds. */
  const padded = (id: string, count: number): Scenario => {
    const lesson = lessonById(id)?.scenario as Scenario;
    const never = Array.from({ length: count }, (_, i) => ({
      who: 'server' as const,
      flags: 'RST',
      nth: i + 1,
      fate: 'drop' as const,
    }));
    return { ...lesson, faults: [...(lesson.faults ?? []), ...never] };
  };

  it('compress a scenario whose plain link is too long for servers, and reopen the same run', async () => {
    const a = await driver.open({ custom: padded('lost-syn', 250) });
    a.getState().goTo(5);
    const plain = labLink(BASE, sourceOf(a));
    expect(plain.length).toBeGreaterThan(LONGEST_SAFE_LINK);
    const link = await compactLabLink(BASE, sourceOf(a));
    expect(new URL(link).searchParams.has('s')).toBe(false);
    expect(new URL(link).searchParams.get('step')).toBe('5');
    expect(link.length).toBeLessThan(LONGEST_SAFE_LINK / 4);
    const b = await reopen(link);
    expect(b.getState().error).toBeNull();
    expect(b.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(b.getState().step).toBe(5);
    expect(b.getState().run?.events).toEqual(a.getState().run?.events);
  });

  it('leave a link that names its lesson as it is', async () => {
    const b = await open('abort');
    expect(await compactLabLink(BASE, sourceOf(b), { short: true })).toBe(
      labLink(BASE, sourceOf(b), { short: true }),
    );
  });

  it('win over s= when a link has both', async () => {
    const lost = lessonById('lost-syn')?.scenario as Scenario;
    const z = await encodeCompressedScenarioParam(lost);
    const store = await reopen(`${PAGE}?s=${encodeScenarioParam({ actions: [] })}&z=${z}`);
    expect(store.getState().custom.scenario?.title).toBe(lost.title);
  });
});

describe('broken links open the default lesson and say why', () => {
  const scenarioLink = (json: string) =>
    `${PAGE}?s=${Buffer.from(json, 'utf8').toString('base64url')}`;
  const valid = encodeScenarioParam(lessonById('lost-syn')?.scenario);
  const cases: [string, string, RegExp][] = [
    ['bad base64', `${PAGE}?s=abc$def`, /^s: not base64url \("\$" at position 4\)$/],
    ['an empty s=', `${PAGE}?s=`, /^s: empty/],
    ['a cut link', `${PAGE}?s=${valid.slice(0, 41)}`, /^s: not base64url \(.*cut short\?\)$/],
    [
      'a link cut elsewhere',
      `${PAGE}?s=${valid.slice(0, 40)}`,
      /^s: not JSON \(.+\); is the link cut short\?$/,
    ],
    ['bad JSON', scenarioLink('{"actions": [}'), /^s: not JSON \(.+\)$/],
    ['JSON that is not an object', scenarioLink('[1,2]'), /^s: .*JSON object, not an array$/],
    ['a number', scenarioLink('42'), /JSON object, not a number$/],
    [
      'JSON nested too deep',
      scenarioLink(`{"seed":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      /^s: nested more than 32 levels deep/,
    ],
    [
      'a scenario the format refuses',
      scenarioLink('{"actions":[{"at":0,"who":"client","do":"jump"}]}'),
      /^s: actions\[0\]\.do: unknown action "jump"/,
    ],
    [
      'times far past what the lab allows',
      scenarioLink(
        '{"network":{"delayMs":1e308},"actions":[{"at":0,"who":"client","do":"connect"}]}',
      ),
      /^s: network\.delayMs: must be 0 or a duration from 0\.001 ms \(1 µs\) to 86400000 ms \(24 h\) \(got 1e\+308\)$/,
    ],
    [
      'an unknown lesson',
      `${PAGE}?lesson=no-such-lesson`,
      /^lesson: no lesson "no-such-lesson"; showing "client-closes-first"$/,
    ],
  ];
  const deflated = (bytes: Uint8Array | string) =>
    Buffer.from(deflateRawSync(Buffer.from(bytes))).toString('base64url');
  const compressedLink = (json: string) => `${PAGE}?z=${deflated(json)}`;
  const goodZ = deflated(JSON.stringify(lessonById('lost-syn')?.scenario));
  cases.push(
    ['z= that is not base64url', `${PAGE}?z=ab$cd`, /^z: not base64url \("\$" at position 3\)$/],
    ['z= that is not deflate', `${PAGE}?z=${valid}`, /^z: not compressed with deflate \(.+\)$/],
    [
      'z= cut short',
      `${PAGE}?z=${goodZ.slice(0, 60)}`,
      /^z: not compressed with deflate \(.+\); is the link cut short\?$/,
    ],
    [
      'z= that inflates past 1 MB (a decompression bomb)',
      `${PAGE}?z=${deflated(new Uint8Array(MAX_INFLATED_BYTES * 50))}`,
      /^z: over 1 MB once decompressed; a scenario takes a few kB$/,
    ],
    ['z= of text that is not JSON', compressedLink('{"seed": 1,'), /^z: not JSON \(.+\)$/],
    [
      'z= nested too deep',
      compressedLink(`{"seed":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      /^z: nested more than 32 levels deep/,
    ],
    ['z= of JSON that is not an object', compressedLink('[1,2]'), /JSON object, not an array$/],
    [
      'z= of a scenario the format refuses',
      compressedLink('{"actions":[{"at":0,"who":"client","do":"jump"}]}'),
      /: actions\[0\]\.do: unknown action "jump"/,
    ],
    [
      'a lesson id as long as a message, quoted short',
      `${PAGE}?lesson=${encodeURIComponent('Submit your password here: '.repeat(60))}`,
      /^lesson: no lesson "Submit your password here: Submit your p…"; showing "client-closes-first"$/,
    ],
  );
  it.each(cases)('%s', async (_name, link, message) => {
    const store = await reopen(link);
    expect(store.getState().lessonId).toBe(DEFAULT_LESSON_ID);
    expect(store.getState().error?.kind).toBe('link');
    expect(store.getState().error?.message).toMatch(message);
    expect(store.getState().total).toBeGreaterThan(0);
    store.getState().stepForward();
    expect(store.getState().step).toBe(1);
  });
});
