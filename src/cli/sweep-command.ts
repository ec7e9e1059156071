import { resolve } from 'node:path';
import { parseDuration } from '../cleanup/duration.ts';
import { sweepPingOne, type SweepLine } from '../cleanup/sweep.ts';
import { resolvePingOneConfig } from '../config/pingone-config.ts';
import { loadVariables } from '../config/load-variables.ts';
import { ConfigError } from '../errors/config-error.ts';
import { IdflowError } from '../errors/idflow-error.ts';
import { withAllowedHosts } from '../guards/allow-host-option.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';

const DEFAULT_OLDER_THAN = '2h';

function printLines(lines: readonly SweepLine[], dryRun: boolean): void {
  const width = Math.max(0, ...lines.map((line) => line.action.length));
  for (const { environment, action, detail } of lines) {
    process.stdout.write(
      `  ${action.padEnd(width)}  ${environment.name} (${environment.id}, ${environment.type}): ${detail}\n`,
    );
  }
  const count = (action: SweepLine['action']) => lines.filter((line) => line.action === action).length;
  const acted = dryRun ? `${count('would delete')} would be deleted` : `${count('deleted')} deleted`;
  process.stdout.write(
    `${acted}, ${lines.length - count('deleted') - count('would delete')} left alone${count('failed') ? `, ${count('failed')} failed` : ''}.\n`,
  );
}

/**
 * `idflow sweep`: deletes leftovers of crashed runs in a configured PingOne tenant — SANDBOX
 * environments named `idflow-…` older than `--older-than` (default 2h). `--dry-run` only lists.
 * Configuration is loaded as for `idflow run`; there is no embedded emulator to sweep.
 */
export async function sweepCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, {
    target: { type: 'string', default: 'pingone' },
    env: { type: 'string' },
    'older-than': { type: 'string', default: DEFAULT_OLDER_THAN },
    'dry-run': { type: 'boolean', default: false },
    'allow-host': { type: 'string', multiple: true },
  });
  if (options.target !== 'pingone') {
    throw new UsageError(
      `sweep supports --target pingone only (got "${options.target}"): only PingOne runs create environments.`,
    );
  }
  const olderThanMs = parseDuration(options['older-than']);
  if (olderThanMs === undefined)
    throw new UsageError(
      `--older-than must be a number with a unit s, m, h or d, got "${options['older-than']}" (e.g. --older-than 2h).`,
    );
  const envFile = options.env === undefined ? undefined : resolve(options.env);
  const loaded = loadVariables({ envFile, env: process.env });
  const config = resolvePingOneConfig(
    withAllowedHosts(loaded.variables, options['allow-host']),
    loaded.source,
  );
  if (config === undefined) {
    throw new ConfigError({
      code: 'CONFIG_MISSING',
      ...(options.env === undefined ? {} : { file: options.env }),
      message: `sweep needs a PingOne tenant to clean, and ${options.env ?? 'the process environment'} configures none (there is no embedded emulator to sweep). Pass --env env/pingone.env (see env/pingone.env.example) or set the PINGONE_* variables.`,
    });
  }
  const dryRun = options['dry-run'];
  process.stdout.write(
    `idflow sweep${dryRun ? ' (dry run)' : ''}: SANDBOX environments named idflow-… older than ${options['older-than']} at ${config.apiUrl}\n`,
  );
  let lines: SweepLine[];
  try {
    lines = await sweepPingOne(config, { olderThanMs, dryRun });
  } catch (error) {
    if (!(error instanceof IdflowError) || error.fault === 'suite') throw error;
    process.stderr.write(`idflow sweep: ${error.message}\n`);
    return error.fault === 'config' ? EXIT.usage : EXIT.failed;
  }
  if (lines.length === 0)
    process.stdout.write('nothing to sweep: no environment is named like an idflow run.\n');
  else printLines(lines, dryRun);
  return lines.some((line) => line.action === 'failed') ? EXIT.failed : EXIT.passed;
}
