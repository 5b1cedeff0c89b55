// The comparison's two runs, through the engine service the worker serves: the three-way side is
// the two-way-handshake lesson without its what-if, and it really ends with the client's RST
// closing the server's half-open connection while the listener goes on listening; the two-way side
// really accepts a phantom connection first.
import { describe, expect, it } from 'vitest';
import type { Scenario, TraceEvent } from '../../engine/types';
import { defaultLabOptions } from '../../lab/labOptions';
import type { Run } from '../../lab/types';
import twoWayLesson from '../../scenarios/two-way-handshake.json';
import { engineService } from '../../worker/engineService';
import { COMPARE_SCENARIOS, type CompareVariant } from './scenarios';
import { serverFate } from './summary';

function run(variant: CompareVariant): Run {
  const scenario = COMPARE_SCENARIOS[variant] as Scenario;
  return engineService.lab(scenario, defaultLabOptions(scenario));
}

const serverStates = (events: TraceEvent[]) =>
  events.flatMap((e) => (e.type === 'state' && e.who === 'server' ? [`${e.from}>${e.to}`] : []));

describe('the why-three comparison', () => {
  it('builds the three-way side from the lesson, only the what-if taken out', () => {
    const { whatIf, title: _t, description: _d, ...lesson } = twoWayLesson;
    expect(whatIf).toEqual({ twoWayHandshake: true });
    const { title, ...threeWay } = COMPARE_SCENARIOS['three-way'] as Record<string, unknown>;
    expect(threeWay).toEqual(lesson);
    expect(title).toMatch(/three-way/);
    expect(COMPARE_SCENARIOS['two-way']).toBe(twoWayLesson);
  });

  it('three-way: the client answers the SYN+ACK with RST, which closes SYN_RCVD; LISTEN stays', () => {
    const { events, final } = run('three-way');
    const rst = events.find((e) => e.type === 'send' && e.flags.includes('RST'));
    expect(rst).toMatchObject({ who: 'client', flags: ['RST'] });
    const synAck = events.find((e) => e.type === 'send' && e.who === 'server');
    expect(synAck).toMatchObject({ flags: ['SYN', 'ACK'] });
    expect(serverStates(events)).toEqual(['LISTEN>SYN_RCVD', 'SYN_RCVD>CLOSED']);
    const closed = events.findIndex(
      (e) => e.type === 'state' && e.to === 'CLOSED' && e.who === 'server',
    );
    const rstArrives = events.findIndex(
      (e) => e.type === 'deliver' && rst?.type === 'send' && e.id === rst.id,
    );
    expect(rstArrives).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(rstArrives);
    expect(final).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'LISTEN' });
    expect(serverFate({ ...run('three-way') })).toMatchObject({
      established: false,
      accepted: false,
      reset: true,
      listener: 'LISTEN',
    });
  });

  it('two-way: the stale SYN makes the server ESTABLISHED and accept() return before the RST', () => {
    const { events } = run('two-way');
    expect(serverStates(events).slice(0, 2)).toEqual(['LISTEN>SYN_RCVD', 'SYN_RCVD>ESTABLISHED']);
    expect(serverFate(run('two-way'))).toMatchObject({
      established: true,
      accepted: true,
      reset: true,
    });
    const clientGaveUp = events.findIndex((e) => e.type === 'app' && e.result === 'ETIMEDOUT');
    const accepted = events.findIndex((e) => e.type === 'app' && e.call === 'accept');
    expect(clientGaveUp).toBeGreaterThanOrEqual(0);
    expect(accepted).toBeGreaterThan(clientGaveUp);
  });
});
