import type { SettlePolicy } from '../../flow/step/settle.ts';

/**
 * PingOne's documented lag right after `POST /environments`: calls into the new environment can
 * briefly answer 401/403 `ACCESS_FAILED` ("environment still propagating"; the Terraform provider
 * retries the message "The request could not be completed. You do not have access to this
 * resource."), its sub-resources may 404 `NOT_FOUND` (OpenAPI note x-pingone-docs-8830), and the
 * role assignments made for the new environment may lag (403 `ACCESS_FAILED`).
 *
 * Steps opt in with `settle: NEW_ENVIRONMENT_LAG`, and only the first call needing each kind of
 * access (see the steps): 03c, the first call into any sub-resource (Environment Admin), and 05,
 * the first call needing Identity Data Admin, which PingOne grants on the new environment itself.
 * 04 and later Environment Admin calls come after 03c has proven that access settled.
 *
 * Half a second, then waits growing by a quarter up to 2 s, within 30 s: a settled tenant costs
 * one ask, a propagating one a few seconds, and a lasting 403 fails 30 s later with the usual hint.
 */
export const NEW_ENVIRONMENT_LAG: SettlePolicy = {
  subject: 'environment',
  variable: 'envID',
  statuses: [401, 403, 404],
  codes: ['ACCESS_FAILED', 'NOT_FOUND'],
  poll: { deadlineMs: 30_000, intervalMs: 500, growth: 1.25, maxIntervalMs: 2_000 },
  why:
    'PingOne documents that calls into a just-created environment can answer 401/403 ACCESS_FAILED or 404 ' +
    'NOT_FOUND while it propagates, so this step is asked again (a 401/403/404 means nothing was processed)',
};
