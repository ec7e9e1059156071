import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import { passwordExpression } from '../policy-password-script.ts';
import { STANDARD_POLICY_PASSWORD } from './test-data.ts';

/**
 * The Postman version of `pingOneTestData`: the same variables, tagged with a fresh run id made
 * as `newRunId` makes it, set as collection variables when the exported collection starts a run.
 * Names come from no faker here (the sandbox has none): `postman.user`.
 */
export const PINGONE_TEST_DATA_SCRIPT = `
var runId = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase() + '-' +
  require('crypto-js').lib.WordArray.random(3).toString();
var tag = ${JSON.stringify(RUN_PREFIX)} + '-' + runId;
var data = {
  runId: runId,
  envName: tag,
  envDescription: 'Created by ' + ${JSON.stringify(RUN_PREFIX)} + ' run ' + runId + '; safe to delete.',
  populationName: tag + '-population',
  populationDescription: 'Population for ' + ${JSON.stringify(RUN_PREFIX)} + ' test users (run ' + runId + ')',
  sharedUsername: tag + '-postman.user',
  email: 'postman.user+' + runId + '@example.com',
  lockUsername: tag + '-lockout',
  lockEmail: 'lockout+' + runId + '@example.com',
  userPassword: ${passwordExpression(STANDARD_POLICY_PASSWORD)},
};
Object.keys(data).forEach(function (name) { pm.collectionVariables.set(name, data[name]); });
`;
