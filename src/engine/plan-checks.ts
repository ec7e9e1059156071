import { RecordedCheck } from './recorded-check.ts';
import { probeTouchesState } from './probe-effects.ts';
import { recordCheck } from '../runner/exchange-meta.ts';
import { runStepIn } from '../runner/run-step-check.ts';
import { probeTitle, runProbeIn } from '../runner/run-probe-check.ts';
import { runTeardownIn } from '../runner/run-teardown-check.ts';
import type { ActiveBaseline } from '../baseline/known-deviation.ts';
import type { CheckContext } from '../flow/run/check-context.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { SuitePlan } from '../flow/plan/suite-plan.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** One check of a run, with what must finish before it starts. */
export interface PlannedCheck {
  readonly check: RecordedCheck;
  /** The suite file it belongs to (`05-create-user`, `99-teardown`). */
  readonly file: string;
  readonly after: readonly PlannedCheck[];
  /** A probe (declared in its file's group of probes). */
  readonly probe: boolean;
  /**
   * A probe beside the flow: it waits for one of the run's probe slots. A probe the flow waits for
   * (one that touches state) never does, nor does a step: slots must not delay the critical path.
   */
  readonly throttled: boolean;
  /** Teardown: it runs whatever happened before it, `--bail` or not. */
  readonly teardown: boolean;
  readonly work: (context: CheckContext) => Promise<unknown>;
}

/** What {@link planChecks} needs besides the plan. */
export interface PlanOptions<Config> {
  readonly target: string;
  readonly config: Config;
  readonly session: FlowSession;
  readonly baseline: ActiveBaseline;
  /** The ids `--step`/`--grep` (or a read-only smoke) chose, or null: everything runs. */
  readonly selected: ReadonlySet<string> | null;
  /** `--smoke`: the flow only, no probe. */
  readonly smoke: boolean;
  /** `--keep`: teardown is skipped, naming what was kept. */
  readonly keep: boolean;
}

/** What a teardown that could not delete everything fails with: one line per leftover. */
export class TeardownIncompleteError extends Error {
  readonly code = 'TEARDOWN_INCOMPLETE';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'TeardownIncompleteError';
  }
}

/**
 * A target's checks in the order the suites declare them, each with what it waits for: a step
 * for the step before it (the flow builds one tenant state, in the docs' order) and for the
 * state-touching probes of earlier files; a probe that only provokes a refusal for the step it
 * probes (its outputs exist then) — the others for their file's last step, as the suites run
 * them; teardown for everything. A file-level barrier is thus kept only where a probe's effects
 * could meet a later step's.
 */
export function planChecks<Config>(plan: SuitePlan<Config>, options: PlanOptions<Config>): PlannedCheck[] {
  const { session, baseline, target } = options;
  const chosen = (id: string) => options.selected === null || options.selected.has(id);
  const named = (id: string) => options.selected !== null && options.selected.has(id);
  const planned: PlannedCheck[] = [];
  const byId = new Map<string, PlannedCheck>();
  let last: PlannedCheck | undefined;
  let touching: PlannedCheck[] = [];

  const stepCheck = (file: string, step: StepDefinition, skipReason?: string): void => {
    const check = new RecordedCheck({ name: `${step.id}: ${step.title}`, target, inGroup: false });
    const work = (context: CheckContext) =>
      skipReason === undefined
        ? recordCheck(context, { id: step.id, kind: 'step' }, () =>
            runStepIn(context, session, step, baseline),
          )
        : Promise.resolve(context.skip(skipReason));
    const entry: PlannedCheck = {
      check,
      file,
      after: [...(last ? [last] : []), ...touching],
      probe: false,
      throttled: false,
      teardown: false,
      work,
    };
    touching = [];
    planned.push(entry);
    byId.set(step.id, entry);
    last = entry;
  };

  for (const file of plan.files) {
    const smokeSkip =
      options.smoke && file.notInSmoke ? '--smoke: the flow only; this file holds error cases' : undefined;
    for (const step of file.steps.filter((each) => chosen(each.id))) stepCheck(file.file, step, smokeSkip);
    for (const step of (file.namedOnly ?? []).filter((each) => named(each.id))) stepCheck(file.file, step);
    const conditional = file.conditional;
    if (conditional) {
      const reason = conditional.applies(options.config) ? smokeSkip : conditional.reason;
      for (const step of conditional.steps.filter((each) => chosen(each.id)))
        stepCheck(file.file, step, reason);
    }
    if (options.smoke) continue;
    const endOfFile = last;
    for (const probe of file.probes.filter((each) => chosen(each.id))) {
      const touches = probeTouchesState(probe);
      const waitsFor = touches ? endOfFile : (byId.get(probe.stepId) ?? endOfFile);
      const entry: PlannedCheck = {
        check: new RecordedCheck({ name: probeTitle(probe), target, inGroup: true }),
        file: file.file,
        after: waitsFor ? [waitsFor] : [],
        probe: true,
        throttled: !touches,
        teardown: false,
        work: (context) =>
          recordCheck(context, { id: probe.id, kind: 'probe' }, () =>
            runProbeIn(context, session, probe, baseline),
          ),
      };
      planned.push(entry);
      if (touches) touching.push(entry);
    }
  }
  planned.push({
    check: new RecordedCheck({ name: `99-teardown: ${plan.teardownTitle}`, target, inGroup: false }),
    file: '99-teardown',
    after: [...planned],
    probe: false,
    throttled: false,
    teardown: true,
    work: (context) =>
      recordCheck(context, { id: '99-teardown', kind: 'teardown' }, async () => {
        const problems = await runTeardownIn(context, session, options.keep);
        if (problems.length > 0) throw new TeardownIncompleteError(problems);
      }),
  });
  return planned;
}
