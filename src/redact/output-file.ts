import { readFileSync, writeFileSync } from 'node:fs';
import { redact } from './secrets.ts';

/**
 * Rewrites a report file with every secret this process knows masked (a reporter writes files
 * itself, past the stream gate). Leaves a missing file alone; returns true when it changed one.
 */
export function redactFile(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const safe = redact(text);
  if (safe === text) return false;
  writeFileSync(file, safe);
  return true;
}
