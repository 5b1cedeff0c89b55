// The layers of src/ are the lint's to keep: a file that imports upward, a production file that
// imports the tests' helpers, a value import of i18n/ into lab/ and an import cycle are each an
// error. Linted as if they were files of the repository (eslint.config.js), so a rule that stops
// biting fails here.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../eslint.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rules that fired on `code` linted as the file at `path` (relative to the repository). */
async function rulesOn(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers (eslint.config.js)', () => {
  it('name every folder of src/ and let no layer import one above it', () => {
    const order = Object.keys(LAYERS);
    for (const [layer, allowed] of Object.entries(LAYERS)) {
      for (const below of allowed)
        expect(order.indexOf(below), `${layer} → ${below}`).toBeLessThan(order.indexOf(layer));
    }
  });

  it('refuse an upward import', async () => {
    const fired = await rulesOn(
      'src/engine/upward.ts',
      "import { Lab } from '../ui/Lab';\nexport const part = Lab;\n",
    );
    expect(fired).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*engine\/ may import only itself/),
    ]);
  });

  it('refuse a feature in the ui (features are passed in as components)', async () => {
    const fired = await rulesOn(
      'src/ui/upward.ts',
      "import { ShareButton } from '../features/share/ShareButton';\nexport const part = ShareButton;\n",
    );
    expect(fired).toEqual([expect.stringMatching(/no-restricted-paths: .*ui\/ may import only/)]);
  });

  it('let an import point down', async () => {
    const fired = await rulesOn(
      'src/ui/downward.ts',
      "import { deriveRun } from '../lab/derive';\nexport const part = deriveRun;\n",
    );
    expect(fired).toEqual([]);
  });

  it('refuse the tests’ helpers in production code', async () => {
    const fired = await rulesOn(
      'src/lab/helpers.ts',
      "import { testDataPath } from '../testing/data';\nexport const part = testDataPath;\n",
    );
    expect(fired.some((rule) => rule.includes('production code never imports it'))).toBe(true);
  });

  it('let lab/ take types from i18n/, and nothing else', async () => {
    const types =
      "import type { Locale } from '../i18n/types';\nexport const part: Locale = 'en';\n";
    expect(await rulesOn('src/lab/words.ts', types)).toEqual([]);
    const value = "import { LOCALES } from '../i18n/types';\nexport const part = LOCALES;\n";
    expect(await rulesOn('src/lab/words.ts', value)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*only types from i18n/),
    ]);
  });

  it('refuse an import cycle', async () => {
    // sim.ts imports seq.ts: a seq.ts importing sim.ts closes the loop.
    const fired = await rulesOn(
      'src/engine/seq.ts',
      "import { showState } from './sim';\nexport const part = showState;\n",
    );
    expect(fired.some((rule) => rule.startsWith('import-x/no-cycle'))).toBe(true);
  });
});
