import { resolve } from 'node:path';
import { acceptedDeviationLines } from '../baseline/accepted-deviations.ts';
import { calibrationSummary } from '../runner/calibration.ts';
import { driftSummary } from '../runner/drift.ts';
import { STRICT_VARIABLE } from '../flow/step/source.ts';
import { selectBaseline } from '../baseline/select-baseline.ts';
import { TARGETS } from '../targets/registry.ts';
import { loadVariables } from '../config/load-variables.ts';
import { createRunDeadline } from '../process/run-deadline.ts';
import { DEFAULT_DEADLINE, deadlineOption, teardownGraceMs } from './deadline-option.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { integerOption, parseOptions, type CommandOptions } from './parse-options.ts';
import { exitCodeFor } from './run-outcome.ts';
import { targetsToRun } from './targets-to-run.ts';
import { applyEnvVars } from './env-var-option.ts';
import { applyProxyOption } from './proxy-option.ts';
import { NETWORK_OPTIONS, applyNetworkOptions, networkSweepArguments } from './network-options.ts';
import { checkReporters } from './reporter-option.ts';
import { checkReportPaths, reportRequests } from './report-option.ts';
import { writeRunReports } from '../runner/run-reports.ts';
import { runIdOfThisRun } from '../flow/run/run-id.ts';
import { idflowVersion } from './version.ts';
import {
  exportSelection,
  readOnlySmokeSelection,
  resolveSelection,
  selectedTargets,
  selectionLines,
} from './selection-option.ts';
import { UsageError } from './usage-error.ts';
import { reportWrittenBaseline, requireOneConfiguredTarget } from './write-baseline-option.ts';
import {
  BASELINE_VARIABLE,
  ENV_FILE_VARIABLE,
  KEEP_VARIABLE,
  REPORTS_VARIABLE,
  RUN_CHILD_VARIABLE,
  SMOKE_VARIABLE,
  WRITE_POPULATION_VARIABLE,
} from '../process/run-variables.ts';
import { ALLOW_HOST_VARIABLES, withAllowedHosts } from './allow-host-option.ts';
import { ALLOW_INSECURE_HTTP_VARIABLE, withInsecureHttp } from '../guards/insecure-http-option.ts';
import { redactFile } from '../redact/output-file.ts';
import { progressLines } from '../runner/progress-reporter.ts';
import { failureDetails } from '../runner/failure-details.ts';
import { runSummary } from '../runner/run-summary.ts';
import type { TargetDescriptor } from '../targets/registry.ts';

/** The host a target's run talks to, or `its embedded emulator` when nothing is configured. */
function tenantHost(target: TargetDescriptor, variables: Record<string, string>, source: string): string {
  const config = target.resolveConfig(variables, source);
  if (config === undefined) return 'its embedded emulator';
  try {
    return new URL(target.ledgerBase(config).url).host;
  } catch {
    return target.tenant(config);
  }
}

/**
 * `--output-file FILE` (every file reporter) or `--output-file junit=FILE` (one reporter);
 * repeatable, so JUnit and JSON reports can be written in one run.
 */
export function outputFiles(values: readonly string[] | undefined): {
  outputFile?: string | Record<string, string>;
} {
  if (!values?.length) return {};
  const perReporter: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z-]+)=(.+)$/.exec(value);
    if (!match) {
      if (values.length > 1)
        throw new UsageError(
          `with several --output-file options, name each reporter: --output-file junit=${value}`,
        );
      return { outputFile: resolve(value) };
    }
    perReporter[match[1] as string] = resolve(match[2] as string);
  }
  return { outputFile: perReporter };
}

/** The options `idflow run` accepts (the pipeline templates' tests read them too). */
export const RUN_OPTIONS = {
  target: { type: 'string' },
  env: { type: 'string' },
  'env-var': { type: 'string', multiple: true },
  proxy: { type: 'string' },
  ...NETWORK_OPTIONS,
  report: { type: 'string', multiple: true },
  reporter: { type: 'string', multiple: true },
  'output-file': { type: 'string', multiple: true },
  baseline: { type: 'string' },
  keep: { type: 'boolean', default: false },
  bail: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  'allow-insecure-http': { type: 'boolean', default: false },
  deadline: { type: 'string', default: DEFAULT_DEADLINE },
  strict: { type: 'boolean', default: false },
  smoke: { type: 'boolean', default: false },
  step: { type: 'string', multiple: true },
  grep: { type: 'string' },
  'write-baseline': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  'write-population': { type: 'string' },
} satisfies CommandOptions;

/**
 * `idflow run`: validates the configuration of every selected target before the first request
 * (exit 2 on a mistake), then runs the targets' plans (with idflow's scheduler, or their suite
 * files with vitest when a vitest reporter is asked for), within the whole-run
 * `--deadline`, and maps the outcome to the contract's exit codes. `hooks.startedListening`
 * is called once start-up is over and signals are the supervisor's (or vitest's) to handle.
 */
export async function runCommand(
  argv: readonly string[],
  hooks: { startedListening?: () => void } = {},
): Promise<ExitCode> {
  const options = parseOptions(argv, RUN_OPTIONS);
  applyEnvVars(options['env-var']);
  applyProxyOption(options.proxy);
  // Checked here, before the first request; every session (the test process's too) reads them again.
  const networkWarnings = applyNetworkOptions(options);
  // The run's clock starts now; only the supervisor uses it (the child gets the instant in its environment).
  const deadline = deadlineOption(options.deadline);
  const deadlineAtMs = Date.now() + deadline.ms;
  const envFile = options.env === undefined ? undefined : resolve(options.env);
  const baselineFile = options.baseline === undefined ? undefined : resolve(options.baseline);
  const writeBaselineFile =
    options['write-baseline'] === undefined ? undefined : resolve(options['write-baseline']);
  const bail = integerOption('bail', options.bail, { min: 1, max: 10_000 });
  const reporters = options.reporter ?? ['default'];
  const files = outputFiles(options['output-file']);
  checkReporters(reporters, files.outputFile);
  // The supervisor chooses the run id; its test process reads it back (reports/<run id>/).
  const runId = runIdOfThisRun();
  const reports = reportRequests(options.report, { runId, env: process.env });
  const loaded = loadVariables({ envFile, env: process.env, targets: TARGETS });
  const allowed = withAllowedHosts(loaded.variables, options['allow-host']);
  const { variables, source } = {
    ...loaded,
    variables: withInsecureHttp(allowed, options['allow-insecure-http']),
  };
  const candidates = targetsToRun({ target: options.target, envFile: options.env, variables, source });
  const selection = resolveSelection(candidates, {
    step: options.step,
    grep: options.grep,
    smoke: options.smoke,
  });
  const targets = selectedTargets(candidates, selection);
  const readOnlySmoke = readOnlySmokeSelection(targets, (target) => target.resolveConfig(variables, source), {
    smoke: options.smoke,
    narrowed: selection !== undefined,
    writePopulation: options['write-population'],
  });
  let baselineUsed = false;
  if (writeBaselineFile !== undefined) requireOneConfiguredTarget(targets, variables, source);
  for (const target of targets) {
    const config = target.resolveConfig(variables, source);
    baselineUsed ||= selectBaseline({
      target,
      explicitFile: baselineFile,
      emulated: config === undefined,
    }).explicit;
  }
  if (baselineFile !== undefined && !baselineUsed) {
    throw new UsageError(
      `--baseline ${options.baseline} names a target this run does not select; pass --target with the ` +
        `file's "target".`,
    );
  }

  // This process only supervises: the checks run in a child, and whatever it leaves is deleted here.
  if (process.env[RUN_CHILD_VARIABLE] !== '1') {
    // Loaded here: the test process never supervises, and the cleanup behind it costs ~1 s to load.
    const [{ vetTargetsTransport }, { preflight }, { superviseRun }] = await Promise.all([
      import('../targets/vet-targets.ts'),
      import('./preflight.ts'),
      import('../supervisor/supervised-run.ts'),
    ]);
    // Where credentials go is settled here, before the first request; the suites' setup checks again.
    const warnings = [...networkWarnings, ...(await vetTargetsTransport(targets, variables, source))];
    for (const warning of warnings) process.stderr.write(`idflow: ${warning}\n`);
    for (const line of selectionLines(selection, readOnlySmoke)) process.stderr.write(`${line}\n`);
    // Before anything is created: a report that could not be written is a usage mistake now, not a loss later.
    checkReportPaths(reports);
    // A configured tenant is checked read-only first: nothing is created when it is not ready.
    const runDeadline = createRunDeadline({ atMs: deadlineAtMs, label: deadline.label });
    const ready = await preflight(targets, variables, source, { runDeadline });
    if (ready.stopsRun) {
      process.stderr.write(
        `idflow: the preflight (idflow doctor) found what stops the run; nothing was created.\n${ready.text}`,
      );
      return ready.runCode;
    }
    return superviseRun({
      argv,
      runId,
      keep: options.keep,
      configuration: { variables, source },
      deadline: runDeadline,
      teardownGraceMs: teardownGraceMs(process.env),
      sweep: {
        envFile,
        allowHosts: options['allow-host'],
        allowInsecureHttp: options['allow-insecure-http'],
        networkArguments: networkSweepArguments(),
      },
      ...(hooks.startedListening ? { onSignalsInstalled: hooks.startedListening } : {}),
    });
  }
  // The test process: the supervisor (and vitest, when it runs) decide what a signal does from here.
  hooks.startedListening?.();
  // The suites' global setup reads the allowances from the environment.
  for (const name of [...ALLOW_HOST_VARIABLES, ALLOW_INSECURE_HTTP_VARIABLE]) {
    const value = variables[name];
    if (value !== undefined) process.env[name] = value;
  }
  // The suites' global setup reads the same files again in the test process.
  process.env[ENV_FILE_VARIABLE] = envFile ?? '';
  process.env[BASELINE_VARIABLE] = baselineFile ?? '';
  process.env[STRICT_VARIABLE] = options.strict ? '1' : '';
  process.env[SMOKE_VARIABLE] = options.smoke ? '1' : '';
  exportSelection(selection, readOnlySmoke);
  process.env[WRITE_POPULATION_VARIABLE] = options['write-population'] ?? '';
  process.env[REPORTS_VARIABLE] = reports.length > 0 ? '1' : '';
  const startedAt = Date.now();
  // One line per step as it finishes: on a terminal, or when asked (--verbose) in a pipeline.
  const progress = options.verbose || process.stderr.isTTY;
  // Loaded here: the supervising process runs no check.
  const [{ allPlanned, runPlans }, { runWithVitest }] = await Promise.all([
    import('../engine/run-plans.ts'),
    import('../runner/vitest-run.ts'),
  ]);
  // idflow schedules the plans itself unless a vitest reporter was asked for (or a target has none).
  const scheduled =
    options.reporter === undefined && options['output-file'] === undefined && allPlanned(targets);
  const outcome = scheduled
    ? {
        unhandledErrors: 0,
        ...(await runPlans(targets, {
          variables,
          source,
          baselineFile,
          strict: options.strict,
          smoke: options.smoke,
          keep: process.env[KEEP_VARIABLE] === '1',
          bail,
          selection: new Map(
            [...(selection ?? []), ...readOnlySmoke].map(([name, chosen]) => [name, chosen.runs]),
          ),
          ...(progress
            ? { finished: (check) => process.stderr.write(`${progressLines(check).join('\n')}\n`) }
            : {}),
        })),
      }
    : await runWithVitest({
        projects: targets.map((target) => target.name),
        reporters,
        outputFile: files.outputFile,
        bail,
        // A file none of whose checks was selected declares no test; the selection was checked non-empty.
        passWithNoTests: selection !== undefined || readOnlySmoke.size > 0,
        progress,
      });
  const modules = outcome.modules;
  // vitest's reporters print each failure themselves; a run idflow scheduled prints them here.
  const failures = scheduled ? failureDetails(modules) : '';
  if (failures) process.stderr.write(`${failures}\n`);
  // The worker redacted what it reported; this masks whatever else this process knows in the files.
  const vitestFiles =
    typeof files.outputFile === 'string' ? [files.outputFile] : Object.values(files.outputFile ?? {});
  for (const file of vitestFiles) redactFile(file);
  // On stderr, so a reporter writing JSON or JUnit to stdout stays parseable.
  const reportsWritten = writeRunReports(modules, reports, {
    run: {
      id: runId,
      startedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      strict: options.strict,
      smoke: options.smoke,
      ...(selection ? { selection: [...selection.values()].flatMap((chosen) => chosen.runs) } : {}),
      interrupted: outcome.bailed,
    },
    targets: targets.map((target) => {
      const config = target.resolveConfig(variables, source);
      return {
        name: target.name,
        tenant: config === undefined ? 'embedded emulator' : tenantHost(target, variables, source),
        emulated: config === undefined,
      };
    }),
    version: idflowVersion(),
  });
  const deviations = acceptedDeviationLines(modules);
  if (deviations.length)
    process.stderr.write(
      `idflow: known deviations in this run (${deviations.length}):\n${deviations.map((line) => `  ${line}`).join('\n')}\n`,
    );
  const calibration = calibrationSummary(modules);
  if (calibration) process.stderr.write(`${calibration}\n`);
  const drift = driftSummary(modules);
  if (drift) process.stderr.write(`${drift}\n`);
  process.stderr.write(
    `${runSummary(modules, {
      targets: targets.map((target) => ({
        name: target.name,
        tenant: tenantHost(target, variables, source),
      })),
      durationMs: Date.now() - startedAt,
      bail,
    })}\n`,
  );
  const [only] = targets;
  if (writeBaselineFile !== undefined && only !== undefined)
    reportWrittenBaseline(writeBaselineFile, only.name, modules);
  const code = exitCodeFor(modules, outcome.unhandledErrors);
  // A report that could not be written is the user's path to fix (exit 2), unless a check failed.
  if (!reportsWritten && code === EXIT.passed) return EXIT.usage;
  // vitest sets process.exitCode itself (for example when no test file matched).
  return code === EXIT.passed && (process.exitCode ?? 0) !== 0 ? EXIT.failed : code;
}
