import { cited, present } from '../../flow/step/checks.ts';
import { readOnlyGuard } from '../../guards/read-only-guard.ts';
import { SMOKE_VARIABLE, WRITE_POPULATION_VARIABLE } from '../../process/run-variables.ts';
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

/**
 * `--smoke --write-population ID` adds a user's lifecycle, confined to that population: create
 * the user there, set its password, flip its MFA flag, an email device, a TOTP device (under the
 * TOTP-enabled policy PINGONE_SMOKE_DEVICE_POLICY_ID names) and its activation; teardown deletes
 * the user (and its devices with it).
 */
export const WRITE_POPULATION_IDS: readonly string[] = [
  '05-create-user',
  '05b-read-user',
  '06-set-user-password',
  '06b-read-password-state',
  '07a-read-user-mfa-default',
  '07d-disable-user-mfa',
  '07e-read-user-mfa-disabled',
  '07-enable-user-mfa',
  '07b-read-user-mfa-enabled',
  '07c-read-user-after-mfa',
  '09-create-email-device',
  '09b-read-email-device',
  '10-create-totp-device',
  '10b-read-totp-device',
  '11-activate-totp-device',
  '11b-read-all-devices',
];

/** The read-only smoke's step ids when the run is `--smoke` in an existing environment. */
export function pingOneReadOnlySmoke(
  config: PingOneConfig,
  options: { readonly writePopulation?: string | undefined } = {},
): readonly string[] | undefined {
  if (config.environmentId === undefined) return undefined;
  return options.writePopulation === undefined
    ? READ_ONLY_SMOKE_IDS
    : [...READ_ONLY_SMOKE_IDS, ...WRITE_POPULATION_IDS];
}

/** Whether this test process runs the read-only smoke (`idflow run --smoke` with PINGONE_ENV_ID). */
export function readOnlySmokeRun(config: PingOneConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SMOKE_VARIABLE] === '1' && pingOneReadOnlySmoke(config) !== undefined;
}

/** The population `--write-population` lets this read-only smoke write in, if any. */
export function writePopulation(
  config: PingOneConfig,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const population = env[WRITE_POPULATION_VARIABLE];
  return readOnlySmokeRun(config, env) && population ? population : undefined;
}

/** Refuses every request of a read-only smoke but reads and the OAuth token request. */
export function pingOneReadOnlyGuard(): Middleware {
  return readOnlyGuard({
    allows: (request) => request.method === 'POST' && /\/as\/token$/.test(new URL(request.url).pathname),
    why: '`idflow run --smoke` with PINGONE_ENV_ID checks a live environment (PRODUCTION included)',
  });
}
