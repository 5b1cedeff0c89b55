// Scenarios the validator refuses in a field the lab's settings are read from (the profile, the
// loss rate, the MSL), or before it: a widget that read them before checking them broke for good
// ("Cannot read properties of undefined", React's "too many re-renders"). The first three are an
// outside review's reproductions, the last two the same fields once `actions` is there. Shared by
// the store's tests and the browser's.

export interface RefusedScenario {
  scenario: Record<string, unknown>;
  /** The start of the validator's one-line reason. */
  reason: string;
}

export const REFUSED_SCENARIOS: readonly RefusedScenario[] = [
  { scenario: { profile: 'Linux', actions: [] }, reason: 'profile: unknown profile "Linux"' },
  { scenario: { network: { lossRate: 'x' } }, reason: 'actions: required' },
  { scenario: { timers: { mslMs: 'abc' } }, reason: 'actions: required' },
  { scenario: { network: { lossRate: 'x' }, actions: [] }, reason: 'network.lossRate: must be' },
  { scenario: { timers: { mslMs: 'abc' }, actions: [] }, reason: 'timers.mslMs: must be' },
];
