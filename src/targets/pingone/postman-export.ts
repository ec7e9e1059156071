import { pingOneSuitePlan } from './suite-plan.ts';
import { ACTOR_VARIABLES } from './actors.ts';
import { configVariables } from './config-variables.ts';
import { BEARER } from './conventions.ts';
import { PINGONE_TEST_DATA_SCRIPT } from './postman-test-data.ts';
import type { PostmanExportPlan } from '../../export/export-plan.ts';
import type { PingOneConfig } from './config.ts';

/** The environment's keys: the docs' Postman variables and the optional actors' credentials. */
const ENVIRONMENT_KEYS: ReadonlyArray<{ readonly key: string; readonly secret?: boolean }> = [
  { key: 'authPath' },
  { key: 'apiPath' },
  { key: 'adminEnvID' },
  { key: 'adminAppID' },
  { key: 'adminAppSecret', secret: true },
  { key: 'region' },
  { key: 'orgID' },
  { key: 'licenseID' },
  ...Object.values(ACTOR_VARIABLES).flatMap((actor) => [
    { key: actor.id },
    { key: actor.secret, secret: true },
  ]),
];

/** `idflow export --target pingone --format postman`. */
export const pingOnePostmanExport: PostmanExportPlan<PingOneConfig> = {
  suiteFiles: pingOneSuitePlan.files,
  environment(config) {
    const values = config === undefined ? {} : configVariables(config);
    return ENVIRONMENT_KEYS.map(({ key, secret }) => ({
      key,
      value: values[key]?.value ?? '',
      ...(secret ? { secret: true } : {}),
    }));
  },
  testDataScript: PINGONE_TEST_DATA_SCRIPT,
  deleteGuards: {
    // The production guard of idflow run (production-guard.ts), as the collection can do it.
    '03-create-environment': {
      read: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}', auth: BEARER },
      equals: { '/type': 'SANDBOX', '/name': '{{envName}}' },
      why: 'idflow deletes only the SANDBOX environment its run created, named as the run named it',
    },
  },
};
