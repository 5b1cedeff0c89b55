import { describe, expect, it } from 'vitest';
import {
  isCauseStarts,
  isLabOptions,
  isTraceEvent,
  isWorkerRequest,
  isWorkerResponse,
  requestIdOf,
} from './protocol';
import { synEvent as syn } from '../testing/workerMessages';

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

const done = {
  type: 'done',
  requestId: 1,
  final: { client: 'CLOSED', server: 'CLOSED' },
  eventCount: 3,
  causeStarts: [0, 2],
  scenario: { actions: [] },
};

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
        causeStarts: [0],
        scenario: { actions: [] },
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
    ['no cause starts', { ...done, causeStarts: undefined }],
    ['cause starts past the events', { ...done, eventCount: 2, causeStarts: [0, 2] }],
    ['done without its scenario', { ...done, scenario: undefined }],
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

describe('lab requests', () => {
  const options = {
    lossPercent: 5,
    seed: 7,
    dropFinalAck: true,
    reusePort: false,
    extraFaults: [{ who: 'client', flags: 'ACK', nth: 1, after: 601, fate: 'drop' }],
  };

  it('accepts a lab request with any payload (the worker checks it)', () => {
    expect(isWorkerRequest({ type: 'lab', requestId: 1, lesson: {}, options: {} })).toBe(true);
    expect(isWorkerRequest({ type: 'lab', requestId: 1, lesson: {} })).toBe(false);
  });

  it('checks lab options', () => {
    expect(isLabOptions(options)).toBe(true);
    expect(isLabOptions({ ...options, profile: 'linux', mslMs: 30_000 })).toBe(true);
    expect(isLabOptions({ ...options, profile: 'bsd' })).toBe(false);
    expect(isLabOptions({ ...options, lossPercent: 101 })).toBe(false);
    expect(isLabOptions({ ...options, seed: 1.5 })).toBe(false);
    expect(isLabOptions({ ...options, reusePort: 'yes' })).toBe(false);
    expect(isLabOptions({ ...options, extraFaults: [{ who: 'client', nth: 0 }] })).toBe(false);
    expect(
      isLabOptions({ ...options, extraFaults: [{ ...options.extraFaults[0], fate: 'lose' }] }),
    ).toBe(false);
  });
});

describe('isCauseStarts', () => {
  it('wants starts from 0, strictly ascending, within the events', () => {
    expect(isCauseStarts([], 0)).toBe(true);
    expect(isCauseStarts([0, 2, 5], 6)).toBe(true);
    expect(isCauseStarts([], 3)).toBe(false);
    expect(isCauseStarts([1, 2], 3)).toBe(false);
    expect(isCauseStarts([0, 2, 2], 3)).toBe(false);
    expect(isCauseStarts([0, 3], 3)).toBe(false);
    expect(isCauseStarts([0, 1.5], 3)).toBe(false);
    expect(isCauseStarts('0', 3)).toBe(false);
  });
});
