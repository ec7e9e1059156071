import { describe, expect, test } from 'vitest';
import {
  atLeast,
  absent,
  echoes,
  equals,
  evaluateCheck,
  listContains,
  locationIsSelf,
  matches,
  present,
} from '../../src/flow/step/checks.ts';
import { registerSecret } from '../../src/redact/secrets.ts';
import type { HttpResponse } from '../../src/http/types.ts';

function response(json: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, headers, bodyText: JSON.stringify(json), json, durationMs: 1 };
}

const vars: Record<string, unknown> = { deviceID: 'd-2', email: 'a@example.com' };
const lookup = (name: string) => vars[name];
const devices = response({
  _embedded: {
    devices: [
      { id: 'd-1', status: 'ACTIVE' },
      { id: 'd-2', status: 'ACTIVATION_REQUIRED' },
    ],
  },
});

describe('checks', () => {
  test('equals reports expected and given', () => {
    expect(evaluateCheck(equals('/mfaEnabled', true), response({ mfaEnabled: true }), lookup)).toMatchObject({
      passed: true,
    });
    expect(evaluateCheck(equals('/mfaEnabled', true), response({ mfaEnabled: false }), lookup)).toEqual({
      name: '/mfaEnabled is true',
      passed: false,
      expected: 'true',
      given: 'false',
    });
    expect(evaluateCheck(echoes('/email', '{{email}}'), response({}), lookup)).toMatchObject({
      passed: false,
      given: 'missing',
    });
  });

  test('present, absent and matches', () => {
    expect(evaluateCheck(present('/id'), response({ id: 'x' }), lookup).passed).toBe(true);
    expect(evaluateCheck(present('/id'), response({ id: null }), lookup).passed).toBe(false);
    expect(evaluateCheck(absent('/secret'), response({ secret: 'S' }), lookup).passed).toBe(false);
    expect(evaluateCheck(absent('/secret'), response({}), lookup).passed).toBe(true);
    expect(
      evaluateCheck(matches('/keyUri', /^otpauth:/), response({ keyUri: 'otpauth://totp/x' }), lookup).passed,
    ).toBe(true);
    expect(evaluateCheck(matches('/keyUri', /^otpauth:/), response({ keyUri: 7 }), lookup).passed).toBe(
      false,
    );
  });

  test('a given value is redacted before it is cut: no head of a long secret survives', () => {
    const token = `eyJhbGciOiJSUzI1NiJ9.${'c'.repeat(150)}.signature-checks-test`;
    registerSecret(token);
    const result = evaluateCheck(
      absent('/accessToken', 'no token'),
      response({ accessToken: token }),
      lookup,
    );
    expect(result).toMatchObject({ passed: false, given: '"[REDACTED]"' });
  });

  test('listContains needs one item matching every field', () => {
    expect(
      evaluateCheck(
        listContains('/_embedded/devices', { '/id': '{{deviceID}}', '/status': 'ACTIVATION_REQUIRED' }),
        devices,
        lookup,
      ).passed,
    ).toBe(true);
    const result = evaluateCheck(
      listContains('/_embedded/devices', { '/id': '{{deviceID}}', '/status': 'ACTIVE' }),
      devices,
      lookup,
    );
    expect(result).toMatchObject({
      passed: false,
      expected: 'an item with /id = "d-2" and /status = "ACTIVE"',
      given: '2 item(s), none matching',
    });
  });

  test('atLeast counts arrays', () => {
    expect(evaluateCheck(atLeast('/_embedded/devices', 2), devices, lookup).passed).toBe(true);
    expect(evaluateCheck(atLeast('/_embedded/devices', 3), devices, lookup)).toMatchObject({
      passed: false,
      given: '2',
    });
  });

  test('Location must be the self link of the created resource', () => {
    const body = { _links: { self: { href: 'http://h/v1/environments/e' } } };
    expect(
      evaluateCheck(locationIsSelf(), response(body, { location: 'http://h/v1/environments/e' }), lookup)
        .passed,
    ).toBe(true);
    expect(
      evaluateCheck(locationIsSelf(), response(body, { location: 'http://h/v1/environments/other' }), lookup)
        .passed,
    ).toBe(false);
    expect(evaluateCheck(locationIsSelf(), response(body), lookup)).toMatchObject({
      passed: false,
      given: 'missing',
    });
  });
});
