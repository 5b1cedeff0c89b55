import { describe, expect, it } from 'vitest';
import { isTraceEvent, isWorkerRequest, isWorkerResponse, requestIdOf } from './protocol';

const syn = {
  t: 150,
  type: 'send',
  id: 1,
  who: 'client',
  flags: ['SYN'],
  seq: 1000,
  ack: 0,
  len: 0,
  window: 65535,
  retransmission: false,
  reason: 'active-open',
};

describe('isWorkerRequest', () => {
  it('accepts a run request with any scenario payload (the worker validates it)', () => {
    expect(isWorkerRequest({ type: 'run', requestId: 1, scenario: { actions: [] } })).toBe(true);
    expect(isWorkerRequest({ type: 'run', requestId: 0, scenario: 'not even an object' })).toBe(
      true,
    );
  });

  it.each([
    ['null', null],
    ['an array', [{ type: 'run', requestId: 1, scenario: {} }]],
    ['an unknown type', { type: 'walk', requestId: 1, scenario: {} }],
    ['no scenario', { type: 'run', requestId: 1 }],
    ['a string id', { type: 'run', requestId: '1', scenario: {} }],
    ['a negative id', { type: 'run', requestId: -1, scenario: {} }],
    ['a fractional id', { type: 'run', requestId: 1.5, scenario: {} }],
  ])('rejects %s', (_label, data) => {
    expect(isWorkerRequest(data)).toBe(false);
  });
});

describe('isWorkerResponse', () => {
  it('accepts each response kind', () => {
    expect(isWorkerResponse({ type: 'events', requestId: 1, events: [syn] })).toBe(true);
    expect(isWorkerResponse({ type: 'events', requestId: 1, events: [] })).toBe(true);
    expect(
      isWorkerResponse({
        type: 'done',
        requestId: 1,
        final: { client: 'CLOSED', server: 'CLOSED' },
        eventCount: 1,
      }),
    ).toBe(true);
    expect(isWorkerResponse({ type: 'error', requestId: 1, message: 'actions: required' })).toBe(
      true,
    );
    expect(isWorkerResponse({ type: 'error', requestId: null, message: 'malformed' })).toBe(true);
  });

  it.each([
    ['a bad event', { type: 'events', requestId: 1, events: [{ t: 'soon', type: 'send' }] }],
    [
      'an unknown event type',
      { type: 'events', requestId: 1, events: [{ t: 1, type: 'teleport' }] },
    ],
    ['events that are not an array', { type: 'events', requestId: 1, events: syn }],
    [
      'an unknown state',
      { type: 'done', requestId: 1, final: { client: 'OPEN', server: 'CLOSED' }, eventCount: 0 },
    ],
    ['a missing side', { type: 'done', requestId: 1, final: { client: 'CLOSED' }, eventCount: 0 }],
    [
      'no event count',
      { type: 'done', requestId: 1, final: { client: 'CLOSED', server: 'CLOSED' } },
    ],
    ['an error without message', { type: 'error', requestId: 1 }],
    ['a null id outside errors', { type: 'events', requestId: null, events: [] }],
    ['a request', { type: 'run', requestId: 1, scenario: {} }],
    ['undefined', undefined],
  ])('rejects %s', (_label, data) => {
    expect(isWorkerResponse(data)).toBe(false);
  });
});

describe('isTraceEvent', () => {
  it('checks the time is a finite number', () => {
    expect(isTraceEvent(syn)).toBe(true);
    expect(isTraceEvent({ ...syn, t: Number.NaN })).toBe(false);
    expect(isTraceEvent({ ...syn, t: Infinity })).toBe(false);
  });
});

describe('requestIdOf', () => {
  it('recovers the id of a malformed message when there is one', () => {
    expect(requestIdOf({ type: 'walk', requestId: 7 })).toBe(7);
    expect(requestIdOf({ type: 'run', requestId: 'x' })).toBe(null);
    expect(requestIdOf(42)).toBe(null);
  });
});
