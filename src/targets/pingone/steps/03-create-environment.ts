import { cited, echoes, equals, listContains, locationIsSelf, present } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import { NEW_ENVIRONMENT_LAG } from '../new-environment-lag.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED, OAS } from '../sources.ts';

/** Step 3: a SANDBOX environment of the run's own, named and described with the run id. */
export const createEnvironment: StepDefinition = {
  id: '03-create-environment',
  title: 'Create an environment',
  docs: `${GETTING_STARTED}/step-3-create-an-environment.html`,
  roles: [ROLES.organizationAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments',
    auth: BEARER,
    body: {
      json: {
        name: '{{envName}}',
        description: '{{envDescription}}',
        type: 'SANDBOX',
        region: '{{region}}',
        license: { id: '{{licenseID}}' },
      },
    },
  },
  expect: {
    ...jsonResource(201, 'pingone/environment', OAS.createEnvironment),
    headers: { 'correlation-id': /\S/, location: /^https?:\/\// },
  },
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(
      DOCS.environmentExample,
      echoes('/name', '{{envName}}'),
      echoes('/description', '{{envDescription}}'),
      equals('/type', 'SANDBOX'),
      echoes('/region', '{{region}}'),
      echoes('/license/id', '{{licenseID}}'),
      echoes('/organization/id', '{{orgID}}'),
    ),
  ],
  captures: [{ variable: 'envID', pointer: '/id', id: true }],
  cleanup: {
    description: 'the environment created in step 03 (and everything in it)',
    request: { method: 'DELETE', url: '{{apiPath}}/environments/{{envID}}', auth: BEARER },
    okStatuses: [204],
    confirmGone: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}', auth: BEARER },
  },
};

/** The environment reads back as created. */
export const readEnvironment: StepDefinition = {
  id: '03b-read-environment',
  title: 'Read the new environment',
  docs: `${GETTING_STARTED}/step-3-create-an-environment.html`,
  roles: [ROLES.organizationAdmin, ROLES.environmentAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/environment', OAS.readEnvironment),
  checks: [
    ...cited(
      DOCS.environmentExample,
      echoes('/id', '{{envID}}'),
      echoes('/name', '{{envName}}'),
      equals('/type', 'SANDBOX'),
    ),
    { ...present('/createdAt'), source: DOCS.environmentRequired },
  ],
};

/**
 * The docs' Task 2 overview: a new environment comes with a default population. The run's first
 * call into a sub-resource of the new environment, so it waits out the documented propagation
 * lag (NEW_ENVIRONMENT_LAG) for every later Environment Admin call.
 */
export const readDefaultPopulation: StepDefinition = {
  id: '03c-default-population',
  title: 'The new environment has a default population',
  docs: 'https://developer.pingidentity.com/pingone-api/getting-started/create-a-test-environment.html',
  roles: [ROLES.environmentAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/populations', auth: BEARER },
  expect: jsonResource(200, 'pingone/populations', OAS.readPopulations),
  checks: cited(
    DOCS.defaultPopulation,
    listContains('/_embedded/populations', { '/default': true }, 'a population with default = true exists'),
  ),
  settle: NEW_ENVIRONMENT_LAG,
};
