import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readLedgerFiles } from '../../../src/flow/run/ledger-file.ts';

/**
 * How many created resources the ledger files of the runs started in `directory` owe right now (not in-flight
 * creates).
 */
export function ledgerEntries(directory: string): number {
  const runs = join(directory, '.idflow', 'runs');
  const dirs = existsSync(runs) ? readdirSync(runs).map((name) => join(runs, name)) : [];
  return dirs
    .flatMap((dir) => readLedgerFiles(dir))
    .reduce((sum, { content }) => sum + content.entries.filter((entry) => !entry.inFlight).length, 0);
}

/** The `variable` values (ids) of the resources the run's ledger files owe right now (not in-flight creates). */
export function ledgeredValues(directory: string, variable: string): unknown[] {
  const runs = join(directory, '.idflow', 'runs');
  const dirs = existsSync(runs) ? readdirSync(runs).map((name) => join(runs, name)) : [];
  return dirs
    .flatMap((dir) => readLedgerFiles(dir))
    .flatMap(({ content }) => content.entries)
    .filter((entry) => !entry.inFlight && variable in entry.values)
    .map((entry) => entry.values[variable]);
}
