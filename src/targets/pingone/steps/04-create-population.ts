import { cited, echoes, equals, locationIsSelf } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED, OAS } from '../sources.ts';

/** Step 4: the population the test user lives in. */
export const createPopulation: StepDefinition = {
  id: '04-create-population',
  title: 'Create a population',
  docs: `${GETTING_STARTED}/step-4-create-a-population.html`,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/populations',
    auth: BEARER,
    body: { json: { name: '{{populationName}}', description: '{{populationDescription}}' } },
  },
  expect: jsonResource(201, 'pingone/population', OAS.createPopulation),
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(
      DOCS.populationExample,
      echoes('/name', '{{populationName}}'),
      echoes('/description', '{{populationDescription}}'),
      echoes('/environment/id', '{{envID}}'),
      equals('/default', false),
    ),
  ],
  captures: [{ variable: 'sharedPopID', pointer: '/id', id: true }],
};

export const readPopulation: StepDefinition = {
  id: '04b-read-population',
  title: 'Read the new population',
  docs: `${GETTING_STARTED}/step-4-create-a-population.html`,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/populations/{{sharedPopID}}',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/population', OAS.readPopulation),
  checks: cited(
    DOCS.populationExample,
    echoes('/id', '{{sharedPopID}}'),
    echoes('/name', '{{populationName}}'),
  ),
};
