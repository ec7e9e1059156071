import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { createEnvironment, readEnvironment } from '../steps/index.ts';
import { invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { UNKNOWN_ID, authProbes, roleRefused, unknownId } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';
import type { JsonTemplate } from '../../../flow/step/template.ts';

const environment = { stepId: createEnvironment.id, from: createEnvironment } as const;
/**
 * A name of the run's own, so a tenant that wrongly accepts a probe leaves a resource the run can be traced
 * by.
 */
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
