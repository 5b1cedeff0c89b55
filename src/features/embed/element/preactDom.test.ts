import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import './preactDom';

describe('Preact writes tabIndex as React does', () => {
  it('an element with tabIndex gets the tabindex attribute (an SVG group can take focus)', () => {
    const props: object = h('g', { tabIndex: 0, role: 'button' }).props;
    expect(props).toMatchObject({ tabindex: 0, role: 'button' });
    expect(props).not.toHaveProperty('tabIndex');
    expect(h('section', { tabIndex: -1 }).props).toMatchObject({ tabindex: -1 });
  });

  it("a component's own props are left as they are", () => {
    const Widget = (props: { tabIndex: number }) => h('div', props);
    expect(h(Widget, { tabIndex: 0 }).props).toEqual({ tabIndex: 0 });
  });
});
