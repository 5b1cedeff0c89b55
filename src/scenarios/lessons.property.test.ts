// Every lesson stays coherent whatever the network does to it: its applications act on events
// (`after`), so with any seed and any loss rate up to 50 % no call lands on a connection that never
// opened, no FIN is resent before it was sent, and the engine never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/engine';
import type { ProfileName, Scenario, SendEvent, TraceEvent } from '../engine/types';
import { parseScenario } from '../engine/validate';
import { incoherences } from '../testing/coherence';
import { LESSONS } from './all';

function parsed(lesson: (typeof LESSONS)[number]): { id: string; scenario: Scenario } {
  const result = parseScenario(lesson.scenario);
  if (!result.ok) throw new Error(`${lesson.id}: ${result.error}`);
  return { id: lesson.id, scenario: result.scenario };
}

/**
 * Long enough for every lesson's story and its retransmissions to play out at moderate loss; what
 * a run does after that (a 4-minute TIME_WAIT running out) is not what is checked here.
 */
const UNTIL_MS = 30_000;

function lossy(
  scenario: Scenario,
  seed: number,
  lossRate: number,
  profile?: ProfileName,
): Scenario {
  return {
    ...scenario,
    profile: profile ?? scenario.profile,
    seed,
    network: { ...scenario.network, lossRate },
    until: Math.min(scenario.until ?? UNTIL_MS, UNTIL_MS),
  };
}

interface Draw {
  lesson: { id: string; scenario: Scenario };
  seed: number;
  lossRate: number;
  profile: ProfileName | undefined;
}

describe('every lesson at any loss rate, under either profile', () => {
  it('calls only on opened connections, resends only FINs it sent, never throws', () => {
    const lessons = LESSONS.map(parsed);
    const arb: fc.Arbitrary<Draw> = fc.record({
      lesson: fc.constantFrom(...lessons),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      lossRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
      // The lab's profile knob runs any lesson under either profile.
      profile: fc.constantFrom<ProfileName | undefined>(undefined, 'rfc9293', 'linux'),
    });
    fc.assert(
      fc.property(arb, ({ lesson, seed, lossRate, profile }) => {
        const trace = runScenario(lossy(lesson.scenario, seed, lossRate, profile));
        expect(incoherences(trace.events), lesson.id).toEqual([]);
      }),
      {
        numRuns: 1_200,
        // Each lesson at least once at the highest loss rate, whatever the random draws.
        examples: lessons.map((lesson): [Draw] => [
          { lesson, seed: 1, lossRate: 0.5, profile: undefined },
        ]),
      },
    );
    // About a millisecond a run: 1.5 s alone, more on a machine busy with other suites.
  }, 30_000);
});

describe('the coherence check', () => {
  const why = { rule: 'test', ref: 'test' };
  const state = (t: number, who: 'client' | 'server', from: string, to: string) =>
    ({ t, type: 'state', who, from, to, why }) as TraceEvent;
  const app = (t: number, who: 'client' | 'server', call: string, result = 'ok') =>
    ({ t, type: 'app', who, call, result }) as TraceEvent;
  const send = (t: number, id: number, fields: Partial<SendEvent>): TraceEvent => ({
    t,
    type: 'send',
    id,
    who: 'client',
    flags: ['FIN', 'ACK'],
    seq: 1006,
    ack: 5001,
    len: 0,
    window: 65535,
    retransmission: false,
    reason: 'fin',
    why,
    ...fields,
  });

  it('passes a run whose calls follow their connections and whose FINs are resent after being sent', () => {
    const events: TraceEvent[] = [
      state(150, 'client', 'CLOSED', 'SYN_SENT'),
      state(151, 'server', 'LISTEN', 'SYN_RCVD'),
      app(152, 'client', 'connect'),
      app(153, 'server', 'accept'),
      app(300, 'client', 'send'),
      app(450, 'client', 'close'),
      send(450, 6, { seq: 1001, len: 5, flags: ['PSH', 'ACK'], reason: 'data' }),
      send(450, 7, {}),
      // Resent with the data it follows: the FIN still sits at 1006.
      send(1450, 8, { seq: 1001, len: 5, retransmission: true, reason: 'retransmit' }),
      app(2000, 'server', 'send', 'ECONNRESET'),
    ];
    expect(incoherences(events)).toEqual([]);
  });

  it('flags a close in SYN_SENT, a send before accept() returned, and a FIN resent first', () => {
    const events: TraceEvent[] = [
      state(150, 'client', 'CLOSED', 'SYN_SENT'),
      app(200, 'client', 'close'),
      state(151, 'server', 'LISTEN', 'SYN_RCVD'),
      app(152, 'server', 'send'),
      app(300, 'client', 'connect', 'EADDRINUSE'),
      app(301, 'client', 'send', 'EPIPE'),
      send(400, 9, { retransmission: true, reason: 'retransmit' }),
      send(500, 10, { who: 'server', retransmission: false, reason: 'loss-probe' }),
    ];
    expect(incoherences(events)).toEqual([
      expect.stringMatching(/client's close returned ok on a connection that never opened/),
      expect.stringMatching(/server's send returned ok/),
      expect.stringMatching(/client's send returned EPIPE/),
      expect.stringMatching(/client resends a FIN at 1006 \(retransmit\)/),
      expect.stringMatching(/server resends a FIN at 1006 \(loss-probe\)/),
    ]);
  });
});
