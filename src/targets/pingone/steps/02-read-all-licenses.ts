import { cited, listContains } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, OAS } from '../sources.ts';

/** Step 2: the organization's licenses; the run uses an ACTIVE one unless PINGONE_LICENSE_ID names one. */
export const readAllLicenses: StepDefinition = {
  id: '02-read-all-licenses',
  title: 'Read all licenses',
  docs: `${GETTING_STARTED}/step-2-read-all-licenses.html`,
  roles: [ROLES.organizationAdmin],
  request: { method: 'GET', url: '{{apiPath}}/organizations/{{orgID}}/licenses', auth: BEARER },
  expect: jsonResource(200, 'pingone/licenses', DOCS.licenses),
  checks: cited(
    DOCS.activeLicense,
    listContains('/_embedded/licenses', { '/status': 'ACTIVE' }, 'at least one license is ACTIVE'),
  ),
  captures: [
    {
      variable: 'licenseID',
      pointer: '/id',
      select: { list: '/_embedded/licenses', where: { '/status': 'ACTIVE' } },
      keepExisting: true,
      id: true,
    },
  ],
};

/** A configured license must exist and be ACTIVE; with the discovered one this re-reads it. */
export const readChosenLicense: StepDefinition = {
  id: '02b-read-chosen-license',
  title: 'Read the license the run will use',
  docs: `${GETTING_STARTED}/step-2-read-all-licenses.html`,
  roles: [ROLES.organizationAdmin],
  request: { method: 'GET', url: '{{apiPath}}/organizations/{{orgID}}/licenses/{{licenseID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/license', OAS.readLicense),
  checks: [
    {
      kind: 'equals',
      name: 'the license is ACTIVE',
      pointer: '/status',
      expected: 'ACTIVE',
      source: DOCS.activeLicense,
    },
    {
      kind: 'equals',
      name: '/id echoes {{licenseID}}',
      pointer: '/id',
      expected: '{{licenseID}}',
      source: DOCS.readLicenseById,
    },
  ],
};
