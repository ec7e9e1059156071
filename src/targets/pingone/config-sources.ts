/**
 * Which setting each configured run variable comes from, so messages name what a user edits
 * (`apiPath (PINGONE_API_URL or PINGONE_REGION)`) instead of the docs' Postman name alone.
 */
export const PINGONE_CONFIG_SOURCES: Readonly<Record<string, string>> = {
  apiPath: 'PINGONE_API_URL or PINGONE_REGION',
  authPath: 'PINGONE_AUTH_URL or PINGONE_REGION',
  region: 'PINGONE_REGION',
  adminEnvID: 'PINGONE_ADMIN_ENV_ID',
  adminAppID: 'PINGONE_CLIENT_ID',
  adminAppSecret: 'PINGONE_CLIENT_SECRET',
  orgID: 'PINGONE_ORG_ID',
  licenseID: 'PINGONE_LICENSE_ID',
  envID: 'PINGONE_ENV_ID',
  canaryUserID: 'PINGONE_SMOKE_USER_ID',
};
