import { availableParallelism } from 'node:os';
import { mapBounded } from './bounded-map.ts';
import { runAgainstFault, type FaultRunPlan } from './fault-run.ts';
import { judgeRun } from './judge.ts';
import { scoreOf, type SelfTestScore } from './score.ts';
import type { EmulatorFault } from '../emulator/http/fault.ts';
import type { TargetDescriptor } from '../targets/registry.ts';
import type { FaultResult, RunObservation } from './verdict.ts';

/** Default number of runs in flight: each is a whole vitest run, so at most two. */
export const DEFAULT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));
/** Default time one run may take before it is stopped and counted as errored. */
export const DEFAULT_RUN_TIMEOUT_MS = 180_000;

export interface SelfTestOptions {
  /** The targets whose suites are tested, each against its own catalogue. */
  readonly targets: readonly TargetDescriptor[];
  /** Only these faults of each target (a target with none of them is left out); default all. */
  readonly faultNames?: readonly string[];
  /** Runs in flight at once; default `DEFAULT_CONCURRENCY`. */
  readonly concurrency?: number;
  readonly runTimeoutMs?: number;
  /** Called as each run finishes, in completion order. */
  readonly onResult?: (result: FaultResult, index: number) => void;
  /** Replaces the real run (child `idflow run` against an in-process emulator), for tests. */
  readonly runner?: (plan: FaultRunPlan) => Promise<RunObservation>;
}

export interface SelfTestReport {
  /** The control run of each target first, then its faults in catalogue order. */
  readonly results: readonly FaultResult[];
  readonly score: SelfTestScore;
}

async function faultsOf(
  target: TargetDescriptor,
  names: readonly string[] | undefined,
): Promise<readonly EmulatorFault[]> {
  const faults = await target.faults();
  return names === undefined ? faults : faults.filter((fault) => names.includes(fault.name));
}

/** The runner's observation; a runner that throws (the emulator did not start) is a crashed run. */
async function observe(
  runner: (plan: FaultRunPlan) => Promise<RunObservation>,
  plan: FaultRunPlan,
): Promise<RunObservation> {
  const started = Date.now();
  try {
    return await runner(plan);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: null, timedOut: false, durationMs: Date.now() - started, stderrTail: reason };
  }
}

/** Every run the self-test makes: per target a control run (no fault), then one per fault. */
export async function planSelfTest(
  options: Pick<SelfTestOptions, 'targets' | 'faultNames' | 'runTimeoutMs'>,
): Promise<FaultRunPlan[]> {
  const timeoutMs = options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const plans: FaultRunPlan[] = [];
  for (const target of options.targets) {
    const faults = await faultsOf(target, options.faultNames);
    if (faults.length === 0) continue;
    plans.push({ target, timeoutMs }, ...faults.map((fault) => ({ target, fault, timeoutMs })));
  }
  return plans;
}

/**
 * Runs each target's suites once per fault of its catalogue, at most `concurrency` runs at a
 * time, and scores the outcome: harmful faults caught (the run exits 1), benign faults survived
 * (the run exits 0). A control run without any fault shows the suite is green to begin with.
 */
export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestReport> {
  const plans = await planSelfTest(options);
  const runner = options.runner ?? runAgainstFault;
  const results = await mapBounded(plans, options.concurrency ?? DEFAULT_CONCURRENCY, async (plan, index) => {
    const result = judgeRun(
      {
        target: plan.target.name,
        ...(plan.fault
          ? { fault: { ...plan.fault, catches: plan.target.faultCatches?.[plan.fault.name] } }
          : {}),
      },
      await observe(runner, plan),
    );
    options.onResult?.(result, index);
    return result;
  });
  return { results, score: scoreOf(results) };
}
