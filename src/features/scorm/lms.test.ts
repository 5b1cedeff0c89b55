// @vitest-environment happy-dom
// The SCORM API discovery algorithm over frames made of plain objects: it needs only `parent`,
// `opener` and property reads, and a frame of another origin throws on those.

import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { findLms, findScormApi } from './lms';
import { createScormReporter } from './runtime';
import { frames, type Frame } from '../../testing/scormFrames';

describe('findScormApi', () => {
  const api12 = () => new Scorm12API({ autocommit: false, logLevel: 5 });

  it('finds nothing outside an LMS', () => {
    const alone = frames({}, 3);
    expect(findScormApi(alone, '1.2')).toBeNull();
    expect(createScormReporter(alone, '2004')).toBeNull();
    // A top window is its own parent: the search stops there.
    const top: Frame = {};
    top.parent = top;
    expect(findScormApi(top as unknown as Window, '1.2')).toBeNull();
  });

  it('finds the API of its version only, up to 7 parents up', () => {
    const api = api12();
    expect(findScormApi(frames({ API: api }, 7), '1.2')).toBe(api);
    expect(findScormApi(frames({ API: api }, 8), '1.2')).toBeNull();
    expect(findScormApi(frames({ API: api }), '2004')).toBeNull();
    expect(findScormApi(frames({ API: { LMSInitialize: 'no' } }), '1.2')).toBeNull();
  });

  it('skips a frame of another origin', () => {
    const api = api12();
    const top: Frame = { API: api };
    top.parent = top;
    const foreign = {
      parent: top,
      get API(): unknown {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(findScormApi({ parent: foreign } as unknown as Window, '1.2')).toBe(api);
    // Where not even `parent` can be read, the search ends there without an error.
    const sealed = new Proxy(
      {},
      {
        get() {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    );
    expect(findScormApi({ parent: sealed } as unknown as Window, '1.2')).toBeNull();
    expect(findScormApi(sealed as unknown as Window, '1.2')).toBeNull();
  });

  it('looks in the window that opened a pop-up, and its parents', () => {
    const api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    const popup: Frame = { opener: frames({ API_1484_11: api }, 2) };
    popup.parent = popup;
    expect(findScormApi(popup as unknown as Window, '2004')).toBe(api);
  });
});

describe('findLms', () => {
  it('answers "" for a value an LMS failed to read', () => {
    const api = {
      Initialize: () => 'true',
      Terminate: () => 'true',
      GetValue: () => {
        throw new Error('broken');
      },
      SetValue: () => 'true',
      Commit: () => 'true',
    };
    const lms = findLms(frames({ API_1484_11: api }), '2004')!;
    expect(lms.get('cmi.completion_status')).toBe('');
    expect(lms.initialize()).toBe(true);
  });
});
