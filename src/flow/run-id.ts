import { randomBytes } from 'node:crypto';

/** Every resource a run creates carries this prefix, so sweeps and humans can tell it is ours. */
export const RUN_PREFIX = 'idflow';

/**
 * A short run id, unique across concurrent runs: UTC minute plus random bits, lower-case so it
 * is valid in names, usernames and email local parts (`20261123t0412-k3f9q2`).
 */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
  return `${stamp}-${randomBytes(4).toString('hex').slice(0, 6)}`;
}
