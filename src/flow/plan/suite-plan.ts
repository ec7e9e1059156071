import type { ProbeDefinition } from '../probe/probe.ts';
import type { StepDefinition } from '../step/step.ts';

/**
 * One suite file of a target: its steps in order, then its probes. The suites declare these as
 * vitest tests; idflow's own scheduler runs them; the Postman export lays them out as folders.
 */
export interface SuiteFilePlan<Config = unknown> {
  /** The suite file's name without `.test.ts`: `07-enable-user-mfa`. */
  readonly file: string;
  /** What the file's tests are grouped under in vitest's reports: `07 user MFA enabled`. */
  readonly title: string;
  readonly steps: readonly StepDefinition[];
  /** Steps run only when `idflow run --step` names them (the read-only smoke of a live environment). */
  readonly namedOnly?: readonly StepDefinition[];
  /**
   * Steps after `steps` that only some tenants can answer: run when `applies(config)` (for the
   * export: when `{{variable}}` is set), else skipped saying `reason`.
   */
  readonly conditional?: {
    readonly steps: readonly StepDefinition[];
    readonly variable: string;
    applies(config: Config): boolean;
    readonly reason: string;
  };
  readonly probes: readonly ProbeDefinition[];
  /** `idflow run --smoke` skips the whole file (error cases written as steps). */
  readonly notInSmoke?: boolean;
}

/** A target's suites as data: the files in run order, then the teardown's title. */
export interface SuitePlan<Config = unknown> {
  readonly files: readonly SuiteFilePlan<Config>[];
  /** `99-teardown: <title>`. */
  readonly teardownTitle: string;
}
