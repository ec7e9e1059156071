import { ledgerFileFromEnvironment } from './ledger-file.ts';
import { createdResource, givenName } from './created-resource.ts';
import { DeadlineGate } from './deadline-gate.ts';
import { executeStep, stepInputs, type StepOutcome } from '../step/execute-step.ts';
import type { StepContext } from '../step/step-context.ts';
import { Ledger, type LedgerEntry, type LedgerJournal } from './ledger.ts';
import { newRunId } from './run-id.ts';
import { runTeardown, type CleanupReport } from './teardown.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { PollOptions } from '../step/poll.ts';
import { RunState } from './run-state.ts';
import { runDeadlineFromEnvironment, type RunDeadline } from '../../process/run-deadline.ts';
import type { Cleanup, StepDefinition } from '../step/step.ts';
import { UnansweredEndpoints } from './unanswered-endpoints.ts';
import { UnreachableHosts } from './unreachable-hosts.ts';

export type StepRun =
  { readonly status: 'skipped'; readonly reason: string } | ({ readonly status: 'passed' } & StepOutcome);

/** A step run in place of another (step 03 when the configuration names an existing environment). */
export interface StepSubstitute {
  /** Sent instead of the original; its captures are ignored, `accept` decides what it provides. */
  readonly step: StepDefinition;
  /** Why the original is skipped; the original is reported skipped with it once `accept` passed. */
  readonly reason: string;
  /** The run variables the answer provides, or throws, loudly, when the run must not go on. */
  readonly accept: (response: HttpResponse) => Record<string, unknown>;
}

/** Options of a {@link FlowSession}. */
export interface FlowSessionOptions {
  readonly context: StepContext;
  readonly catalogue: readonly StepDefinition[];
  /** Target name, written in the durable ledger so `idflow run` knows how to drain it. */
  readonly target?: string;
  /** Durable copy of the ledger; default: a ledger file when `idflow run` asked for one. */
  readonly journal?: LedgerJournal;
  /** Steps replaced by another step, by id. */
  readonly substitutes?: Readonly<Record<string, StepSubstitute>>;
  /** Cleanups owed by steps that declare none (creations inside an environment the run did not create). */
  readonly extraCleanups?: Readonly<Record<string, Cleanup>>;
  /** The whole-run deadline; default: the one `idflow run --deadline` set for this process, if any. */
  readonly runDeadline?: RunDeadline | undefined;
}

/**
 * One run of one target's flow: its variables, what each step did, and the ledger of what it
 * created. Suites drive it step by step; it decides skips and records cleanups.
 */
export class FlowSession {
  readonly state: RunState;
  readonly ledger: Ledger;
  readonly context: StepContext;
  readonly #substitutes: Readonly<Record<string, StepSubstitute>>;
  readonly #extraCleanups: Readonly<Record<string, Cleanup>>;
  readonly #deadline: DeadlineGate;
  readonly #unanswered = new UnansweredEndpoints();
  readonly #unreachable = new UnreachableHosts();

  constructor(options: FlowSessionOptions) {
    this.context = options.context;
    this.state = new RunState(options.catalogue);
    this.#substitutes = options.substitutes ?? {};
    this.#extraCleanups = options.extraCleanups ?? {};
    this.#deadline = new DeadlineGate(options.runDeadline ?? runDeadlineFromEnvironment());
    const runId = options.context.vars.get('runId');
    this.ledger = new Ledger(
      options.journal ??
        ledgerFileFromEnvironment({
          runId: typeof runId === 'string' ? runId : newRunId(),
          target: options.target,
        }),
    );
  }

  get vars() {
    return this.context.vars;
  }

  /** Why `step` cannot run now, or undefined when every input is available. */
  blockedReason(step: StepDefinition): string | undefined {
    const missing = this.context.vars.missing(stepInputs(step));
    return missing.length > 0 ? this.state.skipReason(missing) : undefined;
  }

  /**
   * Runs a step unless an input is missing or the whole-run deadline has passed (the first step
   * after it fails, later ones are skipped); records the outcome. A step that owes a cleanup is
   * recorded in the ledger as soon as its answer shows what it created, before any check, so a
   * creation that fails its checks is still deleted.
   */
  async run(step: StepDefinition): Promise<StepRun> {
    const verdict = this.#deadline.admit(step);
    if (verdict.kind === 'fail') {
      this.state.record(step.id, 'failed');
      throw verdict.error;
    }
    if (verdict.kind === 'skip') {
      this.state.record(step.id, 'skipped');
      return { status: 'skipped', reason: verdict.reason };
    }
    const substitute = this.#substitutes[step.id];
    if (substitute) return this.#substitute(step, substitute);
    const reason =
      this.blockedReason(step) ??
      this.#unanswered.skipReason(step) ??
      this.#unreachable.skipReason(step, this.context.vars.lookup);
    if (reason) {
      this.state.record(step.id, 'skipped');
      return { status: 'skipped', reason };
    }
    const cleanup = step.cleanup ?? this.#extraCleanups[step.id];
    const inFlight = cleanup && this.#inFlight(step, cleanup);
    const onAnswer = cleanup
      ? (response: HttpResponse) => {
          this.#remember(step, cleanup, response);
          if (inFlight) this.ledger.remove(inFlight);
        }
      : undefined;
    try {
      const outcome = await executeStep(step, this.context, onAnswer);
      this.state.record(step.id, 'passed');
      return { status: 'passed', ...outcome };
    } catch (error) {
      const unreachable = this.#unreachable.note(step, error);
      if (unreachable !== undefined) {
        this.state.record(step.id, 'skipped');
        return { status: 'skipped', reason: unreachable };
      }
      this.state.record(step.id, 'failed');
      this.#deadline.noteFailure(error);
      this.#unanswered.note(step, error);
      throw error;
    } finally {
      if (inFlight) this.ledger.remove(inFlight);
    }
  }

  /**
   * Records, before a creating request goes out, the name it sends: if this process dies before
   * the answer arrives, its ledger file still says what the tenant may hold.
   */
  #inFlight(step: StepDefinition, cleanup: Cleanup): LedgerEntry | undefined {
    const name = givenName(step, this.context.vars);
    if (name === undefined) return undefined;
    const entry: LedgerEntry = { stepId: step.id, cleanup, values: {}, unidentified: name, inFlight: true };
    this.ledger.add(entry);
    return entry;
  }

  /** Deletes what this run created, newest first; ids as created, the token as it is now. */
  teardown(poll?: PollOptions, alsoOk?: readonly number[]): Promise<CleanupReport[]> {
    return runTeardown(this.ledger, this.context.client, {
      poll,
      live: this.context.vars.lookup,
      ...(alsoOk ? { alsoOk } : {}),
    });
  }

  async #substitute(step: StepDefinition, substitute: StepSubstitute): Promise<StepRun> {
    const blocked = this.blockedReason(substitute.step);
    if (blocked) {
      this.state.record(step.id, 'skipped');
      return { status: 'skipped', reason: blocked };
    }
    try {
      const outcome = await executeStep({ ...substitute.step, captures: [] }, this.context);
      for (const [name, value] of Object.entries(substitute.accept(outcome.response)))
        this.context.vars.set(name, value, { from: step.id });
    } catch (error) {
      this.state.record(step.id, 'failed');
      this.#deadline.noteFailure(error);
      throw error;
    }
    this.state.record(step.id, 'skipped');
    return { status: 'skipped', reason: substitute.reason };
  }

  #remember(step: StepDefinition, cleanup: Cleanup, response: HttpResponse): void {
    const entry = createdResource(step, cleanup, response, this.context.vars);
    if (entry) this.ledger.add(entry);
  }
}
