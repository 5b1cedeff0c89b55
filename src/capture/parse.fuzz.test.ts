// Fuzzing parseCapture with mutations of the real fixtures: byte flips, truncations, inserted and
// deleted bytes, length fields set to extremes, swapped magic numbers, files spliced together.
// Whatever the bytes, it returns a consistent CaptureFile or throws a CaptureError, promptly. The
// mutations come from a fixed seed, so that a failure names one that can be replayed.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCapture } from './parse';
import { CaptureError, type CaptureFile } from './types';
import { captureFixtures, lengthFields, mutatedCaptures } from '../testing/fuzzCases/captures';

const fixtures = captureFixtures();
const MUTATIONS_PER_FIXTURE = Math.ceil(10_500 / fixtures.length);
// Each parse should take under 100 ms; the fixtures take well under 1 ms. A parse that
// takes longer is timed again (twice at most, keeping the fastest), which tells a slow input from
// a busy machine or a garbage collection; the bound asserted is generous, so that a loaded
// machine does not fail the test; the slowest parse is printed at the end.
const AIM_MS = 100;
const PARSE_BOUND_MS = 1000;

/** Parses `bytes`, returning the file or the CaptureError thrown, and the time it took. */
function timedParse(bytes: Uint8Array): [CaptureFile | CaptureError, number] {
  const started = performance.now();
  try {
    const file = parseCapture(bytes);
    return [file, performance.now() - started];
  } catch (error) {
    if (error instanceof CaptureError) return [error, performance.now() - started];
    throw error;
  }
}

/** What must hold of any file parseCapture returns: a list of what does not. */
function inconsistencies(file: CaptureFile, size: number): string[] {
  const problems: string[] = [];
  let previous = -1;
  for (const segment of file.segments) {
    const where = `segment of packet ${segment.packet}`;
    if (segment.packet <= previous) problems.push(`${where}: packets out of order`);
    previous = segment.packet;
    if (segment.offset >= size) problems.push(`${where}: offset ${segment.offset} past the end`);
    if (!Number.isFinite(segment.timeMs)) problems.push(`${where}: time ${segment.timeMs}`);
    if (segment.capturedLen < 0 || segment.capturedLen > segment.len) {
      problems.push(`${where}: captured ${segment.capturedLen} of ${segment.len}`);
    }
    if (segment.srcPort > 0xffff || segment.dstPort > 0xffff) problems.push(`${where}: port`);
    if (segment.seq > 0xffffffff || segment.ack > 0xffffffff) problems.push(`${where}: number`);
  }
  if (previous >= file.packets) problems.push(`packet ${previous} of ${file.packets}`);
  for (const warning of file.warnings) {
    if (warning.offset < 0 || warning.offset > size) {
      problems.push(`warning offset ${warning.offset}`);
    }
  }
  return problems;
}

let mutations = 0;
let slowestMs = 0;
let slowest = '';
const outcomes = { parsed: 0, refused: 0 };

describe('parseCapture on mutated fixtures', () => {
  fixtures.forEach(({ name, bytes }, index) => {
    it(`${MUTATIONS_PER_FIXTURE} mutations of ${name}: a CaptureFile or a CaptureError`, () => {
      expect(lengthFields(bytes).length).toBeGreaterThan(10);
      for (const { label, bytes: mutated } of mutatedCaptures(
        fixtures,
        index,
        MUTATIONS_PER_FIXTURE,
      )) {
        let outcome: CaptureFile | CaptureError;
        let elapsed: number;
        try {
          [outcome, elapsed] = timedParse(mutated);
          for (let retry = 0; retry < 2 && elapsed > AIM_MS; retry++) {
            elapsed = Math.min(elapsed, timedParse(mutated)[1]);
          }
        } catch (error) {
          throw new Error(`${label}: threw ${String(error)}`, { cause: error });
        }
        if (elapsed > slowestMs) {
          slowestMs = elapsed;
          slowest = label;
        }
        if (elapsed >= PARSE_BOUND_MS) expect.fail(`${label}: ${elapsed} ms`);
        if (outcome instanceof CaptureError) {
          if (outcome.offset < 0 || outcome.offset > mutated.length) {
            expect.fail(`${label}: CaptureError offset ${outcome.offset}`);
          }
          outcomes.refused++;
        } else {
          const problems = inconsistencies(outcome, mutated.length);
          if (problems.length > 0) expect.fail(`${label}: ${problems.join('; ')}`);
          outcomes.parsed++;
        }
        mutations++;
      }
    });
  });

  afterAll(() => {
    console.log(
      `fuzz: ${mutations} mutations (${outcomes.parsed} read, ${outcomes.refused} refused with ` +
        `a CaptureError); slowest parse ${slowestMs.toFixed(2)} ms (${slowest})`,
    );
  });

  it('ran at least 10,000 mutations', () => {
    expect(mutations).toBeGreaterThanOrEqual(10_000);
  });
});
