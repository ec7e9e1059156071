import { documented, inferred, type Source } from '../../flow/step/source.ts';
import { GETTING_STARTED } from './conventions.ts';

/**
 * Where the PingOne expectations come from. Quotes are verbatim from the vendor pages or OpenAPI
 * files (whitespace collapsed); an expectation no source states is `inferred`, with the reason.
 */
/*
 * Ids: "IDs: lowercase UUIDs" (API reference, common conventions), and the OpenAPI declares every
 * path id `format: uuid` (e.g. `com.pingidentity.path.environments.environmentID`, "formatted as
 * a UUID"); samples in the docs show upper-case UUIDs too. Hence flow/id-format.ts.
 */
const MGMT = 'PingOne Management OpenAPI (pingone-go-sdk-v2 management/generate/pingone-management.yml)';
const MFA = 'PingOne MFA OpenAPI (pingone-go-sdk-v2 mfa/generate/pingone-mfa.yml)';
/** Ping's own OAS (environments and the error schemas). */
export const OAS_P1 = 'PingOne OpenAPI (pingone-go-client pingone/api/openapi.yaml)';

/** `~1`-escaped JSON pointer of an OAS path. */
function path(template: string): string {
  return template.replace(/\//g, '~1');
}

/** A success answer as an operation of the community OAS declares it. */
function success(spec: string, route: string, method: string, status: number, schema?: string): Source {
  const content = schema ? ` content: application/json: schema: $ref: '#/components/schemas/${schema}'` : '';
  return documented(
    `${spec} #/paths/${path(route)}/${method}/responses/${status}`,
    `'${status}': description: Successful response${content}`,
  );
}

const ENV = '/environments/{environmentID}';
const USER = `${ENV}/users/{userID}`;
const POLICIES = `${ENV}/deviceAuthenticationPolicies`;

export const OAS = {
  readOrganizations: success(MGMT, '/organizations', 'get', 200, 'EntityArray'),
  readLicense: success(MGMT, '/organizations/{organizationID}/licenses/{licenseID}', 'get', 200, 'License'),
  createEnvironment: success(MGMT, '/environments', 'post', 201, 'Environment'),
  readEnvironment: success(MGMT, ENV, 'get', 200, 'Environment'),
  readPopulations: success(MGMT, `${ENV}/populations`, 'get', 200, 'EntityArray'),
  createPopulation: success(MGMT, `${ENV}/populations`, 'post', 201, 'Population'),
  readPopulation: success(MGMT, `${ENV}/populations/{populationID}`, 'get', 200, 'Population'),
  readPolicies: success(MFA, POLICIES, 'get', 200, 'EntityArray'),
  createPolicy: success(MFA, POLICIES, 'post', 201, 'DeviceAuthenticationPolicyPostResponse'),
  readPolicy: success(
    MFA,
    `${POLICIES}/{deviceAuthenticationPolicyID}`,
    'get',
    200,
    'DeviceAuthenticationPolicy',
  ),
  createUser: success(MGMT, `${ENV}/users`, 'post', 201, 'User'),
  readUser: success(MGMT, USER, 'get', 200, 'User'),
  readMfaEnabled: success(MFA, `${USER}/mfaEnabled`, 'get', 200, 'UserMFAEnabled'),
  updateMfaEnabled: success(MFA, `${USER}/mfaEnabled`, 'put', 200, 'UserMFAEnabled'),
  updateMfaSettings: success(MFA, `${ENV}/mfaSettings`, 'put', 200, 'MFASettings'),
  readMfaSettings: success(MFA, `${ENV}/mfaSettings`, 'get', 200, 'MFASettings'),
} as const;

/** The reconstructed reference's own words, for what its pages give (the page is the ref). */
export const DOCS = {
  token: documented(
    `${GETTING_STARTED}/step-1-get-access-token.html`,
    '`200` `{access_token, token_type:"Bearer", expires_in:3600}`',
  ),
  licenses: documented(
    `${GETTING_STARTED}/step-2-read-all-licenses.html`,
    '`200` HAL collection `_embedded.licenses[]`, `count`, `size`',
  ),
  activeLicense: documented(
    `${GETTING_STARTED}/step-2-read-all-licenses.html`,
    'user picks an ACTIVE license',
  ),
  readLicenseById: documented(
    `${MGMT} #/paths/${path('/organizations/{organizationID}/licenses/{licenseID}')}/get`,
    '`GET …/licenses/{licenseID}` → License.',
  ),
  environmentExample: documented(
    `${GETTING_STARTED}/step-3-create-an-environment.html`,
    '"type": "SANDBOX", "region": "NA",',
  ),
  environmentRequired: documented(
    `${OAS_P1} #/components/schemas/EnvironmentResponse`,
    'required: `name, region, type, createdAt, updatedAt, id, organization{id}`',
  ),
  defaultPopulation: documented(
    'https://developer.pingidentity.com/pingone-api/getting-started/create-a-test-environment.html',
    'new environments get a default sign-on policy, password policy, **a default population**',
  ),
  populationExample: documented(
    `${GETTING_STARTED}/step-4-create-a-population.html`,
    '"name": "Shared-Test-User-Population", "description": "Population for PingOne test users",',
  ),
  defaultPolicy: documented(
    'https://developer.pingidentity.com/pingone-api/mfa/device-authentication-policy.html',
    'new env has a default policy',
  ),
  userExample: documented(
    `${GETTING_STARTED}/step-5-create-a-user.html`,
    '"email": "sharedTestUser@example.com", "enabled": true,',
  ),
  passwordSet: documented(
    `${GETTING_STARTED}/step-6-set-user-password.html`,
    '`200` password state `status:"OK"`',
  ),
  passwordExample: documented(
    `${GETTING_STARTED}/step-6-set-user-password.html`,
    '"status": "OK", "lastChangedAt": "2026-03-23T16:40:01.366Z"',
  ),
  passwordRead: documented(
    `${MGMT} #/paths/${path(`${USER}/password`)}/get`,
    '`GET …/password` returns the same state object',
  ),
  mfaEnabledField: documented(
    `${GETTING_STARTED}/step-7-enable-user-mfa.html#body`,
    '`mfaEnabled` indicates whether to enable MFA for the user.',
  ),
  mfaEnabledExample: documented(
    `${GETTING_STARTED}/step-7-enable-user-mfa.html#example-response`,
    'Example Response 200 OK',
  ),
  mfaEnabledRequired: documented(
    `${MFA} #/components/schemas/UserMFAEnabled`,
    'Schema: `mfaEnabled` boolean **required**',
  ),
  mfaSettingsExample: documented(
    'https://apidocs.pingidentity.com/pingone/platform/v1/api/#put-update-mfa-settings',
    '"lockout": { "failureCount": 6, "durationSeconds": 1200 },',
  ),
  emailDevice: documented(
    `${GETTING_STARTED}/step-8-set-user-device-email.html`,
    '`201` device, **`status:"ACTIVE"`** (worker-created)',
  ),
  emailDeviceExample: documented(
    `${GETTING_STARTED}/step-8-set-user-device-email.html`,
    '"email": "mobetta@example.com"',
  ),
  createDevice: documented(
    'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
    '| Create device | `POST /v1/environments/{envID}/users/{userID}/devices` | `application/json` | ' +
      '**201** device |',
  ),
  readDevice: documented(
    'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
    '| Read one | `GET …/users/{userID}/devices/{deviceID}` | — | 200 |',
  ),
  readDevices: documented(
    'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
    '| Read all | `GET …/users/{userID}/devices` | — | 200 `_embedded.devices[]` |',
  ),
  activated: documented(
    'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/activate-mfa-user-device.html',
    'When the activation action is completed successfully, the response returns a `200 OK` message and ' +
      'the device `status` property is changed to `ACTIVE`.',
  ),
  createdLocation: documented(
    'https://developer.pingidentity.com/pingone-api/foundations/conventions/pingone-api-responses.html',
    'create `201 Created` **with `Location` header**',
  ),
} as const;

/** Inferred expectations common to several steps. */
export const INFERRED = {
  locationIsSelf: inferred(
    'the docs say a create answers 201 with a Location header; that it equals _links.self.href is our ' +
      'reading (our emulator answers so)',
  ),
  policyEcho: inferred(
    'the device authentication policy pages show request bodies but no response example; a policy ' +
      'answering what was sent is our reading',
  ),
  userMirrorsMfaEnabled: inferred(
    'the User schema has mfaEnabled, but no page says it mirrors …/mfaEnabled; our emulator answers so',
  ),
  totpPending: inferred(
    'the reference marks "TOTP devices are always created ACTIVATION_REQUIRED" unverified (the ' +
      "create-TOTP page's response was not readable); our emulator answers so",
  ),
  secretOnce: inferred(
    'the reference marks "secret/keyUri are not returned on later reads" unverified; our emulator answers so',
  ),
  echoOnRead: inferred('a read by id answering that id is our reading; no docs example shows this read'),
} as const;
