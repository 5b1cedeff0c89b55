import { describe, expect, it } from 'vitest';
import { encodeScenarioParam } from '../ui/store/urlOptions';
import { fullPageUrl } from './fullPageUrl';

describe('fullPageUrl', () => {
  it('keeps the query but embed, and adds the step', () => {
    const url = new URL(
      fullPageUrl('https://lab.example.org/tcp/?embed=1&lesson=lost-syn&lang=zh&theme=dark', 4),
    );
    expect(url.origin + url.pathname).toBe('https://lab.example.org/tcp/');
    expect([...url.searchParams]).toEqual([
      ['lesson', 'lost-syn'],
      ['lang', 'zh'],
      ['theme', 'dark'],
      ['step', '4'],
    ]);
  });

  it('replaces a step already in the query, and leaves it out at step 0', () => {
    const at7 = new URL(fullPageUrl('https://lab.example.org/?step=2&embed=1', 7));
    expect(at7.searchParams.getAll('step')).toEqual(['7']);
    const at0 = new URL(fullPageUrl('https://lab.example.org/?step=2&embed=1&lesson=abort', 0));
    expect(at0.search).toBe('?lesson=abort');
  });

  it('carries a loaded scenario as s= instead of the lesson', () => {
    const s = encodeScenarioParam({ seed: 3, actions: [] });
    const url = new URL(fullPageUrl('https://lab.example.org/?embed=1&lesson=abort', 2, s));
    expect(url.searchParams.get('lesson')).toBeNull();
    expect(url.searchParams.get('s')).toBe(s);
    expect(url.searchParams.get('step')).toBe('2');
  });
});
