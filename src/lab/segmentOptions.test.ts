import { describe, expect, it } from 'vitest';
import type { SendEvent, Side, TcpOption, TraceEvent } from '../engine/types';
import { advertisedWindow, segmentOptions } from './segmentOptions';

const why = { rule: 'send-data', ref: 'RFC 9293 §3.10.2' };

function send(
  id: number,
  who: Side,
  flags: SendEvent['flags'],
  window: number,
  options?: TcpOption[],
): SendEvent {
  return {
    t: id,
    type: 'send',
    id,
    who,
    flags,
    seq: 0,
    ack: 0,
    len: 0,
    window,
    retransmission: false,
    reason: 'data',
    why,
    ...(options && { options }),
  };
}

const synOptions = (shift: number | null, tsval = 1): TcpOption[] => [
  { kind: 'mss', value: 1460 },
  { kind: 'sackPermitted' },
  { kind: 'timestamps', tsval, tsecr: 0 },
  ...(shift === null ? [] : [{ kind: 'windowScale' as const, shift }]),
];
const stamp: TcpOption[] = [{ kind: 'timestamps', tsval: 5, tsecr: 4 }];

/** A linux handshake (client shift 7, server `serverShift`), then one segment each way. */
function handshake(serverShift: number | null): TraceEvent[] {
  return [
    { t: 0, type: 'app', who: 'listener', call: 'listen', result: 'ok' },
    send(1, 'client', ['SYN'], 64240, synOptions(7)),
    { t: 1, type: 'deliver', id: 1 },
    send(2, 'server', ['SYN', 'ACK'], 65160, synOptions(serverShift)),
    { t: 2, type: 'deliver', id: 2 },
    send(3, 'client', ['ACK'], 502, stamp),
    send(4, 'server', ['ACK'], 1019, stamp),
  ];
}

describe('segmentOptions', () => {
  it('gives a segment its send event’s options, and none when it has none', () => {
    const events = handshake(7);
    expect(segmentOptions(events, 1)?.options).toEqual(synOptions(7));
    expect(segmentOptions(events, 3)?.options).toEqual(stamp);
    const bare = [send(1, 'client', ['RST'], 0)];
    expect(segmentOptions(bare, 1)).toEqual({ options: [], windowShift: null });
    expect(segmentOptions(bare, 9)).toBeNull();
  });

  it('scales a segment by its sender’s own shift once both SYNs carried window scale', () => {
    const events = handshake(9);
    expect(segmentOptions(events, 3)?.windowShift).toBe(7);
    expect(segmentOptions(events, 4)?.windowShift).toBe(9);
    expect(advertisedWindow(511, 7)).toBe(65408);
    expect(advertisedWindow(1019, 9)).toBe(521728);
    expect(advertisedWindow(511, null)).toBe(511);
  });

  it('never scales a SYN or SYN+ACK', () => {
    const events = handshake(7);
    expect(segmentOptions(events, 1)?.windowShift).toBeNull();
    expect(segmentOptions(events, 2)?.windowShift).toBeNull();
  });

  it('does not scale when only one side sent window scale, or before the peer’s SYN', () => {
    const oneSided = handshake(null);
    expect(segmentOptions(oneSided, 3)?.windowShift).toBeNull();
    expect(segmentOptions(oneSided, 4)?.windowShift).toBeNull();
    // A RST from a side that never sent a SYN (a closed port) has no scale to apply.
    const refused = [
      send(1, 'client', ['SYN'], 64240, synOptions(7)),
      send(2, 'server', ['RST', 'ACK'], 0),
    ];
    expect(segmentOptions(refused, 2)?.windowShift).toBeNull();
  });

  it('takes the current connection’s SYNs: the last each side sent before the segment', () => {
    const events: TraceEvent[] = [
      ...handshake(7),
      // A new connection on the same ports whose client no longer offers window scaling.
      send(5, 'client', ['SYN'], 64240, synOptions(null, 90)),
      send(6, 'server', ['SYN', 'ACK'], 65160, synOptions(7, 91)),
      send(7, 'client', ['ACK'], 64240, stamp),
      send(8, 'server', ['ACK'], 65160, stamp),
    ];
    expect(segmentOptions(events, 4)?.windowShift).toBe(7);
    expect(segmentOptions(events, 7)?.windowShift).toBeNull();
    expect(segmentOptions(events, 8)?.windowShift).toBeNull();
  });
});
