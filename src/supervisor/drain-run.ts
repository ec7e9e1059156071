import { describeEntry } from '../cleanup/describe-entry.ts';
import { LedgerFile, readLedgerFiles } from '../flow/run/ledger-file.ts';
import { ConfigError } from '../errors/config-error.ts';
import { vetCredentialTransport, type CredentialTransport } from '../guards/transport-guard.ts';
import { TARGETS, findTarget, type TargetDescriptor } from '../targets/registry.ts';
import type { DrainResult } from '../cleanup/drain-session.ts';
import type { LedgerEntry } from '../flow/run/ledger.ts';

/** The configuration `idflow run` validated, to authenticate the drain the same way. */
export interface RunConfiguration {
  readonly variables: Record<string, string>;
  readonly source: string;
}

type Drainer = (
  configuration: RunConfiguration,
  entries: readonly LedgerEntry[],
) => Promise<DrainResult | undefined>;

/**
 * Drains only after vetting the transport again: a name vetted at the start of the run may
 * resolve elsewhere by now, and the drain sends the same credentials.
 */
async function vetted(
  transport: CredentialTransport,
  entries: readonly LedgerEntry[],
  drain: () => Promise<DrainResult>,
): Promise<DrainResult> {
  try {
    await vetCredentialTransport(transport);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      clean: false,
      remaining: entries,
      lines: entries.map((entry) => `NOT deleted ${describeEntry(entry)}: ${error.message}`),
    };
  }
  return drain();
}

/** How to delete what a run of `target` left; it answers undefined when the target ran embedded. */
function drainerOf(target: TargetDescriptor): Drainer {
  return async (configuration, entries) => {
    const config = target.resolveConfig(configuration.variables, configuration.source);
    if (config === undefined) return undefined;
    return vetted(target.transport(config), entries, () => target.drain(config, entries));
  };
}

/** True when the run talked to at least one configured tenant (not only embedded emulators). */
export function anyTargetConfigured(configuration: RunConfiguration): boolean {
  return TARGETS.some(
    (target) => target.resolveConfig(configuration.variables, configuration.source) !== undefined,
  );
}

/** What happened to the leftovers of one run. */
export interface RunDrain {
  readonly lines: readonly string[];
  /** Nothing the run created is known to remain (kept ones excepted). */
  readonly clean: boolean;
}

/**
 * Settles every ledger file of a run after its vitest process stopped: with `keep`, lists what
 * was left; otherwise deletes it (a configured tenant) or notes that the embedded emulator took
 * its state with it. Entries teardown confirmed deleted are no longer in the files; each file is
 * rewritten with what this drain could not confirm either, so `idflow sweep` finds exactly that.
 */
export async function drainRun(
  dir: string,
  options: { keep: boolean; configuration: RunConfiguration },
): Promise<RunDrain> {
  const lines: string[] = [];
  let clean = true;
  for (const { content } of readLedgerFiles(dir)) {
    if (content.entries.length === 0) continue;
    const target = content.target ?? 'unknown target';
    if (options.keep) {
      for (const entry of content.entries) lines.push(`kept (${target}): ${describeEntry(entry)}`);
      continue;
    }
    const known = content.target === undefined ? undefined : findTarget(content.target);
    const drainer = known === undefined ? undefined : drainerOf(known);
    if (drainer === undefined && !anyTargetConfigured(options.configuration)) {
      lines.push(
        `${target}: ${content.entries.length} resource(s) lived in an embedded emulator, which has ` +
          `stopped; nothing to delete`,
      );
      continue;
    }
    if (drainer === undefined) {
      clean = false;
      for (const entry of content.entries)
        lines.push(`NOT deleted (${target}, no drain for this target): ${describeEntry(entry)}`);
      continue;
    }
    const result = await drainer(options.configuration, content.entries);
    if (result === undefined) {
      lines.push(
        `${target}: ${content.entries.length} resource(s) lived in the embedded emulator, which has ` +
          `stopped; nothing to delete`,
      );
      continue;
    }
    clean &&= result.clean;
    new LedgerFile({ dir, runId: content.runId, target: content.target }).write(result.remaining);
    lines.push(...result.lines.map((line) => `${target}: ${line}`));
  }
  return { lines, clean };
}
