// The diagram's pure parts: the arrows' timing and geometry, which arrows cross, and the state
// changes shown at a step. (The component itself, through the DOM: Diagram.test.tsx.)
import { describe, expect, it } from 'vitest';
import { buildTimeAxis } from '../../lab/timeAxis';
import { collectStateChanges, stateChangesUpTo } from '../../lab/stateChanges';
import { diagramFixture, lostFinalAck } from '../../testing/diagram';
import { crossingIds } from './Diagram';
import { arrowDurationMs, shownFraction, stepDurationMs } from './geometry';

describe('geometry', () => {
  it('gives the shell a step duration that outlasts the arrow at every speed', () => {
    for (const speed of [0.25, 0.5, 1, 2, 4]) {
      expect(stepDurationMs(speed)).toBeGreaterThan(arrowDurationMs(speed));
    }
    expect(arrowDurationMs(1)).toBe(600);
  });

  it('draws a segment in flight at least 0.4 along, never past its drop point', () => {
    const { stepper } = diagramFixture(lostFinalAck);
    const dropped = stepper.segments.find((s) => s.droppedAt !== null)!;
    expect(shownFraction(dropped, 'in-flight', dropped.sentAt)).toBe(0.4);
    expect(shownFraction(dropped, 'in-flight', dropped.droppedAt!)).toBe(0.5);
    expect(shownFraction(dropped, 'dropped', dropped.droppedAt!)).toBe(0.5);
  });

  it('finds the server arrows that cross a client one (simultaneous open)', () => {
    const { stepper, run } = diagramFixture({
      actions: [
        { at: 0, who: 'server', do: 'connect' },
        { at: 0, who: 'client', do: 'connect' },
      ],
    });
    const axis = buildTimeAxis(run.events.map((e) => e.t));
    const ids = crossingIds(stepper.segments, axis.y);
    const serverSyn = stepper.segments.find(
      (s) => s.from === 'server' && s.flags.join() === 'SYN',
    )!;
    expect(ids.has(serverSyn.id)).toBe(true);
    // Handshake arrows that only touch at a lifeline do not cross.
    const { stepper: plain, run: plainRun } = diagramFixture(lostFinalAck);
    expect(crossingIds(plain.segments, buildTimeAxis(plainRun.events.map((e) => e.t)).y).size).toBe(
      0,
    );
  });

  it('cuts the state changes at a step', () => {
    const { run, stepper } = diagramFixture(lostFinalAck);
    const all = collectStateChanges(run.events);
    expect(stateChangesUpTo(all, 0)).toEqual([]);
    expect(stateChangesUpTo(all, run.events.length)).toEqual(all);
    const end = stepper.steps[1]!.end;
    expect(stateChangesUpTo(all, end).every((c) => c.index < end)).toBe(true);
  });
});
