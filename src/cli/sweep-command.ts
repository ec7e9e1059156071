import { resolve } from 'node:path';
import { parseDuration } from '../process/duration.ts';
import { defaultRunsDir } from '../cleanup/ledger-owner.ts';
import { formatSweepReport, type SweepReport } from '../cleanup/sweep-line.ts';
import { TARGETS } from '../targets/registry.ts';
import { loadVariables } from '../config/load-variables.ts';
import { IdflowError } from '../errors/idflow-error.ts';
import { withAllowedHosts } from './allow-host-option.ts';
import { withInsecureHttp } from '../guards/insecure-http-option.ts';
import { vetCredentialTransport } from '../guards/transport-guard.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { parseOptions, type CommandOptions } from './parse-options.ts';
import { findSweepTarget, sweepTarget, sweepTargets } from './sweep-targets.ts';
import { applyEnvVars } from './env-var-option.ts';
import { applyProxyOption } from './proxy-option.ts';
import { NETWORK_OPTIONS, applyNetworkOptions } from './network-options.ts';
import { UsageError } from './usage-error.ts';

const DEFAULT_OLDER_THAN = '2h';

/** The options `idflow sweep` accepts (the pipeline templates' tests read them too). */
export const SWEEP_OPTIONS = {
  target: { type: 'string', default: sweepTargets()[0]?.name ?? '' },
  env: { type: 'string' },
  'env-var': { type: 'string', multiple: true },
  proxy: { type: 'string' },
  ...NETWORK_OPTIONS,
  'older-than': { type: 'string', default: DEFAULT_OLDER_THAN },
  'dry-run': { type: 'boolean', default: false },
  'allow-host': { type: 'string', multiple: true },
  'allow-insecure-http': { type: 'boolean', default: false },
} satisfies CommandOptions;

/**
 * `idflow sweep [--target T]`: deletes leftovers of crashed runs in a configured tenant older
 * than `--older-than` (default 2h) — what the target's sweep lists as named like a run's — and,
 * whatever their age, what the ledgers of dead runs under `.idflow/runs` still name. `--dry-run` only lists.
 * Configuration is loaded as for `idflow run`; there is no embedded emulator to sweep.
 */
export async function sweepCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, SWEEP_OPTIONS);
  applyEnvVars(options['env-var']);
  applyProxyOption(options.proxy);
  const networkWarnings = applyNetworkOptions(options);
  const name = options.target;
  const chosen = findSweepTarget(name);
  if (chosen === undefined) {
    throw new UsageError(
      `sweep cannot clean target "${name}". Use one of: ${sweepTargets()
        .map((target) => target.name)
        .join(', ')}.`,
    );
  }
  const olderThanMs = parseDuration(options['older-than']);
  if (olderThanMs === undefined)
    throw new UsageError(
      `--older-than must be a number with a unit s, m, h or d, got "${options['older-than']}" (e.g. ` +
        `--older-than 2h).`,
    );
  const envFile = options.env === undefined ? undefined : resolve(options.env);
  const loaded = loadVariables({ envFile, env: process.env, targets: TARGETS });
  const target = sweepTarget(chosen, {
    loaded: {
      ...loaded,
      variables: withInsecureHttp(
        withAllowedHosts(loaded.variables, options['allow-host']),
        options['allow-insecure-http'],
      ),
    },
    envOption: options.env,
    olderThan: options['older-than'],
    runsDir: defaultRunsDir(),
  });
  const vetted = await vetCredentialTransport(target.transport);
  for (const warning of [...networkWarnings, ...vetted.warnings])
    process.stderr.write(`idflow sweep: ${warning}\n`);
  const dryRun = options['dry-run'];
  process.stdout.write(`idflow sweep${dryRun ? ' (dry run)' : ''}: ${target.describe}\n`);
  let report: SweepReport;
  try {
    report = await target.sweep({ olderThanMs, dryRun });
  } catch (error) {
    if (!(error instanceof IdflowError) || error.fault === 'suite') throw error;
    process.stderr.write(`idflow sweep: ${error.message}\n`);
    return error.fault === 'config' ? EXIT.usage : EXIT.failed;
  }
  if (report.lines.length === 0 && !report.notes?.length)
    process.stdout.write(`nothing to sweep: ${target.nothingFound}\n`);
  else process.stdout.write(formatSweepReport(report, dryRun));
  return report.lines.some((line) => line.action === 'failed') ? EXIT.failed : EXIT.passed;
}
