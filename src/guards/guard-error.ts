import { IdflowError } from '../errors/idflow-error.ts';

/**
 * - `PRODUCTION_REFUSED`: the run was about to create, change or delete a PRODUCTION environment;
 * - `NOT_OURS_REFUSED`: the run was about to delete an environment it did not create;
 * - `HOST_NOT_ALLOWED`: credentials would go to a host that is neither the vendor's nor loopback.
 */
export type GuardErrorCode = 'PRODUCTION_REFUSED' | 'NOT_OURS_REFUSED' | 'HOST_NOT_ALLOWED';

/**
 * A safety guard refused a request. It is the configuration's fault (exit code 2): the message
 * names the environment or host and what to change.
 */
export class GuardError extends IdflowError {
  declare readonly code: GuardErrorCode;

  constructor(code: GuardErrorCode, message: string) {
    super(code, message, { fault: 'config' });
  }
}
