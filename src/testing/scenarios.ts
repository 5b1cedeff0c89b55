// Small scenarios the tests share.
import type { Scenario } from '../engine/types';

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
