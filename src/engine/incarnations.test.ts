import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Incarnations, type NumberedSegment, type SentSegment } from './incarnations';
import { MOD } from './seq';
import type { Flag, Side } from './types';

const seg = (who: Side, flags: Flag[], seq: number, ack = 0): SentSegment => ({
  who,
  flags,
  seq,
  ack,
});

describe('Incarnations', () => {
  it('numbers a handshake and data relative to each side’s ISN', () => {
    const numbering = new Incarnations();
    expect(numbering.send(seg('client', ['SYN'], 1000))).toMatchObject({ relSeq: 0, relAck: null });
    expect(numbering.send(seg('server', ['SYN', 'ACK'], 5000, 1001))).toMatchObject({
      relSeq: 0,
      relAck: 1,
    });
    expect(numbering.send(seg('client', ['PSH', 'ACK'], 1001, 5001))).toMatchObject({
      relSeq: 1,
      relAck: 1,
    });
    expect(numbering.current()).toEqual({ client: 1, server: 1 });
  });

  it('gives a side with no SYN yet its absolute numbers', () => {
    const numbering = new Incarnations();
    numbering.send(seg('client', ['SYN'], 100));
    // A RST from a closed port: the server never chose an ISN.
    expect(numbering.send(seg('server', ['RST', 'ACK'], 0, 101))).toMatchObject({
      relSeq: 0,
      relAck: 1,
    });
    expect(numbering.send(seg('server', ['RST'], 777))).toMatchObject({ relSeq: 777 });
    expect(numbering.isnOf('server')).toBeNull();
  });

  it('counts from a configured ISN before the first SYN, and from each new SYN after', () => {
    const numbering = new Incarnations({ server: 900 });
    expect(numbering.send(seg('server', ['ACK'], 905, 0)).relSeq).toBe(5);
    expect(numbering.current()).toEqual({ client: 0, server: 0 });
    // A SYN with the configured ISN is that same incarnation's.
    numbering.send(seg('server', ['SYN'], 900));
    expect(numbering.current()).toEqual({ client: 0, server: 0 });
    numbering.send(seg('server', ['SYN'], 3000));
    expect(numbering.current()).toEqual({ client: 0, server: 1 });
    expect(numbering.send(seg('server', ['ACK'], 3001, 0)).relSeq).toBe(1);
  });

  it('keeps the incarnation for a retransmitted SYN, starts a new one for a new ISN', () => {
    const numbering = new Incarnations();
    const first = numbering.send(seg('client', ['SYN'], 1000));
    const again = numbering.send(seg('client', ['SYN'], 1000));
    expect(again).toEqual(first);
    expect(again.sentIn).toBe(first.sentIn);
    numbering.send(seg('client', ['SYN'], 2000));
    expect(numbering.current()).toEqual({ client: 2, server: 0 });
  });

  it('wraps at 2^32', () => {
    const numbering = new Incarnations();
    numbering.send(seg('client', ['SYN'], MOD - 2));
    numbering.send(seg('server', ['SYN', 'ACK'], 7, MOD - 1));
    expect(numbering.send(seg('client', ['ACK'], 0, 8))).toMatchObject({ relSeq: 2, relAck: 1 });
    expect(numbering.send(seg('server', ['ACK'], 8, 5))).toMatchObject({ relSeq: 1, relAck: 7 });
  });

  it('calls a segment old once its sender, or for an ACK its receiver, started anew', () => {
    const numbering = new Incarnations();
    numbering.send(seg('client', ['SYN'], 100));
    numbering.send(seg('server', ['SYN', 'ACK'], 900, 101));
    const fin = seg('server', ['FIN', 'ACK'], 901, 101);
    const lateFin = numbering.send(fin);
    const data = seg('client', ['PSH', 'ACK'], 101, 902);
    const sentData = numbering.send(data);
    expect(numbering.isOld(fin, lateFin.sentIn)).toBe(false);
    // The client opens a new connection with a new ISN.
    numbering.send(seg('client', ['SYN'], 5000));
    expect(numbering.isOld(fin, lateFin.sentIn)).toBe(true);
    expect(numbering.isOld(data, sentData.sentIn)).toBe(true);
  });

  it('does not call the crossing SYNs of a simultaneous open old', () => {
    const numbering = new Incarnations();
    const clientSyn = seg('client', ['SYN'], 100);
    const serverSyn = seg('server', ['SYN'], 900);
    const a = numbering.send(clientSyn);
    const b = numbering.send(serverSyn);
    expect(numbering.isOld(clientSyn, a.sentIn)).toBe(false);
    expect(numbering.isOld(serverSyn, b.sentIn)).toBe(false);
  });
});

// ---- properties ----

const side = fc.constantFrom<Side>('client', 'server');
const u32 = fc.integer({ min: 0, max: MOD - 1 });

type Op =
  | { kind: 'syn'; who: Side; isn: number; ack: boolean }
  | { kind: 'resyn'; who: Side }
  | { kind: 'data'; who: Side; offset: number; ack: boolean }
  | { kind: 'deliver'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('syn' as const), who: side, isn: u32, ack: fc.boolean() }),
  fc.record({ kind: fc.constant('resyn' as const), who: side }),
  fc.record({
    kind: fc.constant('data' as const),
    who: side,
    offset: fc.integer({ min: 0, max: 2 ** 31 }),
    ack: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
);

describe('Incarnations, properties', () => {
  it('numbers every segment from the last SYN its sides sent, and finds old ones', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const numbering = new Incarnations();
        // The trace so far, to check against the definitions directly.
        const synsSent: { who: Side; seq: number }[] = [];
        const lastSyn = (who: Side) => synsSent.filter((s) => s.who === who).at(-1)?.seq ?? null;
        const sent: { segment: SentSegment; numbered: NumberedSegment; synsBefore: number }[] = [];
        for (const o of ops) {
          if (o.kind === 'deliver') {
            const entry = sent[o.pick % Math.max(1, sent.length)];
            if (!entry) continue;
            const { segment } = entry;
            // New incarnations since: SYNs after it whose ISN differs from the one before them.
            const since = synsSent.slice(entry.synsBefore);
            const restarted = (who: Side) => {
              const isns = synsSent.slice(0, entry.synsBefore).filter((s) => s.who === who);
              let current = isns.at(-1)?.seq ?? null;
              let moved = false;
              for (const s of since) {
                if (s.who !== who) continue;
                if (s.seq !== current) moved = true;
                current = s.seq;
              }
              return moved;
            };
            const to: Side = segment.who === 'client' ? 'server' : 'client';
            const expected =
              restarted(segment.who) || (restarted(to) && segment.flags.includes('ACK'));
            expect(numbering.isOld(segment, entry.numbered.sentIn)).toBe(expected);
            continue;
          }
          const who = o.who;
          const peer: Side = who === 'client' ? 'server' : 'client';
          const ack = ((lastSyn(peer) ?? 0) + 1) % MOD;
          let segment: SentSegment;
          if (o.kind === 'syn') segment = seg(who, o.ack ? ['SYN', 'ACK'] : ['SYN'], o.isn, ack);
          else if (o.kind === 'resyn') segment = seg(who, ['SYN'], lastSyn(who) ?? 0, ack);
          else {
            const base = lastSyn(who) ?? 0;
            segment = seg(who, o.ack ? ['ACK'] : ['RST'], (base + o.offset) % MOD, ack);
          }
          const synsBefore = synsSent.length;
          if (segment.flags.includes('SYN')) synsSent.push({ who, seq: segment.seq });
          const numbered = numbering.send(segment);
          const senderIsn = lastSyn(who);
          const receiverIsn = lastSyn(peer);
          // seq = ISN + relSeq (mod 2^32), or absolute before any SYN.
          expect(numbered.relSeq).toBe(
            senderIsn === null ? segment.seq : (segment.seq - senderIsn + MOD) % MOD,
          );
          if (o.kind === 'data') expect(numbered.relSeq).toBe(o.offset);
          if (segment.flags.includes('ACK')) {
            expect(numbered.relAck).toBe(
              receiverIsn === null ? segment.ack : (segment.ack - receiverIsn + MOD) % MOD,
            );
          } else {
            expect(numbered.relAck).toBeNull();
          }
          expect(numbered.relSeq).toBeGreaterThanOrEqual(0);
          expect(numbered.relSeq).toBeLessThan(MOD);
          sent.push({ segment, numbered, synsBefore: synsBefore + (o.kind === 'data' ? 0 : 1) });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('starts an incarnation for a SYN exactly when its ISN differs from the one in use', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: side, isn: fc.integer({ min: 0, max: 3 }) }), { maxLength: 30 }),
        (syns) => {
          const numbering = new Incarnations();
          const expected: Record<Side, number> = { client: 0, server: 0 };
          const last: Record<Side, number | null> = { client: null, server: null };
          for (const { who, isn } of syns) {
            if (last[who] !== isn) expected[who]++;
            last[who] = isn;
            expect(numbering.send(seg(who, ['SYN'], isn)).sentIn).toEqual(expected);
          }
          expect(numbering.current()).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
