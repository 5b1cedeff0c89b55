// The `z=` reader against any input: what the Share button writes reads back the same, and
// anything else is refused with one `z: ` line, never thrown otherwise or left hanging.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenDeflate } from '../testing/fuzzCases/links';
import { encodeCompressedScenarioParam } from './shareLink';
import { decodeCompressedScenarioParam, MAX_INFLATED_BYTES } from './scenarioParam';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** How the reader answered: the value, or its error's message. */
async function read(value: string): Promise<{ value: unknown } | { error: string }> {
  try {
    return { value: await decodeCompressedScenarioParam(value) };
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return { error: (error as Error).message };
  }
}

describe('z= (decodeCompressedScenarioParam)', () => {
  it('reads back what encodeCompressedScenarioParam wrote, for any JSON object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 8 })), async (value) => {
        const back = await decodeCompressedScenarioParam(
          await encodeCompressedScenarioParam(value),
        );
        expect(back).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: RUNS },
    );
    // A thousand compressions and inflations: seconds on a busy machine.
  }, 60_000);

  it('refuses any other bytes with one line that starts "z: "', async () => {
    await fc.assert(
      fc.asyncProperty(brokenDeflate, async (bytes) => {
        const answer = await read(Buffer.from(bytes).toString('base64url'));
        if ('error' in answer) expect(answer.error).toMatch(/^z: [^\n]+$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('stops inflating past 1 MB, however far the data would go', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * MAX_INFLATED_BYTES, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const answer = await read(bomb.toString('base64url'));
    expect(answer).toEqual({
      error: 'z: over 1 MB once decompressed; a scenario takes a few kB',
    });
    // Just under the cap is read (and then refused as what it is: not JSON).
    const under = deflateRawSync(Buffer.alloc(MAX_INFLATED_BYTES, 0x20)).toString('base64url');
    expect(await read(under)).toEqual({ error: expect.stringMatching(/^z: not JSON/) as unknown });
  });
});
