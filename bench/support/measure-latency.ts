import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment } from '../../src/selftest/child-environment.ts';
import type { TargetDescriptor } from '../../src/targets/registry.ts';
import { startBenchEmulator } from './bench-emulator.ts';
import type { BenchOptions } from './bench-options.ts';
import { toolFigures } from './figures.ts';
import { judgeGoals } from './goals.ts';
import { criticalPathRoundTrips } from './critical-path-round-trips.ts';
import type { CriticalPath } from '../../src/engine/critical-path.ts';
import { untilQuiet } from './quiet-machine.ts';
import { runLine } from './run-line.ts';
import type { LatencyResult } from './result-table.ts';
import { exportPostman, idflowCommand, idflowRun, newmanRun, type ToolCommand } from './tool-commands.ts';
import { measureToolRun, type RequestKey, type ToolRun } from './tool-run.ts';

/** Everything measured at one latency. */
export interface LatencyMeasurement extends LatencyResult {
  /** The critical path of idflow's plan at this latency, in round trips. */
  readonly criticalPath: CriticalPath;
  /** The requests of `idflow doctor`, which `idflow run` sends first against a configured tenant. */
  readonly preflight: readonly RequestKey[];
  /** Every run, warm-ups (repetition 0) first, in the order they ran. */
  readonly runs: readonly ToolRun[];
  /** Why the measurement is invalid (a run failed); empty when sound. */
  readonly problems: readonly string[];
  /** The run logs, kept when there are problems. */
  readonly directory: string | undefined;
}

/**
 * At one added latency: starts the target's emulator, exports its Postman collection and
 * environment, records `idflow doctor`'s requests (the preflight of `idflow run`), then runs each
 * tool `warmups` times unmeasured and `repetitions` times measured, in pairs whose order
 * alternates (idflow first in odd pairs, Newman in even ones), and judges the medians.
 */
export async function measureLatency(
  target: TargetDescriptor,
  latencyMs: number,
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<LatencyMeasurement> {
  const directory = mkdtempSync(join(tmpdir(), `idflow-bench-${latencyMs}ms-`));
  const bench = await startBenchEmulator(target, latencyMs, directory);
  const runs: ToolRun[] = [];
  let preflight: RequestKey[];
  let critical: CriticalPath;
  try {
    const exported = await exportPostman(
      target.name,
      bench.envFile,
      join(directory, 'postman'),
      childEnvironment(),
    );
    const beforeDoctor = bench.log.requests.length;
    await idflowCommand(['doctor', '--target', target.name, '--env', bench.envFile], childEnvironment());
    preflight = bench.log.since(beforeDoctor).map(({ method, path }) => ({ method, path }));
    critical = await criticalPathRoundTrips(target, bench.envFile, directory, childEnvironment());
    const idflow = idflowRun(target.name, bench.envFile);
    const newman = newmanRun(exported.collectionFile, exported.environmentFile);
    const run = async (command: ToolCommand, repetition: number): Promise<void> => {
      // Also lets the previous run's exit (its last writes, freed memory) settle.
      const quiet = await untilQuiet(options.quietWaitMs);
      const measured = await measureToolRun(command, bench, {
        repetition,
        directory,
        sampleIntervalMs: options.sampleIntervalMs,
        timeoutMs: options.timeoutMs,
        preflight: command.tool === 'idflow' ? preflight : [],
      });
      runs.push(measured);
      progress(runLine(measured, { latencyMs, repetitions: options.repetitions, quiet }));
    };
    for (let warmup = 0; warmup < options.warmups; warmup++) {
      await run(idflow, 0);
      await run(newman, 0);
    }
    for (let repetition = 1; repetition <= options.repetitions; repetition++) {
      const pair = repetition % 2 === 1 ? [idflow, newman] : [newman, idflow];
      for (const command of pair) await run(command, repetition);
    }
  } finally {
    await bench.emulator.close();
  }
  const measured = (tool: ToolRun['tool']) =>
    runs.filter((each) => each.tool === tool && each.repetition > 0);
  const figures = {
    latencyMs,
    idflow: toolFigures(measured('idflow')),
    newman: toolFigures(measured('newman')),
  };
  const context = { ...figures, criticalPathRoundTrips: critical.roundTrips };
  const problems = runs.flatMap((each) =>
    each.problems.map(
      (problem) =>
        `${each.tool} ${each.repetition === 0 ? 'warm-up' : `run ${each.repetition}`}: ${problem} ` +
        `(see ${each.stderrFile})`,
    ),
  );
  if (problems.length === 0) rmSync(directory, { recursive: true, force: true });
  return {
    ...figures,
    verdicts: judgeGoals(context),
    criticalPath: critical,
    preflight,
    runs,
    problems,
    directory: problems.length === 0 ? undefined : directory,
  };
}
