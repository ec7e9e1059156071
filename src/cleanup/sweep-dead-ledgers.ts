import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeEntry } from './describe-entry.ts';
import {
  LedgerFile,
  readLedgerFiles,
  removeLedgerDir,
  type LedgerFileContent,
} from '../flow/run/ledger-file.ts';
import { ownerAlive, readLedgerOwner } from './ledger-owner.ts';
import { ID_FORM, isWellFormedId, quoteUntrusted } from '../flow/step/id-format.ts';
import { variablesIn } from '../flow/step/template.ts';
import type { DrainResult } from './drain-session.ts';
import type { SweepLine, SweepReport } from './sweep-line.ts';
import type { SweepOptions } from './sweep-options.ts';
import type { LedgerEntry } from '../flow/run/ledger.ts';

/** What the sweep of one target knows to drain a dead run's ledger. */
export interface DeadLedgerTarget {
  /** The target name ledger files record (`acme`). */
  readonly target: string;
  /** The configured tenant, as ledger-tenants.ts writes it; only ledgers of this tenant are drained. */
  readonly tenant: string;
  /** The configured base URL every entry's URLs must start from (`apiPath`, `identityPath`). */
  readonly base: { readonly variable: string; readonly url: string };
  /** Deletes entries (newest first) the way the supervisor's drain does, through the guarded client. */
  drain(entries: readonly LedgerEntry[]): Promise<DrainResult>;
}

function originOf(value: unknown): string | undefined {
  try {
    return typeof value === 'string' ? new URL(value).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Why an entry must not be drained with this configuration, or undefined. */
function entryProblem(entry: LedgerEntry, target: DeadLedgerTarget): string | undefined {
  if (originOf(entry.values[target.base.variable]) !== originOf(target.base.url))
    return (
      `its {{${target.base.variable}}} is not the configured ` +
      `${originOf(target.base.url) ?? target.base.url}`
    );
  const urls = [entry.cleanup.request.url, entry.cleanup.confirmGone?.url ?? ''];
  for (const url of urls) {
    const [, ...segments] = variablesIn(url);
    for (const name of segments) {
      const value = entry.values[name];
      if (value !== undefined && !isWellFormedId(value))
        return `its ${name} ${quoteUntrusted(value)} is not ${ID_FORM}`;
    }
  }
  return undefined;
}

function runDirs(runsDir: string): string[] {
  try {
    return readdirSync(runsDir, { withFileTypes: true })
      .filter((each) => each.isDirectory())
      .map((each) => join(runsDir, each.name))
      .sort();
  } catch {
    return [];
  }
}

function drainLines(result: DrainResult, run: string): SweepLine[] {
  return result.lines.map((line) =>
    line.startsWith('deleted ')
      ? { action: 'deleted', subject: line.slice('deleted '.length), detail: `named by the ledger of ${run}` }
      : { action: 'failed', subject: `ledger of ${run}`, detail: line },
  );
}

/** Settles one ledger file of a dead run; returns its lines. */
async function sweepFile(
  file: { file: string; content: LedgerFileContent; dir: string },
  target: DeadLedgerTarget,
  options: SweepOptions,
): Promise<SweepLine[]> {
  const run = `dead run ${file.content.runId}`;
  const lines: SweepLine[] = [];
  const kept: LedgerEntry[] = [];
  const drainable: LedgerEntry[] = [];
  for (const entry of file.content.entries) {
    const problem = entryProblem(entry, target);
    if (problem === undefined) drainable.push(entry);
    else {
      kept.push(entry);
      lines.push({
        action: 'left alone',
        subject: describeEntry(entry),
        detail: `named by the ledger of ${run}, but ${problem}: never deleted`,
      });
    }
  }
  if (options.dryRun) {
    for (const entry of drainable)
      lines.push({
        action: 'would delete',
        subject: describeEntry(entry),
        detail: `named by the ledger of ${run} (no age threshold)`,
      });
    return lines;
  }
  if (drainable.length > 0) {
    const result = await target.drain(drainable);
    lines.push(...drainLines(result, run));
    kept.push(...result.remaining);
  }
  if (kept.length === 0) rmSync(file.file, { force: true });
  else new LedgerFile({ dir: file.dir, runId: file.content.runId, target: target.target }).write(kept);
  return lines;
}

/**
 * Drains the ledger folders `idflow run` left under `runsDir` (`.idflow/runs`) when the run that
 * owns one is provably gone (its supervisor and its vitest group: a run killed hard, or stopped
 * by a third Ctrl-C): whatever its ledger of this target still names is deleted, whatever its
 * age, through the same guarded client, and the ledger (then the folder) is removed once
 * deletions are confirmed. Never touches the ledger of a live run, a folder recording no owner,
 * a ledger of another tenant, or an entry whose ids are not well-formed; each is named in a note or line.
 */
export async function sweepDeadLedgers(
  runsDir: string,
  target: DeadLedgerTarget,
  options: SweepOptions,
): Promise<SweepReport> {
  const lines: SweepLine[] = [];
  const notes: string[] = [];
  for (const dir of runDirs(runsDir)) {
    const files = readLedgerFiles(dir).filter((each) => each.content.target === target.target);
    const owed = files.filter((each) => each.content.entries.length > 0);
    const owner = readLedgerOwner(dir);
    if (owner === undefined) {
      if (owed.length > 0)
        notes.push(
          `${dir} records no owner process (written by an older idflow?): its ledger was left alone`,
        );
      continue;
    }
    if (ownerAlive(owner)) {
      if (owed.length > 0)
        notes.push(`${dir} belongs to a run still going (pid ${owner.pid}): its ledger was left to it`);
      continue;
    }
    const tenant = owner.tenants[target.target];
    if (owed.length > 0 && tenant !== target.tenant) {
      notes.push(
        `${dir} names ${owed.reduce((sum, each) => sum + each.content.entries.length, 0)} resource(s) of ` +
          `a dead run in another ${target.target} tenant (${tenant ?? 'not recorded'}): sweep with that ` +
          `configuration to delete them`,
      );
      continue;
    }
    for (const file of owed) lines.push(...(await sweepFile({ ...file, dir }, target, options)));
    if (!options.dryRun) {
      for (const file of files) if (file.content.entries.length === 0) rmSync(file.file, { force: true });
      if (readLedgerFiles(dir).every((each) => each.content.entries.length === 0)) removeLedgerDir(dir);
    }
  }
  return { lines, notes };
}
