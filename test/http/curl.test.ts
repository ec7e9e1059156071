import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCurl } from '../../src/http/curl.ts';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';

beforeEach(() => clearSecretsForTest());
afterEach(() => clearSecretsForTest());

describe('toCurl', () => {
  it('renders method, url, every header and the body, shell-quoted', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'https://api.pingone.com/v1/environments',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: `{"name":"it's mine"}`,
    });
    expect(curl).toBe(
      [
        `curl -X POST 'https://api.pingone.com/v1/environments'`,
        `-H 'content-type: application/json'`,
        `-H 'accept: application/json'`,
        `--data-raw '{"name":"it'\\''s mine"}'`,
      ].join(' \\\n  '),
    );
  });

  it('redacts a registered token: Authorization: Bearer [REDACTED]', () => {
    const token = 'eyJhbGciOi.token.value';
    registerSecret(token);
    const curl = toCurl({
      method: 'GET',
      url: 'https://api.pingone.com/v1/environments',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(curl).toContain(`-H 'Authorization: Bearer [REDACTED]'`);
    expect(curl).not.toContain(token);
  });

  it('redacts a secret containing a quote, which shell escaping would otherwise split', () => {
    const secret = "pa'ss-word!";
    registerSecret(secret);
    const curl = toCurl({
      method: 'PUT',
      url: 'https://api.pingone.com/v1/users/1/password',
      headers: {},
      body: JSON.stringify({ newPassword: secret }),
    });
    expect(curl).toContain(`--data-raw '{"newPassword":"[REDACTED]"}'`);
    expect(curl).not.toContain('ss-word');
  });
});
