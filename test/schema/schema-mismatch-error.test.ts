import { afterEach, describe, expect, it } from 'vitest';
import { IdflowError } from '../../src/errors/idflow-error.ts';
import { SchemaMismatchError } from '../../src/schema/schema-mismatch-error.ts';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';
import { schemaRegistry } from '../../src/schema/index.ts';
import type { SchemaFailure } from '../../src/schema/index.ts';
import { tokenResponse } from './fixtures/auth-examples.ts';
import { emailDevice } from './fixtures/mfa-examples.ts';
import { without, withValue } from './helpers/mutate.ts';

function failure(name: string, value: unknown): SchemaFailure {
  const result = schemaRegistry().validate(name, value);
  if (result.valid) throw new Error(`${name} accepted the value`);
  return result;
}

afterEach(() => clearSecretsForTest());

describe('SchemaMismatchError', () => {
  it('is an API fault with a stable code, the schema $id and the problems', () => {
    const error = new SchemaMismatchError(failure('pingone/device', without(emailDevice, '/email')), {
      subject: 'POST /v1/environments/{envID}/users/{userID}/devices response body',
    });
    expect(error).toBeInstanceOf(IdflowError);
    expect(error).toMatchObject({ name: 'SchemaMismatchError', code: 'SCHEMA_MISMATCH', fault: 'api' });
    expect(error.schemaId).toBe('https://idflow.dev/schemas/pingone/device.schema.json');
    expect(error.problems).toEqual([expect.objectContaining({ pointer: '/email', given: 'missing' })]);
    expect(error.message.split('\n')).toEqual([
      'POST /v1/environments/{envID}/users/{userID}/devices response body does not match ' +
        'https://idflow.dev/schemas/pingone/device.schema.json (1 problem):',
      '  - /email: expected required property "email", given missing',
      "If the vendor's documented shape changed, update schemas/pingone/device.schema.json.",
    ]);
  });

  it('keeps secrets out of the message and the problems', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const value = withValue(withValue(emailDevice, '/status', secret), '/type', 'TOTP');
    const validation = failure('pingone/device', value);
    registerSecret(secret);
    const error = new SchemaMismatchError(validation);
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('[REDACTED]');
    expect(JSON.stringify(error.problems)).not.toContain(secret);
  });

  it('keeps a long token out even when it was registered before validation', () => {
    const token = 'e'.repeat(300);
    registerSecret(token);
    const error = new SchemaMismatchError(
      failure('pingone/token-response', { ...tokenResponse, access_token: token, token_type: [token] }),
    );
    expect(error.message).toContain('/token_type: expected string, given ["[REDACTED]"]');
    expect(error.message).not.toContain('eeeeeeee');
  });
});
