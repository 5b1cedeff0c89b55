import { describe, expect, it } from 'vitest';
import {
  el,
  escapeAttr,
  escapeText,
  num,
  ownText,
  serializeNode,
  serializeSvg,
  walk,
} from './svgTree';

describe('num', () => {
  it('writes at most two decimals, no trailing zeros, no -0', () => {
    expect(num(12)).toBe('12');
    expect(num(12.3456)).toBe('12.35');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(-0.001)).toBe('0');
    expect(num(Number.NaN)).toBe('0');
  });
});

describe('escaping', () => {
  it('escapes markup in text and quotes in attributes', () => {
    expect(escapeText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeAttr('say "hi"\n')).toBe('say &quot;hi&quot;&#10;');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeText('a\u0000b\u0007c\ufffe')).toBe('abc');
  });
});

describe('serializeSvg', () => {
  it('writes a standalone file: declaration, namespace, escaped text, self-closed leaves', () => {
    const root = el('svg', { width: 640, height: 480.125, viewBox: '0 0 640 480.13' }, [
      el('title', {}, ['Lost SYN · Step 3 of 10']),
      el('g', { class: 'dg-seg', 'data-flags': 'SYN,ACK' }, [
        el('line', { x1: 1, y1: 2.5, x2: 3, y2: undefined }),
        el('text', { 'font-family': "'Noto Sans', 'Noto Sans SC'" }, ['SYN seq=0 <x>']),
      ]),
    ]);
    expect(serializeSvg(root)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480.13" viewBox="0 0 640 480.13">' +
        '<title>Lost SYN · Step 3 of 10</title>' +
        '<g class="dg-seg" data-flags="SYN,ACK"><line x1="1" y1="2.5" x2="3"/>' +
        "<text font-family=\"'Noto Sans', 'Noto Sans SC'\">SYN seq=0 &lt;x&gt;</text></g></svg>\n",
    );
  });

  it('leaves out attributes whose names XML cannot hold', () => {
    expect(serializeNode(el('g', { 'bad name': 'x', 'data-ok': 'y' }))).toBe('<g data-ok="y"/>');
  });
});

describe('tree helpers', () => {
  it('walks depth first and reads an element’s own text', () => {
    const text = el('text', {}, ['a', el('tspan', {}, ['b']), 'c']);
    const root = el('svg', {}, [el('g', {}, [text])]);
    expect([...walk(root)].map((n) => n.tag)).toEqual(['svg', 'g', 'text', 'tspan']);
    expect(ownText(text)).toBe('ac');
  });
});
