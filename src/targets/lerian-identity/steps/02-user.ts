import { absent, cited, echoes } from '../../../flow/step/checks.ts';
import { BEARER, DOCS, jsonAnswer } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { SOURCES } from '../sources.ts';

const USER_URL = '{{identityPath}}/v1/users/{{userID}}';

/** Step 2: the run's test user, with the documented UserInput; teardown deletes it. */
export const createUser: StepDefinition = {
  id: '02-create-user',
  title: 'Create a user',
  docs: `${DOCS}/create-user`,
  request: {
    method: 'POST',
    url: '{{identityPath}}/v1/users',
    auth: BEARER,
    body: {
      json: {
        email: '{{email}}',
        firstName: '{{firstName}}',
        lastName: '{{lastName}}',
        password: '{{userPassword}}',
        username: '{{username}}',
      },
    },
  },
  expect: jsonAnswer(201, 'user', SOURCES.createUser),
  checks: cited(
    SOURCES.userResponse,
    echoes('/username', '{{username}}'),
    echoes('/email', '{{email}}'),
    echoes('/firstName', '{{firstName}}'),
    echoes('/lastName', '{{lastName}}'),
    absent('/password', 'the password is never returned'),
  ),
  captures: [{ variable: 'userID', pointer: '/id', id: true }],
  cleanup: {
    description: 'the test user created in step 02',
    request: { method: 'DELETE', url: USER_URL, auth: BEARER },
    okStatuses: [200, 204, 404],
    confirmGone: { method: 'GET', url: USER_URL, auth: BEARER },
  },
};

export const readUser: StepDefinition = {
  id: '02b-read-user',
  title: 'Retrieve the new user',
  docs: `${DOCS}/retrieve-user-details`,
  request: { method: 'GET', url: USER_URL, auth: BEARER },
  expect: jsonAnswer(200, 'user', SOURCES.readUser),
  checks: cited(SOURCES.userResponse, echoes('/id', '{{userID}}'), echoes('/username', '{{username}}')),
};
