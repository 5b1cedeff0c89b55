// `npm run build:scorm`: builds the site and writes it as two SCORM packages, for LMSs that speak
// SCORM 1.2 and for those that speak SCORM 2004 (4th edition), to dist-scorm/ (see
// ./scormPackage.ts for what they hold). The build goes to a temporary folder, so dist/ is left
// as it was.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { EXERCISE_SETS } from '../scenarios/exerciseSets';
import { packageFiles, zipPackage, ZIP_NAME, type ScormVersion } from './scormPackage';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = join(ROOT, 'dist-scorm');

/** Every file under `dir`, by its path relative to it with '/' separators (as in a zip). */
function readTree(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join('/')] = readFileSync(path);
  }
  return files;
}

async function main(): Promise<void> {
  const siteDir = mkdtempSync(join(tmpdir(), 'handshake-lab-scorm-'));
  try {
    await build({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: siteDir, emptyOutDir: true },
    });
    const site = readTree(siteDir);
    mkdirSync(OUT_DIR, { recursive: true });
    for (const version of ['1.2', '2004'] as const satisfies readonly ScormVersion[]) {
      const zip = zipPackage(packageFiles(version, site, EXERCISE_SETS));
      const file = join(OUT_DIR, ZIP_NAME[version]);
      writeFileSync(file, zip);
      const kib = Math.round(zip.byteLength / 1024);
      console.log(
        `${relative(ROOT, file)}: SCORM ${version}, ${EXERCISE_SETS.length} exercise sets, ${kib} KiB`,
      );
    }
  } finally {
    rmSync(siteDir, { recursive: true, force: true });
  }
}

await main();
