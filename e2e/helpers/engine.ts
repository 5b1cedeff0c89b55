// Node-side expectations for the browser suite, computed from the engine itself (never from the
// page's own model): run a lesson (with the page's knobs applied the way CONTRACT.md and the
// README describe them) and say what the page must draw at the end of the run.
import { runScenario } from '../../src/engine/engine';
import type {
  Action,
  Fault,
  Scenario,
  SendEvent,
  Side,
  StateEvent,
  TcpState,
  Trace,
} from '../../src/engine/types';
import { parseScenario } from '../../src/engine/validate';
import './jsonHook';
import type { LessonId } from '../../src/scenarios';

// After the hook is registered: the lessons import their scenarios as JSON.
export const { LESSON_IDS } = await import('../../src/scenarios');
export const { lessonById } = await import('../../src/scenarios/all');
export type { LessonId };

/** What one `[data-testid=segment]` carries (CONTRACT.md section 4), as strings. */
export interface SegmentAttrs {
  id: string;
  from: string;
  flags: string;
  seq: string;
  ack: string;
  len: string;
  fate: string;
}

export function lessonScenario(id: LessonId): Scenario {
  const parsed = parseScenario(lessonById(id)?.scenario);
  if (!parsed.ok) throw new Error(`lesson ${id}: ${parsed.error}`);
  return parsed.scenario;
}

export const sendsOf = (trace: Trace, who?: Side): SendEvent[] =>
  trace.events.filter(
    (e): e is SendEvent => e.type === 'send' && (who === undefined || e.who === who),
  );

/** Each side's states through the run, starting at CLOSED. */
export function statesOf(trace: Trace, who: Side): TcpState[] {
  return [
    'CLOSED',
    ...trace.events
      .filter((e): e is StateEvent => e.type === 'state' && e.who === who)
      .map((e) => e.to),
  ];
}

/** The segments the page must draw once the whole run is shown: one per send, ordered by id. */
export function expectedSegments(trace: Trace): SegmentAttrs[] {
  const dropped = new Set<number>();
  const delivered = new Set<number>();
  for (const e of trace.events) {
    if (e.type === 'drop') dropped.add(e.id);
    if (e.type === 'deliver') delivered.add(e.id);
  }
  return sendsOf(trace)
    .map((e) => ({
      id: String(e.id),
      from: e.who,
      flags: e.flags.join(','),
      seq: String(e.seq),
      ack: String(e.ack),
      len: String(e.len),
      fate: dropped.has(e.id) ? 'dropped' : delivered.has(e.id) ? 'delivered' : 'in-flight',
    }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

export interface Expected {
  trace: Trace;
  segments: SegmentAttrs[];
  final: Record<Side, TcpState>;
}

export function expectRun(scenario: Scenario): Expected {
  const trace = runScenario(scenario);
  return { trace, segments: expectedSegments(trace), final: trace.final };
}

/** `loss-rate` and the seed, as the settings give them: a loss probability and the run's seed. */
export function withLoss(scenario: Scenario, lossPercent: number, seed: number): Scenario {
  return { ...scenario, seed, network: { ...scenario.network, lossRate: lossPercent / 100 } };
}

/** `reuse-port` on a lesson that already connects twice: the later connects ask for reuse. */
export function withReuse(scenario: Scenario, reuse: boolean): Scenario {
  let seen = 0;
  const actions: Action[] = scenario.actions.map((a) => {
    if (a.who !== 'client' || a.do !== 'connect') return a;
    seen += 1;
    if (seen === 1) return a;
    const { reuse: _ignored, ...rest } = a;
    return reuse ? { ...rest, reuse: true } : rest;
  });
  return { ...scenario, actions };
}

/**
 * `drop-final-ack`: the ACK answering the passive closer's FIN is lost. On a lesson where the
 * client closes first, the passive closer is the server: drop the client's first bare ACK sent
 * from the moment the server's first FIN goes out.
 */
export function withFinalAckDropped(scenario: Scenario): Scenario {
  const probe = runScenario(scenario);
  const serverFin = sendsOf(probe, 'server').find((e) => e.flags.includes('FIN'));
  if (!serverFin) throw new Error('no server FIN to answer');
  const fault: Fault = { who: 'client', flags: 'ACK', nth: 1, after: serverFin.t, fate: 'drop' };
  return { ...scenario, faults: [fault, ...(scenario.faults ?? [])] };
}
