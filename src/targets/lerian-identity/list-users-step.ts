import { BEARER, DOCS, JSON_BODY } from './conventions.ts';
import type { StepDefinition } from '../../flow/step/step.ts';
import { SOURCES } from './sources.ts';

/**
 * `GET /v1/users?page={{usersPage}}&limit={{usersLimit}}`: one page of the tenant's users, what
 * `idflow sweep` reads to find test users nobody deleted. Not part of the MFA flow. No schema:
 * the list's shape is not documented (see the sweep's listing for the shapes it accepts).
 */
export const listUsersPage: StepDefinition = {
  id: 'sweep-list-users',
  title: 'List users (one page)',
  docs: `${DOCS}/am-identity-apis`,
  request: {
    method: 'GET',
    url: '{{identityPath}}/v1/users?page={{usersPage}}&limit={{usersLimit}}',
    auth: BEARER,
  },
  expect: { status: 200, contentType: JSON_BODY, source: SOURCES.listUsers },
};
