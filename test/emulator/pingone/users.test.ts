import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, defaultPopulationId, json, environmentHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface User {
  id: string;
  username: string;
  mfaEnabled: boolean;
  population: { id: string };
  lifecycle: { status: string };
  _links: Record<string, { href: string }>;
}
interface PasswordState {
  status: string;
  lastChangedAt?: string;
  passwordPolicy: { id: string };
}

const IMPORT = 'application/vnd.pingidentity.user.import+json';
const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';
const GOOD_PASSWORD = 'Correct-Horse-7-Battery';

describe('users', () => {
  let h: Harness;
  let token: string;
  let envId: string;
  let popId: string;

  beforeAll(async () => {
    ({ h, token, envId } = await environmentHarness());
    popId = await defaultPopulationId(h, token, envId);
  });
  afterAll(() => h.close());

  const users = () => `/environments/${envId}/users`;

  test('create (docs body): 201 + Location and the documented representation', async () => {
    const response = await h.call('POST', users(), {
      token,
      json: { email: 'sharedTestUser@example.com', population: { id: popId }, username: 'sharedTestUser' },
    });
    expect(response.status).toBe(201);
    const body = json<User>(response);
    expect(response.headers.get('location')).toBe(`${h.api}${users()}/${body.id}`);
    expect(body).toMatchObject({
      environment: { id: envId },
      account: { canAuthenticate: true, status: 'OK' },
      email: 'sharedTestUser@example.com',
      enabled: true,
      identityProvider: { type: 'PING_ONE' },
      lifecycle: { status: 'ACCOUNT_OK' },
      mfaEnabled: false,
      population: { id: popId },
      username: 'sharedTestUser',
      verifyStatus: 'NOT_INITIATED',
    });
    expect(body._links.password?.href).toBe(`${h.api}${users()}/${body.id}/password`);
    expect(body._links.devices?.href).toBe(`${h.api}${users()}/${body.id}/devices`);
  });

  test('required fields, email format, unknown population, unknown attribute', async () => {
    const missing = json<P1ErrorBody>(
      await h.call('POST', users(), { token, json: { population: { id: popId } } }),
    );
    expect(missing.details?.map((d) => [d.code, d.target])).toEqual([
      ['REQUIRED_VALUE', 'username'],
      ['REQUIRED_VALUE', 'email'],
    ]);
    const bad = json<P1ErrorBody>(
      await h.call('POST', users(), {
        token,
        json: {
          username: 'u1',
          email: 'not-an-email',
          population: { id: '00000000-0000-4000-8000-000000000000' },
          shoeSize: 44,
        },
      }),
    );
    expect(bad.details?.map((d) => [d.code, d.target])).toEqual([
      ['INVALID_VALUE', 'email'],
      ['INVALID_VALUE', 'population.id'],
      ['INVALID_VALUE', 'shoeSize'],
    ]);
  });

  test('without population the user goes to the default population', async () => {
    const response = await h.call('POST', users(), {
      token,
      json: { username: 'no-pop', email: 'no-pop@example.com' },
    });
    expect(response.status).toBe(201);
    expect(json<User>(response).population.id).toBe(popId);
  });

  test('username unique per environment (case-insensitive) → 400 UNIQUENESS_VIOLATION', async () => {
    await createUser(h, token, envId, 'unique-one');
    const response = await h.call('POST', users(), {
      token,
      json: { username: 'Unique-One', email: 'x@example.com', population: { id: popId } },
    });
    expect(response.status).toBe(400);
    expect(json<P1ErrorBody>(response).details?.[0]).toMatchObject({
      code: 'UNIQUENESS_VIOLATION',
      target: 'username',
    });
  });

  test('plain JSON create refuses a password; user.import accepts password and lifecycle', async () => {
    const plain = await h.call('POST', users(), {
      token,
      json: { username: 'pw-plain', email: 'pw@example.com', password: { value: GOOD_PASSWORD } },
    });
    expect(plain.status).toBe(400);
    expect(json<P1ErrorBody>(plain).details?.[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'password',
    });

    const imported = await h.call('POST', users(), {
      token,
      contentType: IMPORT,
      json: {
        username: 'pw-import',
        email: 'pw-import@example.com',
        population: { id: popId },
        password: { value: GOOD_PASSWORD, forceChange: true },
        lifecycle: { status: 'VERIFICATION_REQUIRED' },
      },
    });
    expect(imported.status).toBe(201);
    const user = json<User>(imported);
    expect(user.lifecycle.status).toBe('VERIFICATION_REQUIRED');
    const password = json<PasswordState>(await h.call('GET', `${users()}/${user.id}/password`, { token }));
    expect(password.status).toBe('MUST_CHANGE_PASSWORD');

    const weak = await h.call('POST', users(), {
      token,
      contentType: IMPORT,
      json: { username: 'pw-weak', email: 'weak@example.com', password: { value: 'short' } },
    });
    expect(weak.status).toBe(400);
    expect(json<P1ErrorBody>(weak).details?.every((d) => d.target === 'password.value')).toBe(true);
  });

  test('read, list with paging, filter, delete', async () => {
    const ids = [await createUser(h, token, envId, 'page-a'), await createUser(h, token, envId, 'page-b')];
    const one = json<User>(await h.call('GET', `${users()}/${ids[0]}`, { token }));
    expect(one.username).toBe('page-a');
    const first = json<{
      _embedded: { users: User[] };
      _links: { next?: { href: string } };
      size: number;
      count: number;
    }>(await h.call('GET', `${users()}?limit=1`, { token }));
    expect(first.size).toBe(1);
    expect(first.count).toBeGreaterThan(1);
    const second = json<{ _embedded: { users: User[] } }>(
      await h.call('GET', first._links.next?.href ?? '', { token }),
    );
    expect(second._embedded.users[0]?.id).not.toBe(first._embedded.users[0]?.id);
    const filtered = json<{ _embedded: { users: User[] } }>(
      await h.call('GET', `${users()}?filter=${encodeURIComponent('username eq "page-b"')}`, { token }),
    );
    expect(filtered._embedded.users.map((u) => u.id)).toEqual([ids[1]]);
    expect((await h.call('DELETE', `${users()}/${ids[1]}`, { token })).status).toBe(204);
    const gone = await h.call('GET', `${users()}/${ids[1]}`, { token });
    expect(gone.status).toBe(404);
    expect(json<P1ErrorBody>(gone)).toMatchObject({
      code: 'NOT_FOUND',
      message: 'The request could not be completed. The requested resource was not found.',
    });
  });

  describe('password', () => {
    test('NO_PASSWORD before a set; PUT password.set → 200 OK with lastChangedAt; forceChange → MUST_CHANGE_PASSWORD', async () => {
      const userId = await createUser(h, token, envId, 'pw-flow');
      const path = `${users()}/${userId}/password`;
      const before = json<PasswordState>(await h.call('GET', path, { token }));
      expect(before.status).toBe('NO_PASSWORD');
      expect(before.lastChangedAt).toBeUndefined();
      const set = await h.call('PUT', path, {
        token,
        contentType: PASSWORD_SET,
        json: { value: GOOD_PASSWORD, forceChange: false },
      });
      expect(set.status).toBe(200);
      expect(json(set)).toMatchObject({ status: 'OK', user: { id: userId }, environment: { id: envId } });
      expect(json<PasswordState>(set).lastChangedAt).toMatch(/\.\d{3}Z$/);
      const forced = await h.call('PUT', path, {
        token,
        contentType: PASSWORD_SET,
        json: { value: 'Another-Good-Pass-9', forceChange: true },
      });
      expect(json<PasswordState>(forced).status).toBe('MUST_CHANGE_PASSWORD');
      expect(json<PasswordState>(await h.call('GET', path, { token })).status).toBe('MUST_CHANGE_PASSWORD');
    });

    test('the Standard policy as documented: 5 unique characters, and only its special characters count', async () => {
      const userId = await createUser(h, token, envId, 'pw-standard');
      const path = `${users()}/${userId}/password`;
      const set = (value: string) =>
        h.call('PUT', path, { token, contentType: PASSWORD_SET, json: { value } });
      const fewUnique = await set('Aa1!Aa1!Aa1!');
      expect(fewUnique.status).toBe(400);
      expect(json<P1ErrorBody>(fewUnique).details?.map((d) => d.message)).toEqual([
        'The password must contain at least 5 unique characters.',
      ]);
      const otherSpecial = await set('Abcdefgh1€');
      expect(otherSpecial.status).toBe(400);
      expect(json<P1ErrorBody>(otherSpecial).details?.map((d) => d.message)).toEqual([
        'The password must contain at least one special character (~!@#$%^&*()-_=+[]{}|;:,.<>/?).',
      ]);
      expect((await set('Abcdefgh1~')).status).toBe(200);
    });

    test('policy violations → 400 INVALID_DATA with one detail per rule; reuse refused', async () => {
      const userId = await createUser(h, token, envId, 'pw-policy');
      const path = `${users()}/${userId}/password`;
      const weak = await h.call('PUT', path, { token, contentType: PASSWORD_SET, json: { value: 'aaaa' } });
      expect(weak.status).toBe(400);
      const details = json<P1ErrorBody>(weak).details ?? [];
      expect(details.length).toBeGreaterThanOrEqual(4);
      expect(details.every((d) => d.code === 'INVALID_VALUE' && d.target === 'value')).toBe(true);
      await h.call('PUT', path, { token, contentType: PASSWORD_SET, json: { value: GOOD_PASSWORD } });
      const reused = await h.call('PUT', path, {
        token,
        contentType: PASSWORD_SET,
        json: { value: GOOD_PASSWORD },
      });
      expect(json<P1ErrorBody>(reused).details?.[0]?.message).toContain('last 6 passwords');
      const noValue = await h.call('PUT', path, {
        token,
        contentType: PASSWORD_SET,
        json: { forceChange: false },
      });
      expect(json<P1ErrorBody>(noValue).details?.[0]).toMatchObject({
        code: 'REQUIRED_VALUE',
        target: 'value',
      });
    });

    test('application/json on PUT password → 415 INVALID_REQUEST', async () => {
      const userId = await createUser(h, token, envId, 'pw-415');
      const response = await h.call('PUT', `${users()}/${userId}/password`, {
        token,
        json: { value: GOOD_PASSWORD },
      });
      expect(response.status).toBe(415);
      expect(json<P1ErrorBody>(response).code).toBe('INVALID_REQUEST');
      expect(json<P1ErrorBody>(response).details?.[0]?.message).toContain(PASSWORD_SET);
    });
  });

  describe('mfaEnabled', () => {
    test('GET false by default; PUT true → 200 and the user reflects it', async () => {
      const userId = await createUser(h, token, envId, 'mfa-user');
      const path = `${users()}/${userId}/mfaEnabled`;
      const before = await h.call('GET', path, { token });
      expect(json(before)).toEqual({
        _links: { self: { href: `${h.api}${path}` }, user: { href: `${h.api}${users()}/${userId}` } },
        mfaEnabled: false,
      });
      const put = await h.call('PUT', path, { token, json: { mfaEnabled: true } });
      expect(put.status).toBe(200);
      expect(json<{ mfaEnabled: boolean }>(put).mfaEnabled).toBe(true);
      expect(json<{ mfaEnabled: boolean }>(await h.call('GET', path, { token })).mfaEnabled).toBe(true);
      expect(json<User>(await h.call('GET', `${users()}/${userId}`, { token })).mfaEnabled).toBe(true);
    });

    test('mfaEnabled must be a boolean → 400 INVALID_DATA target mfaEnabled', async () => {
      const userId = await createUser(h, token, envId, 'mfa-bad');
      const path = `${users()}/${userId}/mfaEnabled`;
      const wrongType = await h.call('PUT', path, { token, json: { mfaEnabled: 'yes' } });
      expect(wrongType.status).toBe(400);
      expect(json<P1ErrorBody>(wrongType).details?.[0]).toMatchObject({
        code: 'INVALID_VALUE',
        target: 'mfaEnabled',
      });
      const missing = await h.call('PUT', path, { token, json: {} });
      expect(json<P1ErrorBody>(missing).details?.[0]).toMatchObject({
        code: 'REQUIRED_VALUE',
        target: 'mfaEnabled',
      });
    });

    test('Identity Data Admin may do users, passwords and mfaEnabled', async () => {
      const identity = await h.token('identityAdmin');
      const userId = await createUser(h, identity, envId, 'by-identity');
      expect(
        (
          await h.call('PUT', `${users()}/${userId}/mfaEnabled`, {
            token: identity,
            json: { mfaEnabled: true },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await h.call('PUT', `${users()}/${userId}/password`, {
            token: identity,
            contentType: PASSWORD_SET,
            json: { value: GOOD_PASSWORD },
          })
        ).status,
      ).toBe(200);
    });
  });
});
