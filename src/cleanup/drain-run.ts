import { describeEntry } from './describe-entry.ts';
import { drainLerianLedger } from './drain-lerian-ledger.ts';
import { drainPingOneLedger } from './drain-pingone-ledger.ts';
import { readLedgerFiles } from './ledger-file.ts';
import { resolveLerianConfig } from '../config/lerian-config.ts';
import { resolvePingOneConfig } from '../config/pingone-config.ts';
import { TARGETS } from '../targets/registry.ts';
import type { DrainResult } from './drain-session.ts';
import type { LedgerEntry } from '../flow/ledger.ts';

/** The configuration `idflow run` validated, to authenticate the drain the same way. */
export interface RunConfiguration {
  readonly variables: Record<string, string>;
  readonly source: string;
}

type Drainer = (
  configuration: RunConfiguration,
  entries: readonly LedgerEntry[],
) => Promise<DrainResult | undefined>;

/** Per target: how to delete what a run left; undefined when the target ran embedded. */
const DRAINERS: Readonly<Record<string, Drainer>> = {
  pingone: async (configuration, entries) => {
    const config = resolvePingOneConfig(configuration.variables, configuration.source);
    return config === undefined ? undefined : drainPingOneLedger(config, entries);
  },
  'lerian-identity': async (configuration, entries) => {
    const config = resolveLerianConfig(configuration.variables, configuration.source);
    return config === undefined ? undefined : drainLerianLedger(config, entries);
  },
};

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
 * its state with it. Entries teardown already attempted are no longer in the files.
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
    const drainer = content.target === undefined ? undefined : DRAINERS[content.target];
    if (drainer === undefined && !anyTargetConfigured(options.configuration)) {
      lines.push(
        `${target}: ${content.entries.length} resource(s) lived in an embedded emulator, which has stopped; nothing to delete`,
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
        `${target}: ${content.entries.length} resource(s) lived in the embedded emulator, which has stopped; nothing to delete`,
      );
      continue;
    }
    clean &&= result.clean;
    lines.push(...result.lines.map((line) => `${target}: ${line}`));
  }
  return { lines, clean };
}
