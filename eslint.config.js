// Flat config: JS recommended everywhere, typescript-eslint's (non type-aware) recommended rules for
// TypeScript, the React hooks rules for components, and the layers of src/ (README, "How the code
// is laid out"): imports point down only, nothing imports the tests' helpers, and no module imports
// itself back through others. Type-aware linting is left to `tsc`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, each with the layers it may import (its own always). `lab` may also import
 * types from `i18n` (the keys of the words it names), see below.
 * @type {Record<string, string[]>}
 */
export const LAYERS = {
  engine: [],
  capture: ['engine'],
  scenarios: ['engine'],
  lab: ['engine', 'capture', 'scenarios'],
  worker: ['engine', 'capture', 'scenarios', 'lab'],
  cli: ['engine', 'capture', 'scenarios', 'lab'],
  i18n: ['engine', 'scenarios'],
  ui: ['engine', 'capture', 'scenarios', 'lab', 'worker', 'i18n'],
  features: ['engine', 'capture', 'scenarios', 'lab', 'worker', 'i18n', 'ui'],
  app: ['engine', 'capture', 'scenarios', 'lab', 'worker', 'i18n', 'ui', 'features'],
  bench: ['engine', 'capture', 'scenarios', 'lab', 'worker', 'cli'],
  testing: ['engine', 'capture', 'scenarios', 'lab', 'worker', 'i18n', 'ui', 'features'],
};

/**
 * Layers another layer may import types from, and only types (checked by a rule of its own).
 * @type {Record<string, string[]>}
 */
const TYPES_ONLY = { lab: ['i18n'] };

const TESTS = ['src/**/*.test.{ts,tsx}'];

/** One zone per layer: the folders it must not import from. */
const layerZones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./src/${layer}`,
  from: Object.keys(LAYERS)
    .filter((other) => other !== layer && !allowed.includes(other))
    .filter((other) => !(TYPES_ONLY[layer] ?? []).includes(other))
    .map((other) => `./src/${other}`),
  message: `${layer}/ may import only ${allowed.length > 0 ? allowed.join(', ') : 'itself'} (imports point down).`,
}));

export default defineConfig([
  globalIgnores(['dist/', 'dist-lib/', 'node_modules/', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node code: the CLI, the bench, the tests' helpers, the tool configs and the Playwright specs.
    files: ['src/cli/**', 'src/bench/**', 'src/testing/**', 'e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    rules: {
      // `_`-prefixed names mark arguments that are deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The layers, for the code the page, the worker, the CLI and the bench run. Tests sit beside
    // the code they test and may reach across layers to check how the parts work together.
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
      // no-cycle reads the imported modules too: with TypeScript's parser.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones,
            {
              target: './src',
              from: './src/testing',
              except: [],
              message:
                'testing/ holds the tests’ helpers and data: production code never imports it.',
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // testing/ is the tests' own: the rule above would forbid its files to import each other.
    files: ['src/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // The words' keys: lab names the explanations it gives by their i18n keys, as types only.
    files: ['src/lab/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/i18n/**', '**/i18n'],
              allowTypeImports: true,
              message: 'lab/ may import only types from i18n/.',
            },
          ],
        },
      ],
    },
  },
]);
