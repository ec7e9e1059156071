import { cited, echoes, equals, locationIsSelf } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import { NEW_ENVIRONMENT_LAG } from '../new-environment-lag.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED, OAS } from '../sources.ts';

/**
 * Step 5: the shared test user, in the run's population. The first call needing Identity Data
 * Admin, which PingOne assigns on the new environment when it is created, so it waits out the
 * documented role-assignment lag (NEW_ENVIRONMENT_LAG).
 */
export const createUser: StepDefinition = {
  id: '05-create-user',
  title: 'Create a user',
  docs: `${GETTING_STARTED}/step-5-create-a-user.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/users',
    auth: BEARER,
    body: {
      json: { email: '{{email}}', population: { id: '{{sharedPopID}}' }, username: '{{sharedUsername}}' },
    },
  },
  expect: jsonResource(201, 'pingone/user', OAS.createUser),
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(
      DOCS.userExample,
      echoes('/username', '{{sharedUsername}}'),
      echoes('/email', '{{email}}'),
      echoes('/population/id', '{{sharedPopID}}'),
      echoes('/environment/id', '{{envID}}'),
      equals('/enabled', true),
    ),
  ],
  captures: [{ variable: 'sharedUserID', pointer: '/id', id: true }],
  settle: NEW_ENVIRONMENT_LAG,
};

export const readUser: StepDefinition = {
  id: '05b-read-user',
  title: 'Read the new user',
  docs: `${GETTING_STARTED}/step-5-create-a-user.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/user', OAS.readUser),
  checks: cited(
    DOCS.userExample,
    echoes('/id', '{{sharedUserID}}'),
    echoes('/username', '{{sharedUsername}}'),
    echoes('/population/id', '{{sharedPopID}}'),
  ),
};
