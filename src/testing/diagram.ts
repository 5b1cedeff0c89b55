// The diagram's tests' run: a connection opened and closed whose final ACK is lost (a drop, a
// retransmission, TIME_WAIT, a compressed stretch of time), and the props the page gives the
// diagram at each of its steps.

import type { Scenario, SendEvent, Side, TraceEvent } from '../engine/types';
import { runWithCauses } from '../lab/run';
import { collectStateChanges, stateChangesUpTo } from '../lab/stateChanges';
import { burstRoom } from '../lab/bursts';
import { runAxes } from '../lab/derive';
import { buildTimeAxis } from '../lab/timeAxis';
import type { Run } from '../lab/types';
import { createStepper } from '../lab/view';
import type { DiagramProps } from '../ui/diagram/Diagram';

const open = [
  { at: 0, who: 'server', do: 'listen' },
  { at: 100, who: 'client', do: 'connect' },
] as const;

export const lostFinalAck: Scenario = {
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [
    ...open,
    { at: 200, who: 'client', do: 'close' },
    { at: 300, who: 'server', do: 'close' },
  ],
  faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
};

/** A scenario's run, stepped as the page steps it, and the diagram's props at a step. */
export function diagramFixture(scenario: Scenario) {
  return runFixture(runWithCauses(scenario));
}

/** A run (a hand-written trace too), stepped as the page steps it, and the diagram's props. */
export function runFixture(run: Run) {
  const stepper = createStepper(run);
  // The run's axes as the page has them, with the rows of every event's time for the gutter.
  const times = run.events.map((e) => e.t);
  const axes = runAxes(run, stepper.segments, times);
  const axis = {
    ...axes,
    points: buildTimeAxis(times, { room: burstRoom(stepper.segments) }).points,
  };
  const changes = collectStateChanges(run.events);
  const props = (step: number, extra: Partial<DiagramProps> = {}): DiagramProps => ({
    segments: stepper.segments,
    view: stepper.viewAt(step),
    axis,
    stateChanges: stateChangesUpTo(changes, stepper.steps[step - 1]?.end ?? 0),
    endpoints: { client: { label: '192.0.2.1:40000' }, server: { label: '192.0.2.2:8080' } },
    ...extra,
  });
  return { run, stepper, axis, props };
}

/**
 * A long run written as a trace: `exchanges` client data segments, each answered by the server's
 * ACK as it arrives (one step sends, the next delivers it and sends the ACK, the next delivers
 * that), and every 50th data segment lost instead. Nothing but segments: for the diagram's
 * long-run drawings.
 */
export function longRun(exchanges: number): Run {
  const events: TraceEvent[] = [];
  const causeStarts: number[] = [];
  const why = { rule: 'test' } as unknown as SendEvent['why'];
  let id = 0;
  const send = (t: number, who: Side, flags: SendEvent['flags'], seq: number, len: number) => {
    const event: SendEvent = {
      t,
      type: 'send',
      id,
      who,
      flags,
      seq,
      ack: 1,
      len,
      window: 65535,
      retransmission: false,
      reason: 'data',
      why,
    };
    events.push(event);
    return id++;
  };
  for (let i = 0; i < exchanges; i++) {
    const t = i * 10;
    causeStarts.push(events.length);
    const data = send(t, 'client', ['ACK', 'PSH'], 1 + i * 8, 8);
    causeStarts.push(events.length);
    if (i % 50 === 49) {
      events.push({ t: t + 3, type: 'drop', id: data, reason: 'loss', why });
      continue;
    }
    events.push({ t: t + 3, type: 'deliver', id: data });
    const ack = send(t + 3, 'server', ['ACK'], 1, 0);
    causeStarts.push(events.length);
    events.push({ t: t + 6, type: 'deliver', id: ack });
  }
  return {
    scenario: { client: { port: 40000, isn: 0 }, server: { port: 8080, isn: 0 }, actions: [] },
    events,
    causeStarts,
    final: { client: 'ESTABLISHED', server: 'ESTABLISHED', listener: 'CLOSED' },
  };
}
