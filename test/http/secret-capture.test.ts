import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import { clearSecretsForTest, redact } from '../../src/redact/secrets.ts';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { PINGONE_SECRET_FIELDS } from '../../src/targets/pingone/secret-fields.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import type { HttpRequest } from '../../src/http/types.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';

let server: LocalServer;

function passwordSet(url: string, password: string): HttpRequest {
  return {
    method: 'PUT',
    url,
    headers: { 'content-type': 'application/vnd.pingidentity.password.set+json' },
    body: JSON.stringify({ value: password, forceChange: false }),
  };
}
const client = createHttpClient({ timeoutMs: 2000 });
beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url === '/devices')
      sendJson(response, 201, {
        id: 'd1',
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
        keyUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
      });
    else sendJson(response, 400, { code: 'INVALID_DATA' });
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('secret capture', () => {
  test('a TOTP secret and otpauth URI in a response are redacted from then on', async () => {
    clearSecretsForTest();
    await client.send({
      method: 'POST',
      url: `${server.url}/devices`,
      headers: { 'content-type': 'application/json' },
      body: '{"type":"TOTP"}',
    });
    expect(redact('secret=JBSWY3DPEHPK3PXPJBSWY3DP')).toBe('secret=[REDACTED]');
    expect(redact('otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DP')).not.toContain(
      'JBSWY3DPEHPK3PXPJBSWY3DP',
    );
  });

  test('an OTP in a JSON request is redacted, even when the call fails', async () => {
    clearSecretsForTest();
    await client.send({
      method: 'POST',
      url: `${server.url}/x`,
      headers: { 'content-type': 'application/vnd.pingidentity.device.activate+json' },
      body: '{"otp":"834201"}',
    });
    expect(redact('otp 834201')).toBe('otp [REDACTED]');
  });

  test("a target's own secret field (PingOne's password-set value) is redacted by a client given it", async () => {
    clearSecretsForTest();
    const password = 'Pa55word!pa55word';
    const pingOneClient = createHttpClient({ timeoutMs: 2000, secretFields: PINGONE_SECRET_FIELDS });
    try {
      await pingOneClient.send(passwordSet(`${server.url}/x`, password));
    } finally {
      await pingOneClient.close();
    }
    expect(redact('pw ' + password)).toBe('pw [REDACTED]');
  });

  test("a PingOne session's client redacts the password-set value, even when the call fails", async () => {
    clearSecretsForTest();
    const emulator = await startPingOneEmulator();
    const config = resolvePingOneConfig(emulator.env(), 'secret capture test');
    if (!config) throw new Error('the emulator produced no configuration');
    const session = createPingOneSession(config);
    const password = 'Sess1on!pa55word';
    try {
      // Refused before it goes out (the ids are no UUIDs): the value must be registered all the same.
      await session.context.client
        .send(passwordSet(`${emulator.url}/v1/environments/none/users/none/password`, password))
        .catch(() => undefined);
    } finally {
      await session.context.client.close();
      await emulator.close();
    }
    expect(redact('pw ' + password)).toBe('pw [REDACTED]');
  });
});
