import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A complete, valid set of the required PingOne variables (no region). */
export const REQUIRED = {
  PINGONE_ADMIN_ENV_ID: '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d',
  PINGONE_CLIENT_ID: '3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  PINGONE_CLIENT_SECRET: 'Worker~Secret.value-0123456789',
} as const;

/** Writes `content` to a fresh temporary directory and returns the file's path. */
export function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'idflow-config-')), name);
  writeFileSync(file, content);
  return file;
}

/** Runs `action` and returns what it threw. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
