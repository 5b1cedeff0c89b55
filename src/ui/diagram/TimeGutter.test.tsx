import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { layoutFor } from './geometry';
import { DEFAULT_DIAGRAM_LABELS } from './labels';
import { TimeGutter } from './TimeGutter';

function gutter(width: number, nowT: number) {
  const { container } = render(
    <svg>
      <TimeGutter
        ticks={[{ t: 150, y: 40 }]}
        nowY={400}
        nowT={nowT}
        showNow
        layout={layoutFor(width)}
        top={28}
        labels={DEFAULT_DIAGRAM_LABELS}
      />
    </svg>,
  );
  return {
    tick: container.querySelector('.dg-tick-label'),
    now: container.querySelector('.dg-now-label'),
  };
}

describe('TimeGutter', () => {
  it('writes each time whole, at its size while it fits', () => {
    const { tick, now } = gutter(640, 241_601);
    expect(tick?.textContent).toBe('150 ms');
    expect(tick?.getAttribute('textLength')).toBeNull();
    expect(now?.textContent).toBe('241.601 s');
    expect(now?.getAttribute('textLength')).toBeNull();
  });

  it('condenses a time too long for the gutter instead of cutting it at the edge', () => {
    const { now } = gutter(640, 3_723_500);
    expect(now?.textContent).toBe('1 h 2 min 3.5 s');
    const room = layoutFor(640).gutter - 8 - 2;
    expect(now?.getAttribute('textLength')).toBe(String(room));
    expect(now?.getAttribute('lengthAdjust')).toBe('spacingAndGlyphs');
  });
});
