import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../scenarios/all';
import { deriveRun } from '../derive';
import { runWithCauses } from '../run';
import { freshScenario, newAttemptSeed, EPHEMERAL_PORTS, MAX_ATTEMPT_SEED } from './fresh';
import { phaseOf, questionsOf } from './questions';
import { addMarks, emptyScore, mark, REVEALED, type Prediction } from './score';
import type { Scenario } from '../../engine/types';

const derive = (scenario: Scenario) => deriveRun(runWithCauses(scenario));
const lesson = (id: string) => {
  const found = LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(id);
  return found.scenario as Scenario;
};

describe('questions of a run', () => {
  it('ask the handshake, the teardown and nothing in between (client closes first)', () => {
    const run = derive(lesson('client-closes-first'));
    const phases = questionsOf(run).map((q) => `${q.from} ${q.phase}`);
    expect(phases).toEqual([
      'client syn',
      'server syn-ack',
      'client handshake-ack',
      'client fin',
      'server fin-ack',
      'server fin',
      'client fin-ack',
    ]);
  });

  it('ask retransmissions and RSTs', () => {
    expect(questionsOf(derive(lesson('lost-syn'))).map((q) => q.phase)).toContain('retransmission');
    expect(questionsOf(derive(lesson('abort'))).map((q) => q.phase)).toContain('rst');
  });

  it('expect exactly what the engine sent and the states it reached, in every lesson', () => {
    for (const { id } of LESSONS) {
      const run = derive(lesson(id));
      for (const q of questionsOf(run)) {
        const seg = run.segments.find((s) => s.id === q.segmentId);
        expect(seg, id).toBeDefined();
        if (!seg) continue;
        expect(seg.sentStep).toBe(q.step);
        expect(q.expected.flags).toEqual(seg.flags);
        expect(q.expected.seq).toEqual({ relative: seg.relSeq, absolute: seg.seq });
        if (seg.flags.includes('ACK')) {
          expect(q.expected.ack).toEqual({ relative: seg.relAck, absolute: seg.ack });
        } else {
          expect(q.expected.ack).toBeNull();
        }
        const states = run.viewAt(q.step).states;
        expect(q.expected.states).toEqual({ client: states.client, server: states.server });
        expect(
          phaseOf(
            seg,
            run.segments.filter((s) => s.deliveredStep === q.step),
          ),
        ).toBe(q.phase);
      }
    }
  });

  it('ask at most one segment per step, in step order', () => {
    for (const { id } of LESSONS) {
      const steps = questionsOf(derive(lesson(id))).map((q) => q.step);
      expect([...steps].sort((a, b) => a - b)).toEqual(steps);
      expect(new Set(steps).size).toBe(steps.length);
    }
  });
});

describe('marks and the score', () => {
  const run = derive(lesson('client-closes-first'));
  const [syn, synAck] = questionsOf(run);
  if (!syn || !synAck) throw new Error('no handshake');
  const right = (q: typeof syn, numbering: 'relative' | 'absolute'): Prediction => ({
    flags: [...q.expected.flags].reverse(),
    seq: q.expected.seq[numbering],
    ack: q.expected.ack === null ? null : q.expected.ack[numbering],
    states: q.expected.states,
  });

  it('marks a right answer right in either numbering, flags in any order', () => {
    for (const numbering of ['relative', 'absolute'] as const) {
      expect(mark(synAck, right(synAck, numbering), numbering)).toEqual({
        flags: true,
        numbers: true,
        states: true,
      });
    }
  });

  it('marks each kind on its own', () => {
    const wrong = right(synAck, 'relative');
    expect(mark(synAck, { ...wrong, flags: ['SYN'] }, 'relative').flags).toBe(false);
    expect(mark(synAck, { ...wrong, ack: (wrong.ack ?? 0) + 1 }, 'relative')).toEqual({
      flags: true,
      numbers: false,
      states: true,
    });
    expect(
      mark(synAck, { ...wrong, states: { ...wrong.states, client: null } }, 'relative').states,
    ).toBe(false);
    // Relative numbers typed while absolute ones are shown are wrong (the ISN is not 0).
    expect(mark(synAck, right(synAck, 'relative'), 'absolute').numbers).toBe(false);
    // A bare SYN has no ACK number: typing one is wrong.
    expect(mark(syn, { ...right(syn, 'relative'), ack: 0 }, 'relative').numbers).toBe(false);
  });

  it('counts right and asked per kind; "show me" counts as asked, not right', () => {
    let score = addMarks(emptyScore(), { flags: true, numbers: false, states: true });
    score = addMarks(score, REVEALED);
    expect(score.right).toBe(2);
    expect(score.asked).toBe(6);
    expect(score.byKind.flags).toEqual({ right: 1, asked: 2 });
    expect(score.byKind.numbers).toEqual({ right: 0, asked: 2 });
  });
});

describe('fresh numbers', () => {
  it('draw ISNs and an ephemeral port from the attempt seed, the same for the same seed', () => {
    const base = lesson('client-closes-first');
    const a = freshScenario(base, 42);
    expect(freshScenario(base, 42)).toEqual(a);
    expect(freshScenario(base, 43)).not.toEqual(a);
    expect(a.client?.port).toBeGreaterThanOrEqual(EPHEMERAL_PORTS.low);
    expect(a.client?.port).toBeLessThanOrEqual(EPHEMERAL_PORTS.high);
    expect(a.server?.port).toBe(base.server?.port);
    expect(a.seed).toBe(base.seed);
    expect(newAttemptSeed(() => 0)).toBe(1);
    expect(newAttemptSeed(() => 0.9999999)).toBe(MAX_ATTEMPT_SEED);
  });

  it('keep every lesson’s story: the same phases, flags, relative numbers and states', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LESSONS.map((l) => l.id)),
        fc.integer({ min: 1, max: MAX_ATTEMPT_SEED }),
        (id, seed) => {
          const story = (scenario: Scenario) =>
            questionsOf(derive(scenario)).map((q) => ({
              step: q.step,
              phase: q.phase,
              flags: q.expected.flags,
              seq: q.expected.seq.relative,
              ack: q.expected.ack?.relative ?? null,
              states: q.expected.states,
            }));
          expect(story(freshScenario(lesson(id), seed))).toEqual(story(lesson(id)));
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});
