// Where the project's shared material lives (the contract, the kernel-recorded conformance cases,
// the RFC transition table): the `shared/` folder beside the checkout, as CI lays it out, unless
// HANDSHAKE_LAB_SHARED names another place. Tests need it, so its absence is an error, not a skip.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export function sharedDir(): string {
  const dir = process.env.HANDSHAKE_LAB_SHARED ?? resolve(repoRoot, '../shared');
  if (!existsSync(join(dir, 'CONTRACT.md'))) {
    throw new Error(
      `shared material not found at ${dir}: check out the project's shared/ folder beside the ` +
        'repository, or set HANDSHAKE_LAB_SHARED to its path',
    );
  }
  return dir;
}

export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}
