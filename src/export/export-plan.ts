import type { SuiteFilePlan } from '../flow/plan/suite-plan.ts';

export type { SuiteFilePlan } from '../flow/plan/suite-plan.ts';

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
  readonly suiteFiles: readonly SuiteFilePlan<Config>[];
  /** Every environment variable the steps read; filled from `config`, else left empty. */
  environment(config: Config | undefined): readonly ExportVariable[];
  /**
   * Postman sandbox JavaScript that makes a new run's test data (names, emails, a password,
   * tagged with a fresh run id) with `pm.collectionVariables.set`, as the target's sessions do.
   */
  readonly testDataScript: string;
}
