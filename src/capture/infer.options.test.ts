// A capture's TCP options, through the import: they become the options of the send events the
// page draws and inspects, exactly as a simulated run carries them.
import { describe, expect, it } from 'vitest';
import type { SendEvent, TraceEvent } from '../engine/types';
import { advertisedWindow, segmentOptions } from '../lab/segmentOptions';
import { readKernelCapture } from '../testing/kernelCaptures';
import { findConnections } from './connections';
import { captureRun } from './infer';
import { parseCapture } from './parse';
import { runToPcap } from './writePcap';

const sendsOf = (events: readonly TraceEvent[]) =>
  events.filter((e): e is SendEvent => e.type === 'send');

function importedSends(name: string) {
  const { file } = readKernelCapture(name);
  const [connection] = findConnections(file);
  if (connection === undefined) throw new Error(`${name}: no connection`);
  return captureRun(file, connection).run.events;
}

describe('imported captures carry their options', () => {
  it('a real Linux handshake: the SYNs’ four options, then timestamps on every segment', () => {
    // Values as tshark reads them in the file (loopback: MSS 65495, window scale 10).
    const events = importedSends('half-close');
    const [syn, synAck, ack, ...rest] = sendsOf(events);
    expect(syn?.options).toEqual([
      { kind: 'mss', value: 65495 },
      { kind: 'sackPermitted' },
      { kind: 'timestamps', tsval: 68106037, tsecr: 0 },
      { kind: 'windowScale', shift: 10 },
    ]);
    expect(synAck?.options).toEqual([
      { kind: 'mss', value: 65495 },
      { kind: 'sackPermitted' },
      { kind: 'timestamps', tsval: 3329392491, tsecr: 68106037 },
      { kind: 'windowScale', shift: 10 },
    ]);
    expect(ack?.options).toEqual([{ kind: 'timestamps', tsval: 68106037, tsecr: 3329392491 }]);
    for (const send of rest) expect(send.options?.map((o) => o.kind)).toEqual(['timestamps']);

    // The window field is the raw one; scaled, it is what tshark calls the window size.
    expect(ack?.window).toBe(64);
    const scale = segmentOptions(events, ack!.id)!.windowShift;
    expect(scale).toBe(10);
    expect(advertisedWindow(ack!.window, scale)).toBe(65536);
    expect(segmentOptions(events, syn!.id)!.windowShift).toBeNull();
  });

  it('a segment without options has none (the RST from a closed port)', () => {
    const [, rst] = sendsOf(importedSends('rst-closed-port'));
    expect(rst?.flags).toContain('RST');
    expect(rst).not.toHaveProperty('options');
  });

  it('an exported run read back has the options it was exported with', () => {
    const why = { rule: 'send-data', ref: 'RFC 9293 §3.10.2' };
    const base = { type: 'send', len: 0, retransmission: false, reason: 'data', why } as const;
    const sent: SendEvent[] = [
      {
        ...base,
        t: 0,
        id: 1,
        who: 'client',
        flags: ['SYN'],
        seq: 1000,
        ack: 0,
        window: 64240,
        options: [
          { kind: 'mss', value: 1460 },
          { kind: 'sackPermitted' },
          { kind: 'timestamps', tsval: 7, tsecr: 0 },
          { kind: 'windowScale', shift: 7 },
        ],
      },
      {
        ...base,
        t: 1,
        id: 2,
        who: 'server',
        flags: ['SYN', 'ACK'],
        seq: 5000,
        ack: 1001,
        window: 65160,
        options: [{ kind: 'mss', value: 1460 }],
      },
      { ...base, t: 2, id: 3, who: 'client', flags: ['ACK'], seq: 1001, ack: 5001, window: 502 },
    ];
    const file = parseCapture(runToPcap({ scenario: {}, events: sent }));
    const [connection] = findConnections(file);
    const events = captureRun(file, connection!).run.events;
    expect(sendsOf(events).map((s) => s.options)).toEqual(sent.map((s) => s.options));
    // The server offered no window scale: nothing is scaled.
    expect(segmentOptions(events, 3)!.windowShift).toBeNull();
  });
});
