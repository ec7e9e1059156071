import { randomBytes } from 'node:crypto';
import { bench, describe } from 'vitest';
import { redact, registerSecret } from '../src/redact/secrets.ts';

// Every check's given values, every line on stdout/stderr and every report pass through redact,
// and a PingOne run learns ~100 secrets (each token it is handed, each one-time code): its cost
// must follow the text's length, not the number of secrets.
for (let i = 0; i < 60; i++) registerSecret(randomBytes(600).toString('base64url'));
for (let i = 0; i < 30; i++) registerSecret(String(100_000 + i * 7_919));
for (let i = 0; i < 10; i++) registerSecret(randomBytes(24).toString('base64url'));
const short = [
  'application/json; charset=UTF-8',
  '"ACTIVATION_REQUIRED"',
  'https://127.0.0.1/v1/environments',
];
const body = JSON.stringify({
  id: 'x',
  items: Array.from({ length: 20 }, (_, index) => ({ index, at: 12.3456 })),
});
const report = 'z'.repeat(700_000);

describe('redact with 100 secrets (800 forms) registered', () => {
  bench('a short value (a header, a status)', () => {
    for (const text of short) redact(text);
  });
  bench('a 1 KB body', () => {
    redact(body);
  });
  bench(
    'a 700 KB report',
    () => {
      redact(report);
    },
    { iterations: 10, time: 0 },
  );
});
