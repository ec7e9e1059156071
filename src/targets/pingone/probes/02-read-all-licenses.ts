import { ROLES } from '../conventions.ts';
import { readAllLicenses, readChosenLicense } from '../steps/index.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleRefused, unknownId } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const licenses = { stepId: readAllLicenses.id, from: readAllLicenses } as const;

/**
 * Step 2: licenses of an unknown organization, an unknown license, and an actor without Organization Admin.
 */
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
