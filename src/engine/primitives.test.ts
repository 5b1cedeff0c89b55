// The engine's building blocks: wrap-around sequence arithmetic, the agenda's ordering and the
// seeded generator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda, type Scheduled } from './heap';
import { createRng } from './rng';
import { seqAdd, seqDiff, seqGt, seqLeq, seqLt } from './seq';

describe('sequence numbers', () => {
  it('compare across the 2^32 wrap', () => {
    expect(seqLt(0xffff_fff0, 5)).toBe(true);
    expect(seqGt(5, 0xffff_fff0)).toBe(true);
    expect(seqAdd(0xffff_ffff, 2)).toBe(1);
    expect(seqDiff(3, 0xffff_fffe)).toBe(5);
  });

  it('a + n is after a for every n in (0, 2^31)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffff_ffff }),
        fc.integer({ min: 1, max: 0x7fff_ffff }),
        (a, n) => {
          const b = seqAdd(a, n);
          return seqGt(b, a) && seqLt(a, b) && seqLeq(a, a) && seqDiff(b, a) === n;
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('agenda', () => {
  it('pops by time, then rank, then insertion order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.nat({ max: 50 }), rank: fc.nat({ max: 2 }) }), {
          maxLength: 200,
        }),
        (entries) => {
          const agenda = new Agenda<Scheduled>();
          const items = entries.map((e, order) => ({ ...e, order }));
          items.forEach((item) => agenda.push(item));
          const popped: Scheduled[] = [];
          for (let item = agenda.pop(); item !== undefined; item = agenda.pop()) popped.push(item);
          const expected = [...items].sort(
            (a, b) => a.t - b.t || a.rank - b.rank || a.order - b.order,
          );
          expect(popped).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('seeded generator', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = createRng(9);
    const b = createRng(9);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(createRng(1).nextUint32()).not.toBe(createRng(2).nextUint32());
  });
});
