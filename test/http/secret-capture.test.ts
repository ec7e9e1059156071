import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import { clearSecretsForTest, redact } from '../../src/redact/secrets.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';

let server: LocalServer;
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

  test('an OTP and a password-set value in JSON requests are redacted, even when the call fails', async () => {
    clearSecretsForTest();
    const password = 'Pa55word!pa55word';
    await client.send({
      method: 'POST',
      url: `${server.url}/x`,
      headers: { 'content-type': 'application/vnd.pingidentity.device.activate+json' },
      body: '{"otp":"834201"}',
    });
    await client.send({
      method: 'PUT',
      url: `${server.url}/x`,
      headers: { 'content-type': 'application/vnd.pingidentity.password.set+json' },
      body: JSON.stringify({ value: password }),
    });
    expect(redact('otp 834201 and pw ' + password)).toBe('otp [REDACTED] and pw [REDACTED]');
  });
});
