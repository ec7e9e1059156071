import { selectBaseline } from '../baseline/select-baseline.ts';
import { vetTargetsTransport } from '../targets/vet-targets.ts';
import { planChecks, type PlannedCheck } from './plan-checks.ts';
import { runChecks } from './run-checks.ts';
import { moduleViews } from './module-views.ts';
import type { CheckView, ModuleView } from '../flow/run/check-view.ts';
import type { SuitePlan } from '../flow/plan/suite-plan.ts';
import type { TargetDescriptor } from '../targets/registry.ts';
import { schemaRegistry } from '../schema/registry.ts';

/** What {@link runPlans} is told: the run's configuration and options. */
export interface RunPlansOptions {
  readonly variables: Record<string, string>;
  readonly source: string;
  /** `--baseline FILE`, absolute. */
  readonly baselineFile?: string | undefined;
  readonly strict: boolean;
  readonly smoke: boolean;
  readonly keep: boolean;
  /** `--bail N`: after N failed checks no further check starts (teardown still runs). */
  readonly bail?: number | undefined;
  /** The ids chosen per target (`--step`, `--grep`, a read-only smoke); a target absent runs everything. */
  readonly selection: ReadonlyMap<string, readonly string[]>;
  /** Called as each check finishes. */
  readonly finished?: (check: CheckView) => void;
}

/** How a run of plans ended: one module per suite file, and whether `--bail` stopped it. */
export interface PlansOutcome {
  readonly modules: readonly ModuleView[];
  readonly bailed: boolean;
}

async function runTarget(
  target: TargetDescriptor & { readonly plan: SuitePlan },
  options: RunPlansOptions,
  stopReason: () => string | undefined,
  finished: (planned: PlannedCheck) => void,
): Promise<ModuleView[]> {
  // Every check's answer is validated against the schemas: loaded before the run sends anything,
  // so a broken schema file stops the run before it touches the tenant, not after it created things.
  schemaRegistry();
  const configured = target.resolveConfig(options.variables, options.source);
  const baseline = selectBaseline({
    target,
    explicitFile: options.baselineFile,
    emulated: configured === undefined,
  });
  // `idflow run` vetted this before it started; a name resolving elsewhere now is caught here.
  if (configured !== undefined) await vetTargetsTransport([target], options.variables, options.source);
  const emulator = configured === undefined ? await target.startEmulator({}) : undefined;
  try {
    const config = configured ?? target.resolveConfig(emulator?.env() ?? {}, 'embedded emulator');
    if (config === undefined)
      throw new Error(`The embedded ${target.title} emulator produced no configuration`);
    const calibration = configured === undefined ? undefined : { lenient: !options.strict };
    const session = (await target.sessionFactory()).create(config, calibration);
    const chosen = options.selection.get(target.name);
    const checks = planChecks(target.plan, {
      target: target.name,
      config,
      session,
      baseline,
      selected: chosen === undefined ? null : new Set(chosen),
      smoke: options.smoke,
      keep: options.keep,
    });
    try {
      await runChecks(checks, { finished, stopReason });
    } finally {
      await session.context.client.close();
    }
    return moduleViews(target, checks);
  } finally {
    await emulator?.close();
  }
}

/**
 * Runs each target's plan with idflow's own scheduler (targets side by side, as vitest runs
 * their projects): against the tenant its configuration names, else its embedded emulator on a
 * loopback port, closed after the run; under the known-deviations baseline that applies.
 */
export async function runPlans(
  targets: ReadonlyArray<TargetDescriptor & { readonly plan: SuitePlan }>,
  options: RunPlansOptions,
): Promise<PlansOutcome> {
  let failures = 0;
  const bail = options.bail;
  const stopReason = () =>
    bail !== undefined && failures >= bail
      ? `not run: --bail ${bail} reached (${failures} failed)`
      : undefined;
  const finished = (planned: PlannedCheck) => {
    if (planned.check.result().state === 'failed') failures += 1;
    options.finished?.(planned.check);
  };
  const modules = await Promise.all(
    targets.map((target) => runTarget(target, options, stopReason, finished)),
  );
  return { modules: modules.flat(), bailed: stopReason() !== undefined };
}

/** Whether every target has a plan, so idflow's scheduler can run them all. */
export function allPlanned(
  targets: readonly TargetDescriptor[],
): targets is ReadonlyArray<TargetDescriptor & { readonly plan: SuitePlan }> {
  return targets.every((target) => target.plan !== undefined);
}
