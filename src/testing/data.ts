// Where the tests' data is: files in this folder (README.md gives each one's provenance), so that
// the repository's tests need nothing beside it. HANDSHAKE_LAB_SHARED may name a newer copy of the
// project's shared material: the conformance test then replays that copy's kernel cases too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const HERE = import.meta.dirname;

/** A file or folder of the tests' data (`testDataPath('kernel', 'captures', 'x.pcap')`). */
export function testDataPath(...parts: string[]): string {
  return join(HERE, ...parts);
}

/** The kernel-recorded conformance cases kept here (contract version 2, listener recorded apart). */
export const CONFORMANCE_DIR = testDataPath('kernel', 'conformance-v2');

/** The RFC 9293 transition table, as transcribed. */
export const RFC_TRANSITIONS_CSV = testDataPath('rfc9293', 'rfc9293-transitions.csv');

/**
 * Another folder of conformance cases to replay as well (HANDSHAKE_LAB_SHARED's `conformance-v2/`),
 * or null. A path that is set but holds no cases is an error, not a silent skip.
 */
export function extraConformanceDir(): string | null {
  const shared = process.env.HANDSHAKE_LAB_SHARED;
  if (shared === undefined || shared === '') return null;
  const dir = join(shared, 'conformance-v2');
  if (!existsSync(dir)) {
    throw new Error(`HANDSHAKE_LAB_SHARED=${shared} has no conformance-v2/ folder`);
  }
  return dir;
}
