import { randomBytes } from 'node:crypto';
import { RUN_ID_VARIABLE } from '../../process/run-variables.ts';

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

/**
 * The run id of this process's run: the one `idflow run` chose (`IDFLOW_RUN_ID`, when well formed),
 * else a new one.
 */
export function runIdOfThisRun(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[RUN_ID_VARIABLE];
  return given !== undefined && parseLeadingRunId(given)?.runId === given ? given : newRunId();
}

/** A run id read back from a name, and the UTC minute its run started. */
export interface ParsedRunId {
  readonly runId: string;
  readonly startedAt: Date;
}

const LEADING_RUN_ID = /^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})-[0-9a-z]{6}(?=-|$)/;

/**
 * The run id `text` starts with (as {@link newRunId} writes it, ending the text or followed by
 * `-`), with its start time; undefined when there is none or its date does not exist
 * (`20261399t2599-…`). The time has minute precision, so an age computed from it errs young.
 */
export function parseLeadingRunId(text: string): ParsedRunId | undefined {
  const match = LEADING_RUN_ID.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = match.slice(1).map(Number);
  const startedAt = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const exists =
    startedAt.getUTCFullYear() === year &&
    startedAt.getUTCMonth() === month - 1 &&
    startedAt.getUTCDate() === day &&
    startedAt.getUTCHours() === hour &&
    startedAt.getUTCMinutes() === minute;
  return exists ? { runId: match[0], startedAt } : undefined;
}
