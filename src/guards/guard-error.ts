import { IdflowError } from '../errors/idflow-error.ts';

/**
 * - `PRODUCTION_REFUSED`: the run was about to create, change or delete a PRODUCTION environment;
 * - `NOT_OURS_REFUSED`: the run was about to delete an environment it did not create;
 * - `HOST_NOT_ALLOWED`: credentials would go to a host that is neither the vendor's nor loopback;
 * - `MALFORMED_PATH_REFUSED`: a write's path is not well-formed or names no well-formed environment;
 * - `FOREIGN_ORIGIN_REFUSED`: a link the tenant gave (`_links.next`, `Location`) leads off the configured
 * origin;
 * - `READ_ONLY_REFUSED`: a read-only run (`--smoke` on an existing environment) was about to write.
 */
export type GuardErrorCode =
  | 'PRODUCTION_REFUSED'
  | 'NOT_OURS_REFUSED'
  | 'HOST_NOT_ALLOWED'
  | 'MALFORMED_PATH_REFUSED'
  | 'FOREIGN_ORIGIN_REFUSED'
  | 'READ_ONLY_REFUSED';

/** Refusals caused by what the tenant answered (a malformed id, a foreign link), not by the configuration. */
const TENANT_CAUSED: ReadonlySet<GuardErrorCode> = new Set([
  'MALFORMED_PATH_REFUSED',
  'FOREIGN_ORIGIN_REFUSED',
]);

/**
 * A safety guard refused a request. Usually the configuration's fault (exit code 2): the message
 * names the environment or host and what to change; a refusal of what the tenant answered (a
 * malformed id, a link to another origin) is the API's (exit code 1).
 */
export class GuardError extends IdflowError {
  declare readonly code: GuardErrorCode;

  constructor(code: GuardErrorCode, message: string) {
    super(code, message, { fault: TENANT_CAUSED.has(code) ? 'api' : 'config' });
  }
}
