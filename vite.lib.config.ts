// The web component's build (`npm run build:lib`): ONE ES module, dist-lib/handshake-lab.js, that
// defines <handshake-lab> (src/embed/element/). A course page includes it with a script tag, so it
// must need no other file at run time: the lazy chunks are inlined (no code splitting), the engine
// worker is inlined and started from a blob: URL, and the CSS is put in each element's shadow root
// as text instead of being a stylesheet of its own. Set LIB_OUT to build elsewhere.
//
// What a web component does not need is left out (LIB_OMITS) and a few modules are swapped for
// lighter stand-ins (LIB_SWAPS), here rather than in the page's code; `mode: 'lib'`
// (import.meta.env.MODE) is there for code that must tell the two builds apart.
//
// The component renders with Preact (preact/compat stands in for React and ReactDOM, see
// PREACT_ALIASES): React 19 and ReactDOM alone are ~60 kB gzipped, more than half of the module, and
// the aim for the whole module is 110 kB. The page keeps React; the code is the same.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const OUT = process.env.LIB_OUT ?? 'dist-lib';

/** Page modules and the stand-ins the component uses instead. */
const LIB_SWAPS: Record<string, string> = {
  // The worker inlined (the page's is a file of its own).
  'src/worker/spawnWorker.ts': 'src/worker/spawnWorker.lib.ts',
  // A tiny tween instead of framer-motion for the arrows' flights.
  'src/ui/diagram/motionChunk.ts': 'src/ui/diagram/motionChunk.lib.ts',
};

/**
 * Page modules a web component does without, each replaced by a stand-in with the exports its
 * importers use (components that render nothing, empty dictionaries).
 */
const LIB_OMITS: Record<string, string> = {
  // The answer cards: the page's FAQ, which opens other lessons; a course page shows one lesson.
  'src/ui/AnswerSection.tsx': 'export const AnswerSection = () => null;',
  'src/i18n/locales/en/answers.ts': 'export const answers = {};',
  'src/i18n/locales/zh-CN/answers.ts': 'export const answers = {};',
  // The messages with a course page around an iframe: an element is scripted through its attributes.
  'src/embed/CourseMessages.tsx': 'export default () => null;',
  // Share, Embed, Export and Open a capture: links and snippets would point at the course page
  // showing the element, Export would carry its code, font files and subset tables, and captures
  // their reader. Their words too.
  'src/ui/HeaderActions.tsx': 'export default () => null; export const CapturePanel = () => null;',
  'src/i18n/locales/en/exporting.ts': 'export const exporting = {};',
  'src/i18n/locales/zh-CN/exporting.ts': 'export const exporting = {};',
  'src/i18n/locales/en/embedding.ts': 'export const embedding = {};',
  'src/i18n/locales/zh-CN/embedding.ts': 'export const embedding = {};',
  'src/i18n/locales/en/capturing.ts': 'export const capturing = {};',
  'src/i18n/locales/zh-CN/capturing.ts': 'export const capturing = {};',
};

/**
 * React's entry points the widget uses, as preact/compat's (this build only), each matched whole.
 * The page's React is untouched (vite.config.ts has no alias). Where Preact writes the DOM
 * otherwise than React and the widget relies on React's way, src/embed/element/preactDom.ts fixes it.
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

const EMPTY_CSS = '\0handshake-lab-empty-css';
const OMITTED = '\0handshake-lab-omitted:';

/**
 * Swaps modules (LIB_SWAPS), leaves some out (LIB_OMITS) and turns the components' own
 * `import './x.css'` into nothing: the element puts every stylesheet in its shadow root itself
 * (`?inline` imports, which this leaves be).
 */
function libModules(): Plugin {
  const swaps = new Map(
    Object.entries(LIB_SWAPS).map(([page, lib]) => [resolve(ROOT, page), resolve(ROOT, lib)]),
  );
  const omits = new Map(
    Object.entries(LIB_OMITS).map(([page, code]) => [resolve(ROOT, page), code]),
  );
  return {
    name: 'handshake-lab-lib-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (/\.css$/.test(source)) return EMPTY_CSS;
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      if (omits.has(resolved.id)) return OMITTED + resolved.id;
      return swaps.get(resolved.id) ?? null;
    },
    load(id) {
      if (id === EMPTY_CSS) return 'export {};';
      if (id.startsWith(OMITTED)) return omits.get(id.slice(OMITTED.length)) ?? null;
      return null;
    },
  };
}

export default defineConfig({
  mode: 'lib',
  plugins: [libModules(), react()],
  resolve: { alias: PREACT_ALIASES },
  // Nothing of the page's public/ folder: the module is the whole component.
  publicDir: false,
  worker: {
    format: 'es',
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: {
    outDir: OUT,
    emptyOutDir: true,
    // Modern browsers only (custom elements, module workers): the page's own targets.
    modulePreload: false,
    // Not `build.lib`: its ES output keeps whitespace (for other bundlers' tree-shaking) and leaves
    // `process.env.NODE_ENV` in React; this module is the end product, minified like the page.
    rolldownOptions: {
      input: resolve(ROOT, 'src/embed/element/index.ts'),
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: 'handshake-lab.js',
        codeSplitting: false,
      },
    },
  },
});
