// Small scenarios the tests share.
import type { Action, Scenario } from '../engine/types';

/**
 * The smallest whole connection: the server listens, the client connects at 150 ms and closes
 * first at 450 ms, the server closes at 600 ms. `overrides` replaces top-level fields (ports,
 * ISNs, seed…).
 */
export function closingScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    actions: [
      { at: 0, who: 'server', do: 'listen' },
      { at: 150, who: 'client', do: 'connect' },
      { at: 450, who: 'client', do: 'close' },
      { at: 600, who: 'server', do: 'close' },
    ],
    ...overrides,
  };
}

/** An action at a fixed time (`more`: its other fields, e.g. `bytes` or `reuse`). */
export const at = (t: number, who: Action['who'], kind: Action['do'], more: Partial<Action> = {}) =>
  ({ at: t, who, do: kind, ...more }) as Action;

/** A scenario on `profile` with fixed ports and ISNs (1000 and 5000), 1 ms each way, no loss. */
export function fixedScenario(
  profile: 'linux' | 'rfc9293',
  actions: Action[],
  more: Partial<Scenario> = {},
) {
  return {
    profile,
    seed: 7,
    client: { port: 40000, isn: 1000 },
    server: { port: 8080, isn: 5000 },
    network: { delayMs: 1, lossRate: 0 },
    actions,
    ...more,
  } satisfies Scenario;
}
