import { resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { ConfigError } from '../errors/config-error.ts';
import { loadVariables } from '../config/load-variables.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { selectTargets } from './select-targets.ts';

/**
 * `idflow run`: validates the configuration of every selected target before the first request
 * (exit 2 on a mistake), then runs the targets' suites with vitest and maps the outcome to the
 * contract's exit codes.
 */
export async function runCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, {
    target: { type: 'string' },
    env: { type: 'string' },
    reporter: { type: 'string', multiple: true },
    'output-file': { type: 'string' },
  });
  const targets = selectTargets(options.target);
  const envFile = options.env === undefined ? undefined : resolve(options.env);
  const { variables, source } = loadVariables({ envFile, env: process.env });
  for (const target of targets) {
    const config = target.resolveConfig(variables, source);
    if (config === undefined && envFile !== undefined) {
      throw new ConfigError({
        code: 'CONFIG_MISSING',
        file: options.env,
        message: `${options.env} holds no ${target.title} variables. Copy ${target.envExample} and fill it in, or drop --env to run against the embedded emulator.`,
      });
    }
  }

  // The suites' global setup reads the same file again in the test process.
  process.env.IDFLOW_ENV_FILE = envFile ?? '';
  const reporters = options.reporter ?? ['default'];
  const vitest = await startVitest('test', [], {
    root: PACKAGE_ROOT,
    config: resolve(PACKAGE_ROOT, 'vitest.config.ts'),
    project: targets.map((target) => target.name),
    watch: false,
    run: true,
    reporters,
    ...(options['output-file'] === undefined ? {} : { outputFile: resolve(options['output-file']) }),
  });
  await vitest.close();
  const failed = vitest.state.getCountOfFailedTests() > 0 || vitest.state.getUnhandledErrors().length > 0;
  return failed || (process.exitCode ?? 0) !== 0 ? EXIT.failed : EXIT.passed;
}
