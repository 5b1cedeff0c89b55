import { describe, expect, it } from 'vitest';
import type { SendEvent, TraceEvent } from '../core/types';
import { formatEvent, sendsById, sideOf } from './formatEvent';

const syn: SendEvent = {
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
const data: SendEvent = {
  ...syn,
  id: 2,
  t: 300,
  flags: ['PSH', 'ACK'],
  seq: 1001,
  ack: 5001,
  len: 5,
};
const sends = sendsById([syn, data]);
const line = (event: TraceEvent) => formatEvent(event, sends);

describe('formatEvent', () => {
  it('writes segments as flags, numbers and length', () => {
    expect(line(syn)).toBe('t=150 client → SYN seq=1000 ack=0');
    expect(line(data)).toBe('t=300 client → PSH,ACK seq=1001 ack=5001 len=5');
    expect(line({ ...syn, retransmission: true })).toBe(
      't=150 client → SYN seq=1000 ack=0 (retransmission)',
    );
  });

  it('names the receiver of a delivery and the sender of a drop', () => {
    expect(line({ t: 151, type: 'deliver', id: 1 })).toBe('t=151 server ← SYN seq=1000 ack=0');
    expect(line({ t: 151, type: 'deliver', id: 1, duplicate: true })).toContain('(duplicate)');
    expect(line({ t: 301, type: 'drop', id: 2, reason: 'loss' })).toBe(
      't=301 ✕ PSH,ACK seq=1001 ack=5001 len=5 from client dropped (loss)',
    );
    expect(line({ t: 9, type: 'deliver', id: 77 })).toBe('t=9 segment #77 delivered');
  });

  it('writes app calls, state changes and timers', () => {
    expect(line({ t: 0, type: 'app', who: 'server', call: 'listen', result: 'ok' })).toBe(
      't=0 server listen() = ok',
    );
    expect(line({ t: 0, type: 'state', who: 'server', from: 'CLOSED', to: 'LISTEN' })).toBe(
      't=0 server CLOSED ⇒ LISTEN',
    );
    expect(
      line({ t: 151, type: 'timer', who: 'server', timer: 'retransmit', action: 'set', due: 1151 }),
    ).toBe('t=151 server retransmit timer set (due t=1151)');
  });
});

describe('sideOf', () => {
  it('is the sender of a send and the receiver of a delivery', () => {
    expect(sideOf(syn, sends)).toBe('client');
    expect(sideOf({ t: 151, type: 'deliver', id: 1 }, sends)).toBe('server');
    expect(sideOf({ t: 151, type: 'drop', id: 1, reason: 'fault' }, sends)).toBe('client');
  });
});
