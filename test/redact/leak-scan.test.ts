import { expect, test } from 'vitest';
import { findLeaks, SecretSet } from '../support/secret-scan.ts';

/** The secret scans of the suite tests are only as good as the scanner: it must see every form. */
test('the leak scan finds a secret in each form it can take, and an OTP only as a whole number', () => {
  const secrets = new SecretSet();
  const secret = 'S3cr/et+"value"&more<chars>-0123456789abcdef';
  secrets.add('the secret', secret);
  secrets.add('an OTP', '123456');
  const outputs = {
    plain: `x ${secret} y`,
    base64: Buffer.from(secret).toString('base64'),
    url: `?q=${encodeURIComponent(secret)}`,
    json: JSON.stringify({ given: secret }),
    xml:
      `<failure ` +
      `message="${secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"/>`,
    cut: `given "${secret.slice(0, 24)}…"`,
    timestamp: '"startTime":1712345678901',
    otp: 'passcode 123456 sent',
  };
  expect(findLeaks(outputs, secrets)).toEqual([
    'plain holds plain of the secret',
    'plain holds leading fragment of the secret',
    'base64 holds base64 of the secret',
    'url holds URL-encoded of the secret',
    'json holds JSON-escaped of the secret',
    'xml holds XML-escaped of the secret',
    'cut holds leading fragment of the secret',
    'otp holds plain of an OTP',
  ]);
});
