import { applyEnvVars } from './env-var-option.ts';
import { applyProxyOption } from './proxy-option.ts';
import { NETWORK_OPTIONS, applyNetworkOptions } from './network-options.ts';
import { resolve } from 'node:path';
import { TARGETS } from '../targets/registry.ts';
import { loadVariables } from '../config/load-variables.ts';
import { preflight } from './preflight.ts';
import { withAllowedHosts } from './allow-host-option.ts';
import { withInsecureHttp } from '../guards/insecure-http-option.ts';
import { vetTargetsTransport } from '../targets/vet-targets.ts';
import { ConfigError } from '../errors/config-error.ts';
import type { ExitCode } from '../process/exit-codes.ts';
import { parseOptions, type CommandOptions } from './parse-options.ts';
import { selectTargets } from './select-targets.ts';

/** The options `idflow doctor` accepts (the pipeline templates' tests read them too). */
export const DOCTOR_OPTIONS = {
  target: { type: 'string' },
  env: { type: 'string' },
  'env-var': { type: 'string', multiple: true },
  proxy: { type: 'string' },
  ...NETWORK_OPTIONS,
  'allow-host': { type: 'string', multiple: true },
  'allow-insecure-http': { type: 'boolean', default: false },
} satisfies CommandOptions;

/**
 * `idflow doctor [--target T] [--env FILE]`: the read-only preflight of each configured tenant
 * (token, roles, license room, optional actors), each finding with the fix and its source. Exit 0
 * ready, 1 the tenant answered against its docs, 2 the configuration is wrong, 3 unreachable.
 * There is no embedded emulator to check: with nothing configured it is a configuration error.
 */
export async function doctorCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, DOCTOR_OPTIONS);
  applyEnvVars(options['env-var']);
  applyProxyOption(options.proxy);
  const networkWarnings = applyNetworkOptions(options);
  const envFile = options.env === undefined ? undefined : resolve(options.env);
  const loaded = loadVariables({ envFile, env: process.env, targets: TARGETS });
  const variables = withInsecureHttp(
    withAllowedHosts(loaded.variables, options['allow-host']),
    options['allow-insecure-http'],
  );
  const selected = selectTargets(options.target);
  const configured = selected.filter(
    (target) => target.resolveConfig(variables, loaded.source) !== undefined,
  );
  if (configured.length === 0) {
    const names = selected.map((target) => `${target.title} (see ${target.envExample})`).join(' or ');
    throw new ConfigError({
      code: 'CONFIG_MISSING',
      ...(options.env === undefined ? {} : { file: options.env }),
      message:
        `doctor checks a configured tenant, and ${options.env ?? 'the process environment'} ` +
        `configures no ${names}. Pass --env FILE or set the target's variables; there is no ` +
        `embedded emulator to check.`,
    });
  }
  const warnings = [...networkWarnings, ...(await vetTargetsTransport(configured, variables, loaded.source))];
  for (const warning of warnings) process.stderr.write(`idflow doctor: ${warning}\n`);
  const result = await preflight(configured, variables, loaded.source);
  process.stdout.write(result.text);
  process.stdout.write(
    result.failed ? `idflow doctor: not ready (exit ${result.code}).\n` : 'idflow doctor: ready.\n',
  );
  return result.code;
}
