import type { SuiteFilePlan } from '../flow/plan/suite-plan.ts';
import type { RequestTemplate } from '../flow/step/step.ts';

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
  /**
   * Reads made just before a teardown DELETE, by the id of the step whose cleanup it is: what
   * `idflow run`'s guards check in its HTTP middleware, which a collection does not have.
   */
  readonly deleteGuards?: Readonly<Record<string, DeleteGuard>>;
}

/**
 * What a resource must still be for the exported teardown to delete it: `read` is sent just
 * before the DELETE, and each JSON pointer of its answer must equal its template; otherwise the
 * DELETE is not sent and the test "delete only what the run created" fails saying why. A read
 * answering 404 skips the DELETE quietly (already gone).
 */
export interface DeleteGuard {
  readonly read: RequestTemplate;
  readonly equals: Readonly<Record<string, string>>;
  /** Why, as the failure says it. */
  readonly why: string;
}
