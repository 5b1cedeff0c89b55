import { describe, expect, it } from 'vitest';
import { cmiText, interactionId, responseText, scoreValues, timespan } from './cmiValues';

describe('cmiValues', () => {
  it('writes one line within the limit, never half a character', () => {
    expect(cmiText(' a\n b\t c ', '1.2')).toBe('a b c');
    expect(cmiText('x'.repeat(300), '1.2')).toHaveLength(255);
    expect(cmiText('x'.repeat(300), '2004')).toHaveLength(250);
    expect(cmiText(`${'x'.repeat(249)}😀`, '2004')).toBe('x'.repeat(249));
    expect(cmiText(`${'x'.repeat(249)} y`, '2004')).toBe('x'.repeat(249));
  });

  it('keeps 2004 delimiters out of the words', () => {
    expect(cmiText('{lang=en} hi', '2004')).toBe('(lang=en} hi');
    expect(cmiText('{x}', '1.2')).toBe('{x}');
    expect(responseText('FIN, ACK [,] RST', '2004')).toBe('FIN,ACK,RST');
    expect(responseText('FIN, ACK', '1.2')).toBe('FIN, ACK');
  });

  it('makes ids each version accepts', () => {
    expect(interactionId('a.b c/d', 0, '1.2')).toBe('a_b_c_d');
    expect(interactionId('a.b c/d', 0, '2004')).toBe('a.b_c_d');
    expect(interactionId('...', 2, '2004')).toBe('answer-3');
    expect(interactionId('x'.repeat(300), 0, '1.2')).toHaveLength(255);
  });

  it('scores parts, as a percentage where 1.2 takes no more than 100', () => {
    expect(scoreValues(3, 4, '1.2')).toEqual({ raw: '3', min: '0', max: '4' });
    expect(scoreValues(5, 4, '2004')).toEqual({ raw: '4', min: '0', max: '4' });
    expect(scoreValues(1, 3, '1.2')).toEqual({ raw: '1', min: '0', max: '3' });
    expect(scoreValues(1, 300, '1.2')).toEqual({ raw: '0.33', min: '0', max: '100' });
    expect(scoreValues(1, 300, '2004')).toEqual({ raw: '1', min: '0', max: '300' });
  });

  it('writes durations as each version does', () => {
    expect(timespan(3_725_500, '1.2')).toBe('01:02:05.50');
    expect(timespan(0, '1.2')).toBe('00:00:00.00');
    expect(timespan(3_725_500, '2004')).toBe('PT1H2M5.5S');
    expect(timespan(10_000 * 3_600_000, '1.2')).toBe('9999:59:59.99');
  });
});
