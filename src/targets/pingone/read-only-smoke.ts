import { cited, present } from '../../flow/step/checks.ts';
import { readOnlyGuard } from '../../guards/read-only-guard.ts';
import { SMOKE_VARIABLE } from '../../process/run-variables.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from './conventions.ts';
import { DOCS, OAS } from './sources.ts';
import type { Middleware } from '../../http/types.ts';
import type { StepDefinition } from '../../flow/step/step.ts';
import type { PingOneConfig } from './config.ts';

const MFA_DOCS = 'https://apidocs.pingidentity.com/pingone/platform/v1/api/#put-update-mfa-settings';
const CANARY = '{{apiPath}}/environments/{{envID}}/users/{{canaryUserID}}';

/** The environment's MFA settings, as they are (the full flow checks them after its own PUT). */
export const readLiveMfaSettings: StepDefinition = {
  id: '08l-read-live-mfa-settings',
  title: "Read the environment's MFA settings (read-only smoke)",
  docs: MFA_DOCS,
  roles: [ROLES.environmentAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/mfaSettings', auth: BEARER },
  expect: jsonResource(200, 'pingone/mfa-settings', OAS.readMfaSettings),
};

/** The canary user's MFA flag (PINGONE_SMOKE_USER_ID names the user). */
export const readCanaryMfaEnabled: StepDefinition = {
  id: '07l-read-canary-mfa-enabled',
  title: "Read the canary user's MFA enabled flag (PINGONE_SMOKE_USER_ID)",
  docs: `${GETTING_STARTED}/step-7-enable-user-mfa.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: { method: 'GET', url: `${CANARY}/mfaEnabled`, auth: BEARER },
  expect: jsonResource(200, 'pingone/user-mfa-enabled', OAS.readMfaEnabled),
  checks: cited(DOCS.mfaEnabledRequired, present('/mfaEnabled', 'the canary user has an mfaEnabled value')),
};

/** The canary user's MFA devices. */
export const readCanaryDevices: StepDefinition = {
  id: '11l-read-canary-devices',
  title: "Read the canary user's MFA devices (PINGONE_SMOKE_USER_ID)",
  docs: 'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: { method: 'GET', url: `${CANARY}/devices`, auth: BEARER },
  expect: jsonResource(200, 'pingone/devices', DOCS.readDevices),
};

/** The steps only the read-only smoke runs, declared by suite 03 after the environment's reads. */
export const readOnlySmokeSteps: readonly StepDefinition[] = [
  readCanaryMfaEnabled,
  readLiveMfaSettings,
  readCanaryDevices,
];

/**
 * `idflow run --smoke` with PINGONE_ENV_ID: the post-deploy check of a live environment
 * (PRODUCTION included), which only reads: a token, the environment, its default population,
 * its device authentication policies and MFA settings, and the canary user's MFA flag and
 * devices. The flow's reads of these that assume a fresh SANDBOX (03b's type, 08b's values
 * after the run's own PUT) are not in it.
 */
export const READ_ONLY_SMOKE_IDS: readonly string[] = [
  '01-get-access-token',
  '01b-discover-organization',
  '03-create-environment',
  '03c-default-population',
  '04c-read-device-policies',
  ...readOnlySmokeSteps.map((step) => step.id),
];

/** The read-only smoke's step ids when the run is `--smoke` in an existing environment. */
export function pingOneReadOnlySmoke(config: PingOneConfig): readonly string[] | undefined {
  return config.environmentId === undefined ? undefined : READ_ONLY_SMOKE_IDS;
}

/** Whether this test process runs the read-only smoke (`idflow run --smoke` with PINGONE_ENV_ID). */
export function readOnlySmokeRun(config: PingOneConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SMOKE_VARIABLE] === '1' && pingOneReadOnlySmoke(config) !== undefined;
}

/** Refuses every request of a read-only smoke but reads and the OAuth token request. */
export function pingOneReadOnlyGuard(): Middleware {
  return readOnlyGuard({
    allows: (request) => request.method === 'POST' && /\/as\/token$/.test(new URL(request.url).pathname),
    why: '`idflow run --smoke` with PINGONE_ENV_ID checks a live environment (PRODUCTION included)',
  });
}
