import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

/**
 * The getting-started "Create a test environment" requests, with the docs' headers and bodies
 * exactly ({{variables}} filled in), run in order like the Postman collection.
 */
describe('the docs example requests work unchanged', () => {
  let h: Harness;
  const vars: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    vars.authPath = h.env.PINGONE_AUTH_URL ?? '';
    vars.apiPath = h.emulator.url;
    vars.adminEnvID = h.env.PINGONE_ADMIN_ENV_ID ?? '';
    vars.orgID = h.emulator.tenant.organization.id;
  });
  afterAll(() => h.close());

  const send = async (method: string, url: string, headers: Record<string, string>, body?: string) => {
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    };
  };
  const bearer = () => ({ Authorization: `Bearer ${vars.accessToken}` });

  test('step 1: get an access token (Basic, form)', async () => {
    const basic = Buffer.from(`${h.env.PINGONE_CLIENT_ID}:${h.env.PINGONE_CLIENT_SECRET}`).toString('base64');
    const response = await send(
      'POST',
      `${vars.authPath}/${vars.adminEnvID}/as/token`,
      { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
      'grant_type=client_credentials',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    vars.accessToken = String(response.body.access_token);
  });

  test('step 2: read all licenses (filter status eq "active")', async () => {
    const response = await send(
      'GET',
      `${vars.apiPath}/v1/organizations/${vars.orgID}/licenses?filter=status eq "active"`,
      bearer(),
    );
    expect(response.status).toBe(200);
    const licenses = (response.body._embedded as { licenses: { id: string }[] }).licenses;
    vars.licenseID = licenses[0]?.id ?? '';
  });

  test('step 3: create an environment', async () => {
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments`,
      { 'Content-Type': 'application/json', ...bearer() },
      JSON.stringify({
        name: `New-Solution-Env_${Date.now()}`,
        description: 'New environment description',
        type: 'SANDBOX',
        region: 'NA',
        license: { id: vars.licenseID },
      }),
    );
    expect(response.status).toBe(201);
    vars.envID = String(response.body.id);
  });

  test('step 4: create a population', async () => {
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/populations`,
      { 'Content-Type': 'application/json', ...bearer() },
      JSON.stringify({
        name: 'Shared-Test-User-Population',
        description: 'Population for PingOne test users',
      }),
    );
    expect(response.status).toBe(201);
    vars.sharedPopID = String(response.body.id);
  });

  test('step 5: create a user', async () => {
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/users`,
      { 'Content-Type': 'application/json', ...bearer() },
      JSON.stringify({
        email: 'sharedTestUser@example.com',
        population: { id: vars.sharedPopID },
        username: 'sharedTestUser',
      }),
    );
    expect(response.status).toBe(201);
    vars.sharedUserID = String(response.body.id);
  });

  test('step 6: set the user password', async () => {
    const response = await send(
      'PUT',
      `${vars.apiPath}/v1/environments/${vars.envID}/users/${vars.sharedUserID}/password`,
      { 'Content-Type': 'application/vnd.pingidentity.password.set+json', ...bearer() },
      JSON.stringify({ value: 'Pre-Request-Generated-Passw0rd!', forceChange: false }),
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('OK');
  });

  test('step 7: enable user MFA', async () => {
    const response = await send(
      'PUT',
      `${vars.apiPath}/v1/environments/${vars.envID}/users/${vars.sharedUserID}/mfaEnabled`,
      { 'Content-Type': 'application/json', ...bearer() },
      '{\n    "mfaEnabled": true\n}',
    );
    expect(response.status).toBe(200);
    expect(response.body.mfaEnabled).toBe(true);
  });

  test('step 8: set user device (Email) → ACTIVE', async () => {
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/users/${vars.sharedUserID}/devices`,
      { 'Content-Type': 'application/json', ...bearer() },
      JSON.stringify({ type: 'EMAIL', email: 'sharedTestUser@example.com' }),
    );
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('ACTIVE');
  });

  test('update MFA settings (docs body, raw text as in the cURL sample)', async () => {
    const body =
      '{\n    "pairing": {\n        "maxAllowedDevices": 10,\n        "pairingKeyFormat": ' +
      '"ALPHANUMERIC"\n    },\n    "lockout":{\n        "failureCount":6,\n        ' +
      '"durationSeconds":1200\n    },\n    "phoneExtensions": {\n        "enabled": true\n    },\n    ' +
      '"users":{\n        "mfaEnabled": true\n    }\n}';
    const response = await send(
      'PUT',
      `${vars.apiPath}/v1/environments/${vars.envID}/mfaSettings`,
      { 'Content-Type': 'application/json', ...bearer() },
      body,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'ALPHANUMERIC' },
      lockout: { failureCount: 6, durationSeconds: 1200 },
    });
  });

  test('create the device authentication policy (use cases, TOTP enabled)', async () => {
    const otp = (coolDown: number, lifeTime: boolean) => ({
      failure: { count: 3, coolDown: { duration: coolDown, timeUnit: 'MINUTES' } },
      ...(lifeTime ? { lifeTime: { duration: 30, timeUnit: 'MINUTES' } } : {}),
    });
    const body = {
      name: 'useCaseDeviceAuthPolicy__1',
      sms: { enabled: true, otp: otp(0, true) },
      email: { enabled: true, otp: otp(0, true) },
      mobile: {
        enabled: true,
        otp: { ...otp(2, false), window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } } },
      },
      totp: { enabled: true, otp: otp(2, false) },
      voice: { enabled: false, otp: otp(0, true) },
      securityKey: { enabled: true },
      forSignOnPolicy: false,
      platform: { enabled: true },
      default: false,
    };
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/deviceAuthenticationPolicies`,
      { Authorization: `Bearer ${vars.accessToken}`, 'Content-Type': 'application/json' },
      JSON.stringify(body, null, 4),
    );
    expect(response.status).toBe(201);
    vars.deviceAuthenticationPolicyID = String(response.body.id);
  });

  test('activate MFA user device (TOTP, device.activate+json)', async () => {
    // "Create MFA User Device (TOTP)": the docs' sample body names the policy.
    const created = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/users/${vars.sharedUserID}/devices`,
      { 'Content-Type': 'application/json', ...bearer() },
      `{\n    "type": "TOTP",\n    "policy": {\n        "id": "${vars.deviceAuthenticationPolicyID}"\n   ` +
        ` }\n}`,
    );
    const secret = String(created.body.secret);
    const otp = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    const response = await send(
      'POST',
      `${vars.apiPath}/v1/environments/${vars.envID}/users/${vars.sharedUserID}/devices/${String(created.body.id)}`,
      { 'Content-Type': 'application/vnd.pingidentity.device.activate+json', ...bearer() },
      `{\n    "otp": "${otp}"\n}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ACTIVE');
  });
});
