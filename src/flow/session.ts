import { executeStep, stepInputs, type StepContext, type StepOutcome } from './execute-step.ts';
import { Ledger } from './ledger.ts';
import { runTeardown, type CleanupReport } from './teardown.ts';
import type { PollOptions } from './poll.ts';
import { RunState } from './run-state.ts';
import type { StepDefinition } from './step.ts';

export type StepRun = { readonly status: 'skipped'; readonly reason: string } | ({ readonly status: 'passed' } & StepOutcome);

/**
 * One run of one target's flow: its variables, what each step did, and the ledger of what it
 * created. Suites drive it step by step; it decides skips and records cleanups.
 */
export class FlowSession {
  readonly state: RunState;
  readonly ledger = new Ledger();
  readonly context: StepContext;

  constructor(options: { context: StepContext; catalogue: readonly StepDefinition[] }) {
    this.context = options.context;
    this.state = new RunState(options.catalogue);
  }

  get vars() {
    return this.context.vars;
  }

  /** Why `step` cannot run now, or undefined when every input is available. */
  blockedReason(step: StepDefinition): string | undefined {
    const missing = this.context.vars.missing(stepInputs(step));
    return missing.length > 0 ? this.state.skipReason(missing) : undefined;
  }

  /** Runs a step unless an input is missing; records the outcome and any cleanup it owes. */
  async run(step: StepDefinition): Promise<StepRun> {
    const reason = this.blockedReason(step);
    if (reason) {
      this.state.record(step.id, 'skipped');
      return { status: 'skipped', reason };
    }
    try {
      const outcome = await executeStep(step, this.context);
      this.state.record(step.id, 'passed');
      if (step.cleanup) this.#remember(step);
      return { status: 'passed', ...outcome };
    } catch (error) {
      this.state.record(step.id, 'failed');
      throw error;
    }
  }

  /** Deletes what this run created, newest first; ids as created, the token as it is now. */
  teardown(poll?: PollOptions): Promise<CleanupReport[]> {
    return runTeardown(this.ledger, this.context.client, { poll, live: this.context.vars.lookup });
  }

  #remember(step: StepDefinition): void {
    const cleanup = step.cleanup;
    if (!cleanup) return;
    const names = stepInputs({ ...step, request: cleanup.request, derive: [], checks: [] });
    const values: Record<string, unknown> = {};
    for (const name of names) {
      if (!this.context.vars.origin(name)?.secret) values[name] = this.context.vars.get(name);
    }
    this.ledger.add({ stepId: step.id, cleanup, values });
  }
}
