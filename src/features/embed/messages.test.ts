import { describe, expect, it } from 'vitest';
import { heightMessage, parseInboundMessage, stepMessage } from './messages';

const target = 'handshake-lab';

describe('parseInboundMessage', () => {
  it('reads each command of the contract', () => {
    for (const type of ['step', 'back', 'play', 'pause', 'reset'] as const) {
      expect(parseInboundMessage({ target, type })).toEqual({ type });
    }
    const scenario = { actions: [] };
    expect(parseInboundMessage({ target, type: 'load', scenario })).toEqual({
      type: 'load',
      scenario,
    });
    expect(parseInboundMessage({ target, type: 'load', scenario: '{"actions":[]}' })).toEqual({
      type: 'load',
      scenario: '{"actions":[]}',
    });
  });

  it('ignores fields it does not know, so a page may tag its messages', () => {
    expect(parseInboundMessage({ target, type: 'reset', id: 7, source: 'my-course' })).toEqual({
      type: 'reset',
    });
  });

  it('passes a load on with whatever scenario it holds: the widget says what is wrong with it', () => {
    expect(parseInboundMessage({ target, type: 'load', scenario: 42 })).toEqual({
      type: 'load',
      scenario: 42,
    });
    expect(parseInboundMessage({ target, type: 'load', scenario: null })).toEqual({
      type: 'load',
      scenario: null,
    });
  });

  it('returns null for anything that is not one of our commands', () => {
    const notOurs: unknown[] = [
      null,
      undefined,
      0,
      'step',
      JSON.stringify({ target, type: 'step' }),
      [],
      [{ target, type: 'step' }],
      {},
      { type: 'step' },
      { target: 'someone-else', type: 'step' },
      { target: 'Handshake-Lab', type: 'step' },
      { source: target, type: 'step' },
      { target, type: 'STEP' },
      { target, type: 'height', height: 300 },
      { target, type: 'toString' },
      { target, type: '__proto__' },
      { target, type: ['step'] },
      { target, type: 1 },
      { target, type: 'load' },
      { target: [target], type: 'step' },
      Object.create({ target, type: 'step' }) as unknown,
    ];
    for (const data of notOurs) expect(parseInboundMessage(data), JSON.stringify(data)).toBeNull();
  });

  it('does not read a scenario a load inherits', () => {
    const data = Object.assign(Object.create({ scenario: {} }) as object, { target, type: 'load' });
    expect(parseInboundMessage(data)).toBeNull();
  });
});

describe('outbound messages', () => {
  it('are the contract’s shapes', () => {
    expect(heightMessage(612)).toEqual({ source: 'handshake-lab', type: 'height', height: 612 });
    expect(
      stepMessage(3, 12, { client: 'ESTABLISHED', server: 'SYN_RCVD', listener: 'LISTEN' }),
    ).toEqual({
      source: 'handshake-lab',
      type: 'step',
      step: 3,
      total: 12,
      client: 'ESTABLISHED',
      server: 'SYN_RCVD',
      listener: 'LISTEN',
    });
    // A run that does not tell the listener's state reports it CLOSED.
    expect(stepMessage(0, 5, { client: 'CLOSED', server: 'CLOSED' }).listener).toBe('CLOSED');
  });
});
