import { describe, expect, it } from 'vitest';
import { embedLibLine, isEmbedLibLine, libFilesProblem } from './embedLib';

describe('the web component bench', () => {
  it('prints its figure as a `name: value` summary line, in kB', () => {
    expect(embedLibLine(112_640)).toBe('embed-lib-js-gzip-kb: 110.0');
    expect(isEmbedLibLine(embedLibLine(112_640))).toBe(true);
    expect(isEmbedLibLine('web component: handshake-lab.js 440.0 kB')).toBe(false);
  });

  it('accepts only the one module as the build', () => {
    expect(libFilesProblem(['handshake-lab.js'])).toBeNull();
    expect(libFilesProblem(['handshake-lab.js', 'engine.worker-x.js'])).toBe(
      'more than one file: engine.worker-x.js',
    );
    expect(libFilesProblem(['style.css'])).toBe('no handshake-lab.js in the build');
  });
});
