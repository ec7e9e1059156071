import { describe, expect, test } from 'vitest';
import { schemaRegistry } from '../../../src/schema/index.ts';

const registry = schemaRegistry();

/** Each Lerian schema: one documented example it accepts, and the breakages it must catch. */
const cases: Array<{ schema: string; valid: unknown; invalid: Array<[string, unknown]> }> = [
  {
    schema: 'error-message',
    valid: {
      code: 'IDE-0040',
      title: 'MFA Already Enabled',
      message: 'MFA is already enabled for this user.',
    },
    invalid: [
      ['no code', { title: 'MFA Already Enabled', message: 'x' }],
      ['a code of another shape', { code: 'E40', title: 't', message: 'm' }],
    ],
  },
  {
    schema: 'oauth2-token',
    valid: {
      accessToken: 'a.b.c',
      expiresIn: 3600,
      refreshToken: 'r',
      tokenType: 'Bearer',
      scope: 'openid profile email',
    },
    invalid: [
      [
        'another token type',
        { accessToken: 'a', expiresIn: 3600, refreshToken: 'r', tokenType: 'bearer-ish' },
      ],
      ['no refresh token', { accessToken: 'a', expiresIn: 3600, tokenType: 'Bearer' }],
    ],
  },
  {
    schema: 'mfa-setup',
    valid: {
      secret: 'JBSWY3DPEHPK3PXP',
      url: 'otpauth://totp/Lerian:johndoe?secret=JBSWY3DPEHPK3PXP&issuer=Lerian',
      recoveryCodes: ['a1b2c3d4e5', 'f6g7h8i9j0', 'k1l2m3n4o5'],
      mfaType: 'app',
      enabled: false,
    },
    invalid: [
      [
        'an app setup without secret',
        { url: 'otpauth://totp/x', recoveryCodes: ['a'], mfaType: 'app', enabled: false },
      ],
      [
        'no recovery codes',
        {
          secret: 'JBSWY3DPEHPK3PXP',
          url: 'otpauth://totp/x',
          recoveryCodes: [],
          mfaType: 'app',
          enabled: false,
        },
      ],
    ],
  },
  {
    schema: 'mfa-status',
    valid: {
      enabled: true,
      preferredType: 'app',
      methods: ['app'],
      totpEnabled: true,
      emailEnabled: false,
      smsEnabled: false,
    },
    invalid: [['an unknown method', { enabled: true, methods: ['fax'] }]],
  },
  { schema: 'mfa-challenge', valid: { mfaToken: 'tmp' }, invalid: [['no mfaToken', { mfaRequired: true }]] },
  { schema: 'mfa-enabled', valid: { enabled: true }, invalid: [['a string flag', { enabled: 'true' }]] },
  { schema: 'mfa-verified', valid: { verified: true }, invalid: [['no flag', {}]] },
  {
    schema: 'mfa-preferred',
    valid: { preferredType: 'app' },
    invalid: [['an unknown type', { preferredType: 'fax' }]],
  },
  {
    schema: 'user',
    valid: {
      id: '019c96a0-0c21-71f9-a487-66a1258278a1',
      firstName: 'John',
      lastName: 'Doe',
      email: 'john@example.com',
      username: 'johndoe',
      groups: ['admin-group'],
    },
    invalid: [
      ['no id', { firstName: 'John', lastName: 'Doe', email: 'john@example.com', username: 'johndoe' }],
    ],
  },
  {
    schema: 'userinfo',
    valid: { sub: 'u1', email: 'a@example.com' },
    invalid: [['no sub', { email: 'a@example.com' }]],
  },
];

describe('Lerian Identity schemas', () => {
  test('every schema under lerian-identity/ is covered here', () => {
    const covered = new Set(cases.map((each) => `lerian-identity/${each.schema}`));
    const names = registry
      .names()
      .filter((name) => name.startsWith('lerian-identity/') && name !== 'lerian-identity/mfa-type');
    expect(names.filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const { schema, valid, invalid } of cases) {
    test(`${schema}: accepts the documented example, with unknown fields too`, () => {
      expect(registry.validate(`lerian-identity/${schema}`, valid).valid).toBe(true);
      expect(
        registry.validate(`lerian-identity/${schema}`, { ...(valid as object), newerField: 1 }).valid,
      ).toBe(true);
    });
    test.each(invalid)(`${schema}: rejects %s`, (_label, value) => {
      expect(registry.validate(`lerian-identity/${schema}`, value).valid).toBe(false);
    });
  }
});
