// The embeddable fonts' files (OFL 1.1, from fontsource): Noto Sans, Noto Sans Mono and Noto Sans SC
// in the weights the diagram uses, and each family's subset table. A chunk of its own, fetched with
// the first export, importing nothing the page shares: each woff2 is a file of the built site
// (`no-inline`: none is put into the JavaScript as base64), fetched only when a drawing needs it.

export { default as sansUnicode } from '@fontsource/noto-sans/unicode.json';
export { default as monoUnicode } from '@fontsource/noto-sans-mono/unicode.json';

// Latin only (with its extension): the diagram's words are English or Chinese, and anything else
// falls back to the CJK font, which covers Greek, Cyrillic and the symbols (✕, ↻, ⚠).
export const SANS_FILES = import.meta.glob(
  '/node_modules/@fontsource/noto-sans/files/noto-sans-{latin,latin-ext}-{400,600,700}-{normal,italic}.woff2',
  { query: '?url&no-inline', import: 'default', eager: true },
);
export const MONO_FILES = import.meta.glob(
  '/node_modules/@fontsource/noto-sans-mono/files/noto-sans-mono-{latin,latin-ext}-{400,600,700}-normal.woff2',
  { query: '?url&no-inline', import: 'default', eager: true },
);
// Regular and bold (600 is drawn bold, as the system's CJK fonts draw it on the page).
export const CJK_FILES = import.meta.glob(
  '/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-{400,700}-normal.woff2',
  { query: '?url&no-inline', import: 'default', eager: true },
);
