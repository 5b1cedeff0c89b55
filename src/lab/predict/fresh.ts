// Fresh numbers for each attempt: the lesson's story with new initial sequence numbers and a new
// client (ephemeral) port, drawn from an attempt seed that the page shows, so a teacher can replay a
// student's attempt. The scenario's own `seed` (loss, ties) is left alone: only the numbers change.
import { createRng } from '../../engine/rng';
import type { Scenario } from '../../engine/types';

/** Linux's default ephemeral range (net.ipv4.ip_local_port_range = 32768 60999). */
export const EPHEMERAL_PORTS = { low: 32768, high: 60999 } as const;

/** The largest attempt seed (seeds are shown and typed: kept to six digits). */
export const MAX_ATTEMPT_SEED = 999_999;

/** The lesson with ISNs and client port drawn from `attemptSeed`. */
export function freshScenario(scenario: Scenario, attemptSeed: number): Scenario {
  const rng = createRng(attemptSeed ^ 0x5eed_1234);
  const clientIsn = rng.nextUint32();
  const serverIsn = rng.nextUint32();
  const span = EPHEMERAL_PORTS.high - EPHEMERAL_PORTS.low + 1;
  const port = EPHEMERAL_PORTS.low + (rng.nextUint32() % span);
  return {
    ...scenario,
    client: { ...scenario.client, isn: clientIsn, port },
    server: { ...scenario.server, isn: serverIsn },
  };
}

/** A new attempt seed from a source of randomness (the page passes crypto; tests a fixed one). */
export function newAttemptSeed(random: () => number): number {
  return 1 + Math.floor(random() * MAX_ATTEMPT_SEED);
}
