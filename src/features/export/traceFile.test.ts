import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/validate';
import { LESSONS } from '../../scenarios/all';
import { runWithCauses } from '../../lab/run';
import { traceFileText } from './traceFile';

function lessonRun(id: string) {
  const parsed = parseScenario(LESSONS.find((l) => l.id === id)?.scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return runWithCauses(parsed.scenario);
}

describe('traceFileText', () => {
  it('is the contract’s trace of the run, one event per line, with the scenario that ran', () => {
    const run = lessonRun('lost-syn');
    const text = traceFileText(run);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['events', 'final', 'scenario']);
    expect(parsed.events).toEqual(run.events);
    expect(parsed.final).toEqual({ client: run.final.client, server: run.final.server });
    expect(parsed.scenario).toEqual(run.scenario);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"events":[');
    expect(lines[1]).toBe(`${JSON.stringify(run.events[0])},`);
    expect(lines.filter((l) => l.startsWith('{"t":'))).toHaveLength(run.events.length);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is valid JSON for a run with no events', () => {
    const text = traceFileText({
      events: [],
      final: { server: 'CLOSED', client: 'CLOSED', listener: 'CLOSED' },
      scenario: { actions: [] },
    });
    expect(JSON.parse(text)).toEqual({
      events: [],
      final: { client: 'CLOSED', server: 'CLOSED' },
      scenario: { actions: [] },
    });
  });
});
