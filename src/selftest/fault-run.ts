import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dotenvText, writeEnvFile } from '../files/env-file.ts';
import { runIdflowChild } from './child-run.ts';
import { failedTestsIn, firstFailureIn } from './first-failure.ts';
import { RUN_PREFIX } from '../flow/run/run-id.ts';
import type { EmulatorFault } from '../emulator/http/fault.ts';
import type { TargetDescriptor } from '../targets/registry.ts';
import type { RunObservation } from './verdict.ts';

/** One self-test run: a target's suites against its emulator serving `fault` (none: the control). */
export interface FaultRunPlan {
  readonly target: TargetDescriptor;
  readonly fault?: EmulatorFault;
  readonly timeoutMs: number;
}

/**
 * Starts the target's emulator in this process with the one fault, writes its variables to a
 * private env file, and runs `idflow run --target T --env FILE` in a child process, exactly as a
 * user would against a real tenant. What the run left in the emulator is read before it stops.
 * The emulator and the temporary folder (which holds the
 * emulator's secrets) are gone when this resolves.
 */
export async function runAgainstFault(plan: FaultRunPlan): Promise<RunObservation> {
  const emulator = await plan.target.startEmulator({ faults: plan.fault ? [plan.fault] : [] });
  const directory = mkdtempSync(join(tmpdir(), 'idflow-selftest-'));
  try {
    const envFile = join(directory, 'emulator.env');
    const report = join(directory, 'report.json');
    writeEnvFile(
      envFile,
      dotenvText(emulator.env(), `${plan.target.title} emulator, fault ${plan.fault?.name ?? '(none)'}`),
    );
    const args = [
      'run',
      '--target',
      plan.target.name,
      '--env',
      envFile,
      '--report',
      `json=${report}`,
      // A run with --env is a configured one, where an inferred expectation that does not hold is
      // only reported; the emulator is ours, so a harmful fault (or none) is judged strictly, and
      // a benign one as a real tenant would be: it must pass without --strict.
      ...(plan.fault?.harmful === false ? [] : ['--strict']),
    ];
    const exit = await runIdflowChild(args, { cwd: directory, timeoutMs: plan.timeoutMs });
    const firstFailure = firstFailureIn(report);
    const failures = failedTestsIn(report);
    const leftovers = emulator.leftovers(`${RUN_PREFIX}-`);
    return { ...exit, ...(firstFailure === undefined ? {} : { firstFailure }), failures, leftovers };
  } finally {
    await emulator.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
