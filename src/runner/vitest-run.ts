import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { ProgressReporter } from './progress-reporter.ts';
import type { ModuleView } from '../flow/run/check-view.ts';

/** What {@link runWithVitest} is told. */
export interface VitestRunOptions {
  /** The target projects to run (each target is one vitest project, named after it). */
  readonly projects: readonly string[];
  /** vitest reporters (`--reporter`), and their output files (`--output-file`). */
  readonly reporters: readonly string[];
  readonly outputFile?: string | Record<string, string> | undefined;
  readonly bail?: number | undefined;
  /** A selection may leave a file with no test. */
  readonly passWithNoTests: boolean;
  /** Write one line per finished check on stderr. */
  readonly progress: boolean;
}

/** How a vitest run ended. */
export interface VitestOutcome {
  readonly modules: readonly ModuleView[];
  readonly unhandledErrors: number;
  readonly bailed: boolean;
}

/**
 * Runs the targets' suite files with vitest (when a vitest reporter was asked for, or a target
 * has no plan for idflow's own scheduler): the suites' global setup picks tenant or emulator and
 * reads the run's options from the environment `idflow run` set.
 */
export async function runWithVitest(options: VitestRunOptions): Promise<VitestOutcome> {
  // Loaded here, not at the top: only a vitest run pays for loading it (~1 s).
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest('test', [], {
    root: PACKAGE_ROOT,
    config: resolve(PACKAGE_ROOT, 'vitest.config.ts'),
    project: [...options.projects],
    watch: false,
    run: true,
    reporters: [...options.reporters, ...(options.progress ? [new ProgressReporter()] : [])],
    ...(options.bail === undefined ? {} : { bail: options.bail }),
    ...(options.passWithNoTests ? { passWithNoTests: true } : {}),
    ...(options.outputFile === undefined ? {} : { outputFile: options.outputFile }),
  });
  await vitest.close();
  const failed = vitest.state.getCountOfFailedTests();
  return {
    modules: vitest.state.getTestModules(),
    // vitest sets process.exitCode itself (for example when no test file matched): that counts as an error.
    unhandledErrors: vitest.state.getUnhandledErrors().length,
    bailed: options.bail !== undefined && failed >= options.bail,
  };
}
