import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import { passwordExpression } from '../policy-password-script.ts';
import { STRONG_PASSWORD } from './test-data.ts';

/**
 * The Postman version of `lerianTestData`: the same variables, tagged with a fresh run id made as
 * `newRunId` makes it, set as collection variables when the exported collection starts a run.
 * The names come from no faker here (the sandbox has none): Postman User.
 */
export const LERIAN_TEST_DATA_SCRIPT = `
var runId = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase() + '-' +
  require('crypto-js').lib.WordArray.random(3).toString();
var data = {
  runId: runId,
  firstName: 'Postman',
  lastName: 'User',
  username: ${JSON.stringify(RUN_PREFIX)} + '-' + runId + '-postman',
  email: 'postman.user+' + runId + '@example.com',
  userPassword: ${passwordExpression(STRONG_PASSWORD)},
};
Object.keys(data).forEach(function (name) { pm.collectionVariables.set(name, data[name]); });
`;
