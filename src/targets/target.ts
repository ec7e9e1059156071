import type { DrainResult } from '../cleanup/drain-session.ts';
import type { SweepOptions } from '../cleanup/sweep-options.ts';
import type { SweepReport } from '../cleanup/sweep-line.ts';
import type { PostmanVocabulary } from '../config/postman-environment.ts';
import type { PostmanExportPlan } from '../export/export-plan.ts';
import type { SuitePlan } from '../flow/plan/suite-plan.ts';
import type { DoctorFinding, DoctorOptions } from '../doctor/finding.ts';
import type { EmulatorFault } from '../emulator/http/fault.ts';
import type { EmulatorTls } from '../emulator/http/server.ts';
import type { EmulatorLeftover } from '../emulator/http/leftover.ts';
import type { FaultCatches } from './fault-catch.ts';
import type { LedgerEntry } from '../flow/run/ledger.ts';
import type { PollOptions } from '../flow/step/poll.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { StepDefinition } from '../flow/step/step.ts';
import type { Calibration } from '../flow/step/source.ts';
import type { CredentialTransport } from '../guards/transport-guard.ts';

/** Options every target's standalone emulator accepts (the `idflow emulator` flags). */
export interface EmulatorStartOptions {
  readonly host?: string;
  readonly port?: number;
  readonly latencyMs?: number;
  readonly tokenTtlSeconds?: number;
  readonly clientSecret?: string;
  readonly faults?: readonly EmulatorFault[];
  /** Serve https:// with this certificate (`idflow emulator --tls-cert --tls-key`). */
  readonly tls?: EmulatorTls;
}

/** A target's emulator, listening. */
export interface RunningEmulator {
  readonly url: string;
  env(): Record<string, string>;
  /** What runs left in the emulator: resources named with `prefix`. */
  leftovers(prefix: string): readonly EmulatorLeftover[];
  close(): Promise<void>;
}

/** Builds the flow sessions of a target. */
export interface SessionFactory<Config> {
  /** A fresh flow session (its own run id) from the validated configuration. */
  create(config: Config, calibration?: Calibration): FlowSession;
}

/** What `idflow sweep` knows of a target besides its dead runs' ledgers. */
export interface TargetSweep<Config> {
  /** What is swept, for the help text: `SANDBOX environments named idflow-… (never PRODUCTION)`. */
  readonly summary: string;
  /** What is swept and where: `SANDBOX environments named idflow-… older than 2h at https://…`. */
  describe(config: Config, olderThan: string): string;
  /** Said instead of the lines when nothing is named like a run's. */
  readonly nothingFound: string;
  /** Lists the tenant's resources named like a run's and deletes (or, dry, lists) the old ones. */
  list(config: Config, options: SweepOptions): Promise<SweepReport>;
}

/**
 * Everything the generic layers (CLI, cleanup, baseline, runner, self-test, vitest config) know
 * of one target; each target exports one from `src/targets/<target>/index.ts`. `Config` is the
 * target's validated configuration: the generic layers only pass it back to the same descriptor.
 * Heavy parts (emulator, faults, session, drain, doctor) load on demand, so a command that only
 * parses its options loads none of them.
 */
export interface TargetDescriptor<Config = unknown> extends PostmanVocabulary {
  readonly name: string;
  readonly title: string;
  /** The committed example env file users copy. */
  readonly envExample: string;
  /** The prefix of every variable the target reads (`ACME_`). */
  readonly variablePrefix: string;
  /** The variable that allows more hosts for its credentials (`ACME_ALLOW_HOST`); `--allow-host` feeds it. */
  readonly allowHostVariable: string;
  /** The hosts its credentials may go to without `--allow-host`, for the help text (`*.acme.<tld>`). */
  readonly documentedHosts: string;
  /** Glob of the target's vitest suite files, from the package root. */
  readonly suites: string;
  /** Validated configuration, or undefined when none of the target's variables is set. */
  resolveConfig(variables: Record<string, string>, source: string): Config | undefined;
  /** Where the configuration sends credentials, for the transport guard. */
  transport(config: Config): CredentialTransport;
  /**
   * Which tenant the configuration works in (origins and ids, no secret), recorded beside a run's ledgers.
   */
  tenant(config: Config): string;
  /** The configured base URL every ledger entry's URLs start from (`apiPath`). */
  ledgerBase(config: Config): { readonly variable: string; readonly url: string };
  /** Every check id its suites run through the baseline hook: a baseline entry naming another is stale. */
  checkIds(): readonly string[];
  /** Its documented steps (flow order) and troubleshooting probes, for the README's tables. */
  catalogue(): { readonly steps: readonly StepDefinition[]; readonly probes: readonly ProbeDefinition[] };
  /**
   * The step ids `idflow run --smoke` runs instead of the flow when the configuration names a live
   * environment: only reads, production environments included (with `writePopulation`, also one
   * user's lifecycle confined to that population); undefined runs the smoke flow.
   */
  readOnlySmoke?(
    config: Config,
    options?: { readonly writePopulation?: string | undefined },
  ): readonly string[] | undefined;
  /** Loads the factory of its flow sessions. */
  sessionFactory(): Promise<SessionFactory<Config>>;
  /** Deletes ledger entries a run left (newest first), with a fresh session of the configuration. */
  drain(config: Config, entries: readonly LedgerEntry[], poll?: PollOptions): Promise<DrainResult>;
  /** `idflow sweep`'s listing of the tenant; undefined for a target it cannot list. */
  readonly sweep?: TargetSweep<Config>;
  /** `idflow doctor`'s read-only preflight of the configured tenant. */
  doctor(config: Config, options?: DoctorOptions): Promise<DoctorFinding[]>;
  startEmulator(options: EmulatorStartOptions): Promise<RunningEmulator>;
  /** Loads its emulator's fault catalogue. */
  faults(): Promise<readonly EmulatorFault[]>;
  /** What `idflow export --format postman` makes of its suites; a target without one cannot be exported. */
  readonly postmanExport?: PostmanExportPlan<Config>;
  /**
   * Its suites as data (files, steps, probes): `idflow run` schedules them itself; a target
   * without one runs its suite files through vitest.
   */
  readonly plan?: SuitePlan<Config>;
  /** Where its suites must catch some of those faults (`idflow selftest` checks it). */
  readonly faultCatches?: FaultCatches;
}
