// Every case recorded from a real Linux kernel (src/testing/kernel/conformance, and the newer set a
// HANDSHAKE_LAB_SHARED copy holds, if one is named) must pass (CONTRACT.md section 3). New cases
// dropped into either folder are picked up without code changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance, type ConformanceCase } from '../testing/conformance';
import { runScenario } from './engine';
import { parseScenario } from './validate';
import { CONFORMANCE_DIR, extraConformanceDir } from '../testing/data';

const folders = [CONFORMANCE_DIR, extraConformanceDir()].filter((dir) => dir !== null);
const cases = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ folder, file })),
);

describe('conformance with the Linux kernel', () => {
  it('finds the recorded cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { folder, file } of cases) {
    it(folder === CONFORMANCE_DIR ? file : join(folder, file), () => {
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
    readFileSync(join(CONFORMANCE_DIR, 'normal-client-close.json'), 'utf8'),
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
