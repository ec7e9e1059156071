import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** One suite file of a target, as the export lays it out: its steps in order, then its probes. */
export interface SuiteFilePlan {
  /** The suite file's name without `.test.ts`: `07-enable-user-mfa`. */
  readonly file: string;
  readonly steps: readonly StepDefinition[];
  /** Steps after `steps` that only some tenants can answer: sent when `{{variable}}` is set, else skipped saying `reason`. */
  readonly conditional?: {
    readonly steps: readonly StepDefinition[];
    readonly variable: string;
    readonly reason: string;
  };
  readonly probes: readonly ProbeDefinition[];
}

/** One variable of the exported Postman environment. */
export interface ExportVariable {
  readonly key: string;
  readonly value: string;
  readonly secret?: boolean;
}

/**
 * What a target tells `idflow export` (the target's descriptor field `postmanExport`): its suite
 * files in run order (teardown is added from the steps' cleanups), its configuration as the
 * vendor's Postman variables, and a script that makes a run's test data.
 */
export interface PostmanExportPlan<Config> {
  readonly suiteFiles: readonly SuiteFilePlan[];
  /** Every environment variable the steps read; filled from `config`, else left empty. */
  environment(config: Config | undefined): readonly ExportVariable[];
  /**
   * Postman sandbox JavaScript that makes a new run's test data (names, emails, a password,
   * tagged with a fresh run id) with `pm.collectionVariables.set`, as the target's sessions do.
   */
  readonly testDataScript: string;
}
