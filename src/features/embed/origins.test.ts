import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, parentOriginOf } from './origins';

describe('parentOriginOf', () => {
  it('takes the nearest ancestor origin when the browser gives them', () => {
    expect(
      parentOriginOf({
        ancestorOrigins: ['https://moodle.example.edu', 'https://portal.example.edu'],
        referrer: 'https://elsewhere.example.com/page',
      }),
    ).toBe('https://moodle.example.edu');
  });

  it('falls back on the referrer’s origin', () => {
    expect(
      parentOriginOf({ referrer: 'https://canvas.example.edu:8443/courses/7/pages/tcp?x=1#top' }),
    ).toBe('https://canvas.example.edu:8443');
    expect(parentOriginOf({ ancestorOrigins: [], referrer: 'http://127.0.0.1:4174/h.html' })).toBe(
      'http://127.0.0.1:4174',
    );
    expect(
      parentOriginOf({ ancestorOrigins: null, referrer: 'https://Course.Example.EDU:443/' }),
    ).toBe('https://course.example.edu');
  });

  it('is null when the parent cannot be known or has no real origin', () => {
    expect(parentOriginOf({ referrer: '' })).toBeNull();
    expect(parentOriginOf({ ancestorOrigins: [], referrer: '' })).toBeNull();
    expect(parentOriginOf({ ancestorOrigins: ['null'], referrer: 'https://a.example' })).toBeNull();
    expect(parentOriginOf({ referrer: 'file:///home/teacher/course.html' })).toBeNull();
    expect(parentOriginOf({ referrer: 'not a url' })).toBeNull();
  });
});

describe('isAllowedOrigin', () => {
  const parent = 'https://moodle.example.edu';
  const allowed = ['https://tools.example.edu', 'http://localhost:8000'];

  it('allows the parent frame’s origin and the listed ones', () => {
    expect(isAllowedOrigin(parent, parent, [])).toBe(true);
    expect(isAllowedOrigin('https://tools.example.edu', parent, allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8000', null, allowed)).toBe(true);
  });

  it('refuses every other origin', () => {
    expect(isAllowedOrigin('https://evil.example.com', parent, allowed)).toBe(false);
    // Same host, other scheme or port: another origin.
    expect(isAllowedOrigin('http://moodle.example.edu', parent, allowed)).toBe(false);
    expect(isAllowedOrigin('https://moodle.example.edu:444', parent, allowed)).toBe(false);
    expect(isAllowedOrigin('https://moodle.example.edu.evil.com', parent, allowed)).toBe(false);
    expect(isAllowedOrigin('https://tools.example.edu/', parent, allowed)).toBe(false);
    expect(isAllowedOrigin('', null, [])).toBe(false);
    expect(isAllowedOrigin('https://moodle.example.edu', null, [])).toBe(false);
  });

  it('never allows an opaque origin, even from an opaque parent', () => {
    expect(isAllowedOrigin('null', 'null', ['null'])).toBe(false);
    expect(isAllowedOrigin('null', null, [])).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const origin of [undefined, null, 0, {}, [parent]]) {
      expect(isAllowedOrigin(origin, parent, allowed)).toBe(false);
    }
  });
});
