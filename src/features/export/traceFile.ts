// The run shown as the contract's trace (CONTRACT.md section 2): `events` and `final`, one event per
// line as `npm run trace` prints them, plus the scenario that ran under an extra key (the contract
// may be extended) so that the file says what produced it. Pure.

import type { FinalStates, Scenario, TraceEvent } from '../../engine/types';

export interface TraceSource {
  events: readonly TraceEvent[];
  final: FinalStates;
  /** The exact scenario that ran (the lesson with the lab's options applied). */
  scenario: Scenario;
}

export function traceFileText(run: TraceSource): string {
  const events = run.events.map((event) => JSON.stringify(event)).join(',\n');
  // Named keys: client then server, whatever order the engine built them in.
  const final = JSON.stringify({ client: run.final.client, server: run.final.server });
  return (
    `{"events":[\n${events}${events ? '\n' : ''}],\n"final":${final},\n` +
    `"scenario":${JSON.stringify(run.scenario)}}\n`
  );
}
