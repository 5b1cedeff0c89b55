import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from '../../lab/urlOptions';
import { lessonsOfSet } from '../../scenarios/exerciseSets';
import { labInitFromUrl, type LinkReaders } from './urlInit';

const readers: LinkReaders = {
  decode: (value) => JSON.parse(value) as unknown,
  lessonsOfSet,
};

describe('labInitFromUrl', () => {
  it('an exercise set opens its first lesson in predict mode, unless the link names a lesson', () => {
    const init = labInitFromUrl(parseUrlOptions('?set=teardown'), 'en', readers);
    expect(init.lessonId).toBe('client-closes-first');
    expect(init.mode).toBe('predict');
    expect(init.set).toEqual([
      'client-closes-first',
      'server-closes-first',
      'simultaneous-close',
      'lost-final-ack',
    ]);
    const named = labInitFromUrl(
      parseUrlOptions('?set=lost-syn,abort&lesson=abort'),
      'en',
      readers,
    );
    expect(named.lessonId).toBe('abort');
    expect(named.set).toEqual(['lost-syn', 'abort']);
  });

  it('a z= scenario, read beforehand, wins over s=; unread, the page says why', () => {
    const url = parseUrlOptions('?s=e30&z=q1YqyS_JzEtXsgJSAA&lesson=abort');
    const read = { ok: true as const, scenario: { title: 'from z' } };
    const init = labInitFromUrl(url, 'en', { ...readers, compressed: read });
    expect(init.custom).toEqual({ title: 'from z' });
    expect(init.linkError).toBeUndefined();
    const refused = labInitFromUrl(url, 'en', {
      ...readers,
      compressed: { ok: false, error: 'z: not base64url ("$" at position 3)' },
    });
    expect(refused.custom).toBeUndefined();
    expect(refused.linkError).toBe('z: not base64url ("$" at position 3)');
    const unread = labInitFromUrl(url, 'en', readers);
    expect(unread.linkError).toMatch(/^z: the link reader could not be loaded/);
  });

  it('a set naming nothing the lab knows is no set', () => {
    const init = labInitFromUrl(parseUrlOptions('?set=nope'), 'en', readers);
    expect(init.set).toBeNull();
    expect(init.mode).toBe('watch');
  });

  it('when the set reader could not be fetched, the page opens in watch mode and says why', () => {
    const init = labInitFromUrl(parseUrlOptions('?set=handshake'), 'en', {
      ...readers,
      lessonsOfSet: () => {
        throw new Error('set: the exercise sets could not be loaded; try reloading the page');
      },
    });
    expect(init.linkError).toMatch(/exercise sets could not be loaded/);
    expect(init.set).toBeNull();
    expect(init.mode).toBe('watch');
  });
});
