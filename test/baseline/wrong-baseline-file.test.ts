import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBaseline } from '../../src/baseline/index.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { runCli } from '../support/run-cli.ts';
import { findLeaks, SecretSet } from '../support/secret-scan.ts';

/**
 * A user who points --baseline at the wrong file (their .env holding the client secret, a
 * Postman environment, any JSON) is told which file, where and what is wrong, but never shown
 * its content: none of these secrets is registered with the redactor, so nothing else would
 * mask them.
 */
const random = Math.random().toString(36).slice(2);
const SECRET = `Baseline-${random}-Secr3t`;
const TOKEN = `eyJ${random}token-${random}`;
const DOTENV = [
  `PINGONE_CLIENT_SECRET=${SECRET}`,
  'PINGONE_CLIENT_ID=0a1b2c3d-0000-4000-8000-000000000000',
  `LERIAN_PASSWORD=${TOKEN}`,
].join('\n');

const secrets = new SecretSet();
secrets.add('client secret', SECRET);
secrets.add('token', TOKEN);

const options = { file: 'wrong.json', target: 'pingone', checkIds: ['07b-read-user-mfa-enabled'] };

function parseError(text: string): ConfigError {
  try {
    parseBaseline(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

/** Everything a reporter could print of the error: message, stack, fields and cause chain. */
function printable(error: ConfigError): string {
  const cause: unknown = error.cause;
  const causeText = cause instanceof Error ? `${cause.message}\n${cause.stack ?? ''}` : String(cause);
  return `${error.message}\n${error.stack ?? ''}\n${JSON.stringify({ ...error })}\n${causeText}`;
}

describe('a wrong --baseline file', () => {
  test('a dotenv file: names the file, the line and column and the likely mix-up, and quotes nothing of it', () => {
    const error = parseError(DOTENV);
    expect(error.code).toBe('CONFIG_FILE');
    expect(error.message).toContain(
      'The known-deviations baseline wrong.json is not valid JSON (line 1, column 1)',
    );
    expect(error.message).toContain('--env');
    expect(findLeaks({ error: printable(error) }, secrets)).toEqual([]);
  });

  test('JSON broken further in is located by line and column, its text not quoted', () => {
    const error = parseError(`{\n  "target": "pingone",\n  "deviations": ${SECRET}\n}`);
    expect(error.message).toContain('is not valid JSON (line 3, column 17)');
    expect(findLeaks({ error: printable(error) }, secrets)).toEqual([]);
  });

  test.each([
    ['an array of secrets', [SECRET, TOKEN]],
    ['a string', SECRET],
    [
      'secrets where the entries belong',
      { target: 'pingone', deviations: [SECRET, { check: SECRET, outcome: { code: TOKEN }, reason: 7 }] },
    ],
    ['a secret as the target', { target: SECRET.toLowerCase(), deviations: [] }],
    [
      'a Postman environment',
      { name: 'tenant', values: [{ key: 'adminAppSecret', value: SECRET, enabled: true }] },
    ],
  ])('%s: names each JSON pointer and what belongs there, never the value found', (_name, content) => {
    secrets.add('lower-case secret', SECRET.toLowerCase());
    const error = parseError(JSON.stringify(content));
    expect(error.message).toMatch(/wrong\.json (is malformed|is for another target)/);
    expect(findLeaks({ error: printable(error) }, secrets)).toEqual([]);
  });

  test('a malformed entry still names its pointer and the expected value', () => {
    const error = parseError(
      JSON.stringify({
        target: 'pingone',
        deviations: [{ check: SECRET, outcome: { code: TOKEN }, reason: 'r' }],
      }),
    );
    expect(error.message).toContain('deviations[0]: /deviations/0/check: expected string matching');
    expect(error.message).toContain('/deviations/0/outcome/code: expected one of STATUS_MISMATCH');
  });

  test(
    'idflow run --baseline .env: exit 2, the file named, no secret printed',
    { timeout: 60_000 },
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'idflow-wrong-baseline-'));
      writeFileSync(join(directory, '.env'), DOTENV);
      const run = await runCli(['run', '--target', 'pingone', '--baseline', '.env'], { cwd: directory });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`${join(directory, '.env')} is not valid JSON (line 1, column 1)`);
      expect(findLeaks({ stdout: run.stdout, stderr: run.stderr }, secrets)).toEqual([]);
    },
  );
});
