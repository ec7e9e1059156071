import { describeEntry } from '../cleanup/describe-entry.ts';
import { readLedgerFiles } from '../flow/run/ledger-file.ts';

/** How the run was configured, to repeat in the `idflow sweep` command it suggests. */
export interface SweepCommandSource {
  /** The `--env` file the run read, as an absolute path; undefined when it read only the environment. */
  readonly envFile?: string | undefined;
  /** The run's `--allow-host` values. */
  readonly allowHosts?: readonly string[] | undefined;
  /** The run was given `--allow-insecure-http`. */
  readonly allowInsecureHttp?: boolean | undefined;
  /** The run's TLS options as words (`--ca FILE`, `--cert FILE --key FILE`, `--insecure`): paths, never a key. */
  readonly networkArguments?: readonly string[] | undefined;
  /** False when every target ran its embedded emulator, whose state went with it. */
  readonly configured: boolean;
}

/** Quotes a shell word only when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * `idflow sweep --target T [--env FILE] [--allow-host H]... [--allow-insecure-http] [--ca FILE]…`: the same
 * configuration the run used, never a secret.
 */
export function sweepCommand(target: string, source: SweepCommandSource): string {
  const words = ['idflow', 'sweep', '--target', target];
  if (source.envFile !== undefined) words.push('--env', source.envFile);
  for (const host of source.allowHosts ?? []) words.push('--allow-host', host);
  if (source.allowInsecureHttp === true) words.push('--allow-insecure-http');
  words.push(...(source.networkArguments ?? []));
  return words.map(shellWord).join(' ');
}

/**
 * What a cleanup stopped midway leaves, read from the run's ledger folder (which stays, so
 * `idflow sweep` can read it): one line per resource with its ids, then per target the
 * command that removes them. Empty when nothing is owed.
 */
export function abandonedCleanupLines(dir: string, source: SweepCommandSource): string[] {
  const lines: string[] = [];
  const targets = new Set<string>();
  for (const { content } of readLedgerFiles(dir)) {
    if (content.entries.length === 0) continue;
    const target = content.target ?? 'unknown target';
    targets.add(target);
    for (const entry of content.entries) lines.push(`  ${target}: ${describeEntry(entry)}`);
  }
  if (lines.length === 0) return [];
  if (!source.configured) {
    return ['left in the embedded emulator, which has stopped with the run; nothing to delete:', ...lines];
  }
  const commands = [...targets].map((target) => `  ${sweepCommand(target, source)}`);
  const environment = source.envFile === undefined ? ' with the same variables set' : '';
  return [
    'left in the tenant:',
    ...lines,
    `to delete what is left, run from this directory${environment} (the run's ledger in ${dir} names it):`,
    ...commands,
  ];
}
