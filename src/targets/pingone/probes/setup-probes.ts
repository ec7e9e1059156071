import { deriveProbe } from '../../../flow/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { createEnvironment, readAllLicenses, readChosenLicense, readEnvironment } from '../steps/index.ts';
import { createPopulation, readPopulation } from '../steps/04-create-population.ts';
import { INSUFFICIENT_PERMISSIONS, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { UNKNOWN_ID, authProbes, roleRefused, unknownEnvironment, unknownId } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe.ts';
import type { JsonTemplate } from '../../../flow/template.ts';

const licenses = { stepId: readAllLicenses.id, from: readAllLicenses } as const;

/** Step 2: licenses of an unknown organization, an unknown license, and an actor without Organization Admin. */
export const licenseProbes: readonly ProbeDefinition[] = [
  ...authProbes(licenses),
  unknownId({ ...licenses, slug: 'unknown-org', bullet: BULLETS.orgID, variable: 'orgID' }),
  unknownId({
    stepId: readAllLicenses.id,
    from: readChosenLicense,
    slug: 'unknown-license',
    bullet: BULLETS.licenseID,
    variable: 'licenseID',
  }),
  roleRefused({ ...licenses, roles: [ROLES.organizationAdmin] }),
];

const environment = { stepId: createEnvironment.id, from: createEnvironment } as const;
/** A name of the run's own, so a tenant that wrongly accepts a probe leaves a resource the run can be traced by. */
const environmentBody = (change: Record<string, JsonTemplate | undefined>): JsonTemplate => {
  const body: Record<string, JsonTemplate | undefined> = {
    name: '{{envName}}-probe',
    description: '{{envDescription}}',
    type: 'SANDBOX',
    region: '{{region}}',
    license: { id: '{{licenseID}}' },
    ...change,
  };
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, JsonTemplate] => entry[1] !== undefined),
  );
};

/** Step 3: bodies that break the environment model, an unknown license or environment, a missing role. */
export const environmentProbes: readonly ProbeDefinition[] = [
  ...authProbes(environment),
  // The OAS's 403 note sends the reader to GET /environments/{id} to tell: that read itself answers 404.
  unknownId({
    stepId: createEnvironment.id,
    from: readEnvironment,
    slug: 'unknown-env',
    bullet: BULLETS.envID,
    variable: 'envID',
  }),
  deriveProbe({
    ...environment,
    slug: 'unknown-license',
    bullet: BULLETS.licenseID,
    provoked: `license.id ${UNKNOWN_ID}, a license that does not exist`,
    changes: [withJsonBody(environmentBody({ license: { id: UNKNOWN_ID } }))],
    answer: invalidData('INVALID_VALUE', 'license.id'),
  }),
  deriveProbe({
    ...environment,
    slug: 'missing-license',
    bullet: BULLETS.requestModel('license is required'),
    provoked: 'the body without license',
    changes: [withJsonBody(environmentBody({ license: undefined }))],
    answer: invalidData('REQUIRED_VALUE', 'license'),
  }),
  deriveProbe({
    ...environment,
    slug: 'missing-name',
    bullet: BULLETS.requestModel('name is required'),
    provoked: 'the body without name',
    changes: [withJsonBody(environmentBody({ name: undefined }))],
    answer: invalidData('REQUIRED_VALUE', 'name'),
  }),
  deriveProbe({
    ...environment,
    slug: 'type-outside-enum',
    bullet: BULLETS.requestModel('type is SANDBOX or PRODUCTION'),
    provoked: 'type "TEST"',
    changes: [withJsonBody(environmentBody({ type: 'TEST' }))],
    answer: invalidData('INVALID_VALUE', 'type'),
  }),
  roleRefused({
    stepId: createEnvironment.id,
    from: {
      ...createEnvironment,
      request: { ...createEnvironment.request, body: { json: environmentBody({}) } },
    },
    roles: [ROLES.organizationAdmin],
  }),
];

const population = { stepId: createPopulation.id, from: createPopulation } as const;

/** Step 4: an unknown environment or population, a population without a name. */
export const populationProbes: readonly ProbeDefinition[] = [
  ...authProbes(population),
  unknownEnvironment(population),
  unknownId({
    stepId: createPopulation.id,
    from: readPopulation,
    slug: 'unknown-population',
    bullet: BULLETS.population,
    variable: 'sharedPopID',
  }),
  deriveProbe({
    ...population,
    slug: 'missing-name',
    bullet: BULLETS.requestModel('name is required'),
    provoked: 'the body without name',
    changes: [withJsonBody({ description: '{{populationDescription}}' })],
    answer: invalidData('REQUIRED_VALUE', 'name'),
  }),
  deriveProbe({
    ...population,
    slug: 'identity-data-admin-refused',
    bullet: BULLETS.role([ROLES.environmentAdmin]),
    provoked: 'the call with a token of the worker app holding only Identity Data Admin',
    answer: INSUFFICIENT_PERMISSIONS,
    skip:
      'the page names Environment Admin for populations but does not say Identity Data Admin is refused, and the emulator ' +
      '(its role table) lets Identity Data Admin manage populations; until the expected answer is decided this is not probed',
  }),
];
