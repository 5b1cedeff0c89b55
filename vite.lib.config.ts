// The web component's build (`npm run build:lib`): ONE ES module, dist-lib/handshake-lab.js, that
// defines <handshake-lab> (src/features/embed/element/). A course page includes it with a script tag, so it
// must need no other file at run time: the lazy chunks are inlined (no code splitting), the engine
// worker is inlined and started from a blob: URL, and the CSS is put in each element's shadow root
// as text instead of being a stylesheet of its own. Set LIB_OUT to build elsewhere.
//
// What the component shows, and where its worker and flights come from, is chosen by its own module
// (src/features/embed/element/widget.ts), not here; `mode: 'lib'` (import.meta.env.MODE) is there
// for code that must tell the two builds apart.
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

/**
 * React's entry points the widget uses, as preact/compat's (this build only), each matched whole.
 * The page's React is untouched (vite.config.ts has no alias). Where Preact writes the DOM
 * otherwise than React and the widget relies on React's way, src/features/embed/element/preactDom.ts fixes it.
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

const EMPTY_CSS = '\0handshake-lab-empty-css';

/**
 * Turns the components' own `import './x.css'` into nothing: the element puts every stylesheet in
 * its shadow root itself (`?inline` imports, which this leaves be).
 */
function shadowStyles(): Plugin {
  return {
    name: 'handshake-lab-shadow-styles',
    enforce: 'pre',
    resolveId(source) {
      return /\.css$/.test(source) ? EMPTY_CSS : null;
    },
    load(id) {
      return id === EMPTY_CSS ? 'export {};' : null;
    },
  };
}

export default defineConfig({
  mode: 'lib',
  plugins: [shadowStyles(), react()],
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
      input: resolve(ROOT, 'src/features/embed/element/index.ts'),
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: 'handshake-lab.js',
        codeSplitting: false,
      },
    },
  },
});
