// Every case recorded from a real Linux kernel in ../shared/conformance must pass (CONTRACT.md
// section 3). New cases dropped into that folder are picked up without code changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance, type ConformanceCase } from './conformance';
import { runScenario } from './engine';
import { parseScenario } from './validate';
import { sharedPath } from '../testing/shared';

const folder = sharedPath('conformance');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('conformance with the Linux kernel', () => {
  it('finds the recorded cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const recorded = JSON.parse(readFileSync(join(folder, file), 'utf8')) as ConformanceCase;
      const parsed = parseScenario(recorded.scenario);
      if (!parsed.ok) throw new Error(`${file}: the scenario is refused: ${parsed.error}`);
      const trace = runScenario(parsed.scenario);
      expect(checkConformance(recorded, trace)).toEqual([]);
    });
  }
});

describe('the conformance check itself', () => {
  const recorded = JSON.parse(
    readFileSync(join(folder, 'normal-client-close.json'), 'utf8'),
  ) as ConformanceCase;
  const trace = runScenario(recorded.scenario);

  it('notices a wrong state, a wrong segment, a wrong last ACK and a missing result', () => {
    const wrong: ConformanceCase = {
      scenario: recorded.scenario,
      expect: {
        checkpoints: [{ at: 295, client: 'SYN_SENT' }],
        wire: [{ from: 'client', flags: 'SYN,ACK', len: 0, seq: 0 }],
        lastAck: { client: 99 },
        results: [{ who: 'client', call: 'connect', result: 'ETIMEDOUT' }],
      },
    };
    const problems = checkConformance(wrong, trace);
    expect(problems.some((p) => p.includes('at 295 ms the client is ESTABLISHED'))).toBe(true);
    expect(problems.some((p) => p.includes('client segment 1'))).toBe(true);
    expect(problems.some((p) => p.includes('extra segment'))).toBe(true);
    expect(problems.some((p) => p.includes("client's last ACK"))).toBe(true);
    expect(problems.some((p) => p.includes('ETIMEDOUT'))).toBe(true);
  });
});
