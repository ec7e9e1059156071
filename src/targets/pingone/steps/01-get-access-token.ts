import { cited, equals } from '../../../flow/step/checks.ts';
import { BEARER, CORRELATED, GETTING_STARTED, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, OAS } from '../sources.ts';

/** Step 1: a worker-app token by client credentials (client_secret_basic, as the docs send it). */
export const getAccessToken: StepDefinition = {
  id: '01-get-access-token',
  title: 'Get a PingOne access token',
  docs: `${GETTING_STARTED}/step-1-get-access-token.html`,
  request: {
    method: 'POST',
    url: '{{authPath}}/{{adminEnvID}}/as/token',
    auth: { type: 'basic', username: '{{adminAppID}}', password: '{{adminAppSecret}}' },
    body: { form: { grant_type: 'client_credentials' } },
  },
  expect: {
    status: 200,
    contentType: /^application\/json\b/i,
    schema: 'pingone/token-response',
    headers: CORRELATED,
    source: DOCS.token,
  },
  checks: cited(DOCS.token, equals('/token_type', 'Bearer')),
  captures: [
    { variable: 'accessToken', pointer: '/access_token', secret: true },
    { variable: 'accessTokenExpiresIn', pointer: '/expires_in' },
  ],
};

/** Organization id for the license list, when PINGONE_ORG_ID is not configured. */
export const discoverOrganization: StepDefinition = {
  id: '01b-discover-organization',
  title: 'Discover the organization (GET /organizations)',
  docs: `${GETTING_STARTED}/step-2-read-all-licenses.html`,
  roles: ['Organization Admin'],
  request: { method: 'GET', url: '{{apiPath}}/organizations', auth: BEARER },
  expect: jsonResource(200, 'pingone/organizations', OAS.readOrganizations),
  captures: [{ variable: 'orgID', pointer: '/_embedded/organizations/0/id', keepExisting: true, id: true }],
};
