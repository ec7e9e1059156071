/**
 * PingOne's Postman environment variables (as in the docs' "Run in Postman" template) and the
 * idflow variables they hold. `apiPath` and `authPath` contain `{{tld}}`, filled from `tld`.
 */
export const PINGONE_POSTMAN_KEYS: Readonly<Record<string, string>> = {
  apiPath: 'PINGONE_API_URL',
  authPath: 'PINGONE_AUTH_URL',
  adminEnvID: 'PINGONE_ADMIN_ENV_ID',
  adminAppID: 'PINGONE_CLIENT_ID',
  adminAppSecret: 'PINGONE_CLIENT_SECRET',
  orgID: 'PINGONE_ORG_ID',
  licenseID: 'PINGONE_LICENSE_ID',
  envID: 'PINGONE_ENV_ID',
};

/** The Postman key holding an idflow variable, if there is one. */
export function postmanKeyOf(variable: string): string | undefined {
  return Object.entries(PINGONE_POSTMAN_KEYS).find(([, name]) => name === variable)?.[0];
}

/** PingOne's template leaves `tld` out for its North America region (`pingone.com`). */
export const PINGONE_POSTMAN_DEFAULTS: Readonly<Record<string, string>> = { tld: 'com' };
