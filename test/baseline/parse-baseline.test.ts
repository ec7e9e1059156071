import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultBaselineFile, parseBaseline } from '../../src/baseline/index.ts';
import { lerianIdentity } from '../../src/targets/lerian-identity/index.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { FILE, MFA_DEVIATION } from './fixtures.ts';

const options = {
  file: FILE,
  target: 'pingone',
  checkIds: ['07b-read-user-mfa-enabled', '07-enable-user-mfa/unknown-user'],
};

function parseError(text: string): ConfigError {
  try {
    parseBaseline(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseBaseline', () => {
  test('accepts a valid file, probe ids included', () => {
    const probe = {
      check: '07-enable-user-mfa/unknown-user',
      outcome: { code: 'STATUS_MISMATCH' },
      reason: 'answers 400',
      tenant: 'eu-sandbox',
    };
    const text = JSON.stringify({ target: 'pingone', deviations: [MFA_DEVIATION, probe] });
    expect(parseBaseline(text, options).deviations).toEqual([MFA_DEVIATION, probe]);
  });

  test('text that is not JSON is a CONFIG_FILE error naming the file', () => {
    const error = parseError('{ "target": "pingone", ');
    expect(error.code).toBe('CONFIG_FILE');
    expect(error.fault).toBe('config');
    expect(error.file).toBe(FILE);
    expect(error.message).toContain(`The known-deviations baseline ${FILE} is not valid JSON`);
  });

  test('a malformed entry is named by index and check id, with what is wrong', () => {
    const bad = { check: '07b-read-user-mfa-enabled', outcome: { code: 'STATUS_MISMATCHED' }, reason: 'x' };
    const error = parseError(JSON.stringify({ target: 'pingone', deviations: [bad] }));
    expect(error.code).toBe('CONFIG_FILE');
    expect(error.message).toContain(`${FILE} is malformed`);
    expect(error.message).toContain(
      'deviations[0] (07b-read-user-mfa-enabled): /deviations/0/outcome/code: expected one of ' +
        'STATUS_MISMATCH',
    );
    // The value found is not quoted: the file may not be a baseline at all (wrong-baseline-file.test.ts).
    expect(error.message).not.toContain('STATUS_MISMATCHED');
  });

  test('an entry without a reason, or with an unknown field, is malformed', () => {
    const { reason: _reason, ...noReason } = MFA_DEVIATION;
    expect(parseError(JSON.stringify({ target: 'pingone', deviations: [noReason] })).message).toContain(
      'deviations[0] (07b-read-user-mfa-enabled): /deviations/0/reason: expected required property "reason"',
    );
    expect(
      parseError(JSON.stringify({ target: 'pingone', deviations: [{ ...MFA_DEVIATION, note: 'x' }] }))
        .message,
    ).toContain('expected no property "note"');
    expect(parseError(JSON.stringify({ deviations: [] })).message).toContain(
      '/target: expected required property "target"',
    );
  });

  test('an entry naming a check the target does not define is a stale baseline', () => {
    const error = parseError(
      JSON.stringify({ target: 'pingone', deviations: [{ ...MFA_DEVIATION, check: '07x-renamed-step' }] }),
    );
    expect(error.message).toContain(
      `${FILE} is stale: deviations[0] (07x-renamed-step) names no check of pingone`,
    );
  });

  test('a check listed twice, or a file for another target, is rejected', () => {
    expect(
      parseError(JSON.stringify({ target: 'pingone', deviations: [MFA_DEVIATION, MFA_DEVIATION] })).message,
    ).toContain('lists 07b-read-user-mfa-enabled twice (deviations[1]');
    expect(parseError(JSON.stringify({ target: 'lerian-identity', deviations: [] })).message).toContain(
      'is for another target: its "target" must be "pingone"',
    );
  });

  test('the committed PingOne baseline is valid and names only current check ids', () => {
    const text = readFileSync(defaultBaselineFile('pingone'), 'utf8');
    const baseline = parseBaseline(text, {
      file: 'suites/pingone/known-deviations.json',
      target: 'pingone',
      checkIds: pingOne.checkIds(),
    });
    expect(baseline.target).toBe('pingone');
  });

  test('the PingOne catalogue holds every step of the flow and every probe', () => {
    expect(pingOne.checkIds()).toContain('07b-read-user-mfa-enabled');
    expect(pingOne.checkIds()).toContain('01-get-access-token');
    expect(pingOne.checkIds()).toContain('07-enable-user-mfa/unknown-user');
    expect(lerianIdentity.checkIds()).not.toContain('07b-read-user-mfa-enabled');
  });
});
