import {
  DEFAULT_CONCURRENCY,
  DEFAULT_RUN_TIMEOUT_MS,
  formatResult,
  formatScore,
  orderedPrinter,
  planSelfTest,
  runSelfTest,
  scoreOf,
} from '../selftest/index.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { integerOption, parseOptions, type CommandOptions } from './parse-options.ts';
import { selectTargets } from './select-targets.ts';
import { UsageError } from './usage-error.ts';
import type { TargetDescriptor } from '../targets/registry.ts';

/** Every `--fault` name must belong to a selected target's catalogue. */
async function checkFaultNames(
  targets: readonly TargetDescriptor[],
  names: readonly string[],
): Promise<void> {
  const catalogues = await Promise.all(
    targets.map(async (target) => ({ target, faults: await target.faults() })),
  );
  const known = new Set(catalogues.flatMap(({ faults }) => faults.map((fault) => fault.name)));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) {
    const catalogue = catalogues
      .map(({ target, faults }) => `${target.name}: ${faults.map((fault) => fault.name).join(', ')}`)
      .join('; ');
    throw new UsageError(
      `unknown fault ${unknown.map((name) => `"${name}"`).join(', ')}. Known: ${catalogue}.`,
    );
  }
}

/** The options `idflow selftest` accepts (the pipeline templates' tests read them too). */
export const SELFTEST_OPTIONS = {
  target: { type: 'string' },
  fault: { type: 'string', multiple: true },
  jobs: { type: 'string' },
  'run-timeout': { type: 'string' },
} satisfies CommandOptions;

/**
 * `idflow selftest`: runs each selected target's suites against its emulator once per fault of
 * its catalogue (plus one control run without a fault) and prints a line per run and the score:
 * harmful faults caught, benign faults survived. Exit 0 only at 100 % on both counts.
 */
export async function selftestCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, SELFTEST_OPTIONS);
  const targets = selectTargets(options.target);
  const faultNames = options.fault;
  if (faultNames) await checkFaultNames(targets, faultNames);
  const concurrency = integerOption('jobs', options.jobs, { min: 1, max: 16 }) ?? DEFAULT_CONCURRENCY;
  const runTimeoutSeconds = integerOption('run-timeout', options['run-timeout'], { min: 10, max: 3600 });
  const runTimeoutMs = runTimeoutSeconds === undefined ? DEFAULT_RUN_TIMEOUT_MS : runTimeoutSeconds * 1000;

  const plans = await planSelfTest({ targets, ...(faultNames ? { faultNames } : {}), runTimeoutMs });
  const faults = plans.filter((plan) => plan.fault).length;
  process.stdout.write(
    `idflow selftest: ${faults} faults and ${plans.length - faults} control runs, ${concurrency} at a time\n`,
  );
  const print = orderedPrinter((line) => process.stdout.write(`${line}\n`));
  const { results, score } = await runSelfTest({
    targets,
    ...(faultNames ? { faultNames } : {}),
    concurrency,
    runTimeoutMs,
    onResult: (result, index) => print(index, formatResult(result)),
  });

  process.stdout.write('\n');
  const names = [...new Set(results.map((result) => result.target))];
  if (names.length > 1) {
    for (const name of names)
      process.stdout.write(
        `${formatScore(name, scoreOf(results.filter((result) => result.target === name)))}\n`,
      );
  }
  process.stdout.write(`${formatScore('score', score)}\n`);
  if (!score.perfect && score.shortfalls.length) {
    process.stdout.write(
      `not at 100 %: ${score.shortfalls.map((result) => `${result.target}/${result.fault ?? '(no fault)'}`).join(', ')}\n`,
    );
  }
  return score.perfect ? EXIT.passed : EXIT.failed;
}
