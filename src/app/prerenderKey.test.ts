import { describe, expect, it } from 'vitest';
import { lessonOfPath, parseUrlOptions } from '../lab/urlOptions';
import { previewOf } from '../lab/preview';
import { lessonById } from '../scenarios/all';
import type { Scenario } from '../engine/types';
import { labInitFromUrl } from '../ui/store/urlInit';
import { prerenderKey } from './prerenderKey';

const readers = { decode: (v: string) => JSON.parse(v) as unknown, lessonsOfSet: () => [] };
const keyOf = (query: string, path = '/', locale: 'en' | 'zh-CN' = 'en') =>
  prerenderKey(
    labInitFromUrl(parseUrlOptions(query, path), locale, readers),
    'client-closes-first',
  );

describe('which pages take their prerendered HTML over', () => {
  it('the site and each lesson entry, opened as rendered', () => {
    expect(keyOf('')).toBe('client-closes-first|en');
    expect(keyOf('', '/lab/lesson/lost-syn/')).toBe('lost-syn|en');
    expect(keyOf('?lesson=abort')).toBe('abort|en');
    expect(keyOf('?lang=en')).toBe('client-closes-first|en');
  });

  it('any other option renders over it', () => {
    for (const query of [
      '?step=2',
      '?theme=dark',
      '?embed=1',
      '?autoplay=1',
      '?controls=0',
      '?mode=predict',
      '?scale=linear',
      '?dropFinalAck=1',
      '?s=e30',
    ]) {
      expect(keyOf(query), query).toBeNull();
    }
    // The page's language (from lang= or the browser's) is not the prerendered English.
    expect(keyOf('', '/', 'zh-CN')).toBeNull();
  });

  it('a lesson entry is read from its path; a lesson= in the query wins', () => {
    expect(lessonOfPath('/lesson/half-close/')).toBe('half-close');
    expect(lessonOfPath('/x/lesson/half-close/index.html')).toBe('half-close');
    expect(lessonOfPath('/lesson/')).toBeNull();
    expect(parseUrlOptions('?lesson=abort', '/lesson/half-close/').lesson).toBe('abort');
  });
});

describe('the lesson before its run', () => {
  it('draws both sides CLOSED with the listener known, and no segment', () => {
    const preview = previewOf(lessonById('lost-syn')!.scenario as Scenario)!;
    expect(preview.segments).toEqual([]);
    expect(preview.steps).toEqual([]);
    const view = preview.viewAt(0);
    expect(view.states).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'CLOSED' });
    expect(view.listenerKnown).toBe(true);
  });
});
