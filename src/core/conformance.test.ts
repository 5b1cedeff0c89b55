// Every case recorded from a real Linux kernel in ../shared/conformance must pass (CONTRACT.md
// section 3). New cases dropped into that folder are picked up without code changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance, type ConformanceCase } from './conformance';
import { runScenario } from './engine';
import { parseScenario } from './validate';

const folder = resolve(import.meta.dirname, '../../../shared/conformance');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

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
