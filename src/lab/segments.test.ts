import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import lesson from '../scenarios/client-closes-first.json';
import { runWithCauses } from './run';
import { describeSegments } from './segments';
import { buildSteps } from './steps';

function describeRun(scenario: Scenario) {
  const run = runWithCauses(scenario);
  const steps = buildSteps(run);
  return { run, steps, segments: describeSegments(run, steps) };
}

const brief = (s: { flags: string[]; relSeq: number; relAck: number | null; len: number }) =>
  `${s.flags.join(',')} ${s.relSeq}:${s.relAck ?? '-'} ${s.len}`;

describe('describeSegments', () => {
  it('gives relative numbers, sides and step numbers for a normal close', () => {
    const { run, steps, segments } = describeRun(lesson as Scenario);
    expect(segments.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(segments.map(brief)).toEqual([
      'SYN 0:- 0',
      'SYN,ACK 0:1 0',
      'ACK 1:1 0',
      'PSH,ACK 1:1 5',
      'ACK 1:6 0',
      'FIN,ACK 6:1 0',
      'ACK 1:7 0',
      'FIN,ACK 1:7 0',
      'ACK 7:2 0',
    ]);
    const syn = segments[0];
    expect(syn).toMatchObject({ from: 'client', to: 'server', seq: 1000, sentAt: 150 });
    expect(syn).toMatchObject({ deliveredAt: 151, droppedAt: null, old: false, copies: [] });
    for (const seg of segments) {
      // The step numbers point at the steps holding the send and the delivery.
      const sent = steps[seg.sentStep - 1];
      const delivered = steps[(seg.deliveredStep ?? 0) - 1];
      expect(sent?.t).toBe(seg.sentAt);
      expect(delivered?.t).toBe(seg.deliveredAt);
      const sendIndex = run.events.findIndex((e) => e.type === 'send' && e.id === seg.id);
      expect(sendIndex).toBeGreaterThanOrEqual(sent?.first ?? Infinity);
      expect(sendIndex).toBeLessThan(sent?.end ?? -1);
    }
  });

  it('records drops, duplicate copies and delays', () => {
    const { segments } = describeRun({
      ...(lesson as Scenario),
      faults: [
        { who: 'server', flags: 'SYN,ACK', nth: 1, fate: 'duplicate' },
        // PSH is ignored: this is the data segment.
        { who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' },
        { who: 'client', flags: 'FIN,ACK', nth: 1, fate: { delayMs: 50 } },
      ],
    });
    const synAck = segments[1];
    // The copy arrives at the same time, as its own step right after the first.
    expect(synAck?.copies).toEqual([{ t: 152, step: (synAck?.deliveredStep ?? 0) + 1 }]);
    const data = segments.filter((s) => s.len === 5);
    expect(data[0]).toMatchObject({ droppedAt: 301, dropReason: 'fault', deliveredAt: null });
    expect(data[0]?.droppedStep).toBeGreaterThan(data[0]?.sentStep ?? Infinity);
    expect(data[1]).toMatchObject({ retransmission: true, relSeq: 1, dropReason: null });
    // The close waits for the data's ACK, which the drop put off: only the delay is fixed.
    const fin = segments.find((s) => s.flags.includes('FIN') && s.from === 'client');
    expect(fin).toMatchObject({ delayedMs: 50, old: false });
    expect(fin?.deliveredAt).toBe((fin?.sentAt ?? NaN) + 51);
  });

  it('marks a segment delayed into the next connection as old', () => {
    const { segments } = describeRun({
      ...(lesson as Scenario),
      // Real stacks refuse to reopen a pair held by TIME_WAIT (CONTRACT.md section 0.2); this
      // what-if lets the client, so that the late FIN lands in the new connection.
      whatIf: { reuseTimeWait: true },
      actions: [
        ...(lesson as Scenario).actions,
        { at: 1700, who: 'client', do: 'connect', reuse: true },
      ],
      // The server's FIN comes 2 s late; its retransmission closes the first connection.
      faults: [{ who: 'server', flags: 'FIN,ACK', nth: 1, fate: { delayMs: 2000 } }],
    });
    const lateFin = segments.find((s) => s.delayedMs === 2000);
    expect(lateFin).toMatchObject({ from: 'server', sentAt: 600, deliveredAt: 2601, old: true });
    expect(segments.filter((s) => s.old)).toEqual([lateFin]);
    // The second connection's numbers are relative to its own ISNs.
    const secondSyn = segments.find((s) => s.flags.join() === 'SYN' && s.sentAt === 1700);
    expect(secondSyn).toMatchObject({ relSeq: 0 });
    expect(secondSyn?.seq).not.toBe(1000);
  });

  it('does not call the crossing SYNs of a simultaneous open old', () => {
    const { segments, run } = describeRun({
      client: { isn: 100 },
      server: { isn: 900 },
      actions: [
        { at: 0, who: 'client', do: 'connect' },
        { at: 0, who: 'server', do: 'connect' },
      ],
    });
    expect(run.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', listener: 'CLOSED' });
    expect(segments.length).toBeGreaterThanOrEqual(4);
    expect(segments.some((s) => s.old)).toBe(false);
  });

  it('gives a RST from a side that never sent a SYN in absolute numbers', () => {
    const { segments } = describeRun({
      client: { isn: 100 },
      server: { isn: 900 },
      actions: [{ at: 0, who: 'client', do: 'connect' }],
    });
    const rst = segments.find((s) => s.flags.includes('RST'));
    expect(rst).toMatchObject({ from: 'server', relSeq: rst?.seq, relAck: 1 });
  });
});
