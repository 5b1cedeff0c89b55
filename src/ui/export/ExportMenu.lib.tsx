// The web component's stand-in for ExportMenu.tsx (vite.lib.config.ts's LIB_SWAPS can put it in
// place): a <handshake-lab> element has no Export button, so its single module carries none of the
// export code, the font files or their subset tables.

export function ExportMenu() {
  return null;
}
