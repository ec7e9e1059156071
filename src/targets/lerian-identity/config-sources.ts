/** Which setting each configured Lerian Identity run variable comes from, for messages. */
export const LERIAN_CONFIG_SOURCES: Readonly<Record<string, string>> = {
  authPath: 'LERIAN_AUTH_URL',
  identityPath: 'LERIAN_IDENTITY_URL',
  adminUsername: 'LERIAN_USERNAME',
  adminPassword: 'LERIAN_PASSWORD',
  clientId: 'LERIAN_CLIENT_ID',
  clientSecret: 'LERIAN_CLIENT_SECRET',
};
