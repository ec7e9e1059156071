import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createEnvironment,
  createUser,
  defaultPopulationId,
  json,
  environmentHarness,
} from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface Population {
  id: string;
  name: string;
  userCount: number;
  default: boolean;
  theme: { id: string };
  _links: Record<string, { href: string }>;
}

describe('populations', () => {
  let h: Harness;
  let token: string;
  let envId: string;

  beforeAll(async () => ({ h, token, envId } = await environmentHarness()));
  afterAll(() => h.close());

  const base = () => `/environments/${envId}/populations`;

  test('create (docs body): 201 + Location, userCount 0, preferredLanguage en, default false, theme', async () => {
    const response = await h.call('POST', base(), {
      token,
      json: { name: 'Shared-Test-User-Population', description: 'Population for PingOne test users' },
    });
    expect(response.status).toBe(201);
    const body = json<Population>(response);
    expect(response.headers.get('location')).toBe(`${h.api}${base()}/${body.id}`);
    expect(body).toMatchObject({
      name: 'Shared-Test-User-Population',
      description: 'Population for PingOne test users',
      environment: { id: envId },
      userCount: 0,
      preferredLanguage: 'en',
      default: false,
    });
    expect(body.theme.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body._links.theme?.href).toBe(`${h.api}/environments/${envId}/themes/${body.theme.id}`);
  });

  test('duplicate name → 400 UNIQUENESS_VIOLATION; missing name → REQUIRED_VALUE', async () => {
    await h.call('POST', base(), { token, json: { name: 'dup-pop' } });
    const dup = await h.call('POST', base(), { token, json: { name: 'DUP-pop' } });
    expect(dup.status).toBe(400);
    expect(json<P1ErrorBody>(dup).details?.[0]).toMatchObject({
      code: 'UNIQUENESS_VIOLATION',
      target: 'name',
    });
    const missing = await h.call('POST', base(), { token, json: { description: 'x' } });
    expect(json<P1ErrorBody>(missing).details?.[0]).toMatchObject({ code: 'REQUIRED_VALUE', target: 'name' });
  });

  test('read, list and userCount', async () => {
    const created = json<Population>(await h.call('POST', base(), { token, json: { name: 'counted' } }));
    await h.call('POST', `/environments/${envId}/users`, {
      token,
      json: { username: 'counted-user', email: 'counted@example.com', population: { id: created.id } },
    });
    const one = json<Population>(await h.call('GET', `${base()}/${created.id}`, { token }));
    expect(one.userCount).toBe(1);
    const list = json<{ _embedded: { populations: Population[] }; count: number }>(
      await h.call('GET', base(), { token }),
    );
    expect(list._embedded.populations.map((p) => p.id)).toContain(created.id);
    expect(list.count).toBe(list._embedded.populations.length);
    expect((await h.call('GET', `${base()}/00000000-0000-4000-8000-000000000000`, { token })).status).toBe(
      404,
    );
  });

  test('delete → 204; refusing a population with users and the last population (CONSTRAINT_VIOLATION)', async () => {
    const other = await createEnvironment(h, token);
    const otherBase = `/environments/${other}/populations`;
    const extra = json<Population>(await h.call('POST', otherBase, { token, json: { name: 'to-delete' } }));
    expect((await h.call('DELETE', `${otherBase}/${extra.id}`, { token })).status).toBe(204);
    expect((await h.call('GET', `${otherBase}/${extra.id}`, { token })).status).toBe(404);

    const defaultId = await defaultPopulationId(h, token, other);
    const last = await h.call('DELETE', `${otherBase}/${defaultId}`, { token });
    expect(last.status).toBe(400);
    expect(json<P1ErrorBody>(last).details?.[0]?.code).toBe('CONSTRAINT_VIOLATION');
    expect(json<P1ErrorBody>(last).details?.[0]?.message).toContain('must contain at least one population');

    await h.call('POST', otherBase, { token, json: { name: 'second' } });
    await createUser(h, token, other, 'populated');
    const withUsers = await h.call('DELETE', `${otherBase}/${defaultId}`, { token });
    expect(withUsers.status).toBe(400);
    expect(json<P1ErrorBody>(withUsers).details?.[0]?.code).toBe('CONSTRAINT_VIOLATION');
  });

  test('Identity Data Admin may manage populations too', async () => {
    const identity = await h.token('identityAdmin');
    expect(
      (await h.call('POST', base(), { token: identity, json: { name: 'by-identity-admin' } })).status,
    ).toBe(201);
  });
});
