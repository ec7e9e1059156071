import { absent, cited, equals } from '../../../flow/step/checks.ts';
import { DOCS, JSON_BODY, jsonAnswer } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { SOURCES } from '../sources.ts';

const TOKEN_URL = '{{authPath}}/v1/login/oauth/access_token';

/** Step 1: the admin user's token (password grant), when an admin user is configured. */
export const adminUserToken: StepDefinition = {
  id: '01-admin-user-token',
  title: 'Request an access token as the admin user (password grant)',
  docs: `${DOCS}/request-access-token`,
  request: {
    method: 'POST',
    url: TOKEN_URL,
    auth: { type: 'none' },
    body: { json: { grantType: 'password', username: '{{adminUsername}}', password: '{{adminPassword}}' } },
  },
  expect: jsonAnswer(200, 'oauth2-token', SOURCES.token),
  checks: [
    ...cited(SOURCES.token, equals('/tokenType', 'Bearer')),
    ...cited(SOURCES.challengeOnlyWithMfa, absent('/mfaToken', 'no MFA challenge for the admin')),
  ],
  captures: [
    { variable: 'accessToken', pointer: '/accessToken', secret: true },
    // The token keeper reads the lifetime here, to refresh before the token ends.
    { variable: 'accessTokenExpiresIn', pointer: '/expiresIn' },
    { variable: 'refreshToken', pointer: '/refreshToken', secret: true },
  ],
};

/** Step 1b: the M2M application's token; it provides `accessToken` when no admin user is configured. */
export const applicationToken: StepDefinition = {
  id: '01b-application-token',
  title: 'Request an access token as the M2M application (client_credentials)',
  docs: `${DOCS}/request-access-token`,
  request: {
    method: 'POST',
    url: TOKEN_URL,
    auth: { type: 'none' },
    body: {
      json: { grantType: 'client_credentials', clientId: '{{clientId}}', clientSecret: '{{clientSecret}}' },
    },
  },
  expect: jsonAnswer(200, 'oauth2-token', SOURCES.token),
  checks: cited(SOURCES.token, equals('/tokenType', 'Bearer')),
  captures: [
    { variable: 'accessToken', pointer: '/accessToken', secret: true, keepExisting: true },
    { variable: 'accessTokenExpiresIn', pointer: '/expiresIn', keepExisting: true },
  ],
};

/** Step 1c: the refresh token gives a new pair. */
export const refreshAdminToken: StepDefinition = {
  id: '01c-refresh-token',
  title: 'Refresh the admin token',
  docs: `${DOCS}/refresh-token`,
  request: {
    method: 'POST',
    url: '{{authPath}}/v1/login/oauth/refresh_token',
    auth: { type: 'none' },
    body: { json: { refreshToken: '{{refreshToken}}' } },
  },
  expect: {
    status: 200,
    contentType: JSON_BODY,
    schema: 'lerian-identity/oauth2-token',
    source: SOURCES.refresh,
  },
  checks: cited(SOURCES.token, equals('/tokenType', 'Bearer')),
  captures: [{ variable: 'accessToken', pointer: '/accessToken', secret: true }],
};
