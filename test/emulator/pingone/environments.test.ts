import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLE_IDS } from '../../../src/emulator/pingone/index.ts';
import { activeLicenseId, createEnvironment, json, startHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface Environment {
  id: string;
  name: string;
  type: string;
  region: string;
  status: string;
  organization: { id: string };
  license: { id: string };
  billOfMaterials: { products: { id: string; type: string }[] };
  _links: Record<string, { href: string }>;
}
interface Collection<T> {
  _links: { self: { href: string }; next?: { href: string } };
  _embedded: Record<string, T[]>;
  count: number;
  size: number;
}

describe('environments', () => {
  let h: Harness;
  let token: string;
  let licenseId: string;
  let orgId: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.token();
    licenseId = await activeLicenseId(h, token);
    orgId = h.emulator.tenant.organization.id;
  });
  afterAll(() => h.close());

  const create = (body: unknown) => h.call('POST', '/environments', { token, json: body });

  test('create (docs body): 201, Location = self href, billOfMaterials defaults, status ACTIVE', async () => {
    const response = await create({
      name: 'New-Solution-Env_1680720342',
      description: 'New environment description',
      type: 'SANDBOX',
      region: 'NA',
      license: { id: licenseId },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/hal+json;charset=UTF-8');
    const body = json<Environment>(response);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.headers.get('location')).toBe(`${h.api}/environments/${body.id}`);
    expect(body._links.self?.href).toBe(`${h.api}/environments/${body.id}`);
    expect(body._links.organization?.href).toBe(`${h.api}/organizations/${orgId}`);
    expect(body._links.populations?.href).toBe(`${h.api}/environments/${body.id}/populations`);
    expect(body).toMatchObject({
      type: 'SANDBOX',
      region: 'NA',
      status: 'ACTIVE',
      organization: { id: orgId },
      license: { id: licenseId },
    });
    expect(body.billOfMaterials.products.map((p) => p.type)).toEqual([
      'PING_ONE_BASE',
      'PING_ONE_MFA',
      'PING_ONE_RISK',
      'PING_ONE_PROVISIONING',
      'PING_ONE_VERIFY',
      'PING_ONE_AUTHORIZE',
      'PING_ONE_DAVINCI',
    ]);
    expect(json<{ createdAt: string }>(response).createdAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
  });

  test('a new environment has a default population and default MFA settings', async () => {
    const envId = await createEnvironment(h, token);
    const pops = json<Collection<{ name: string; description: string; default: boolean }>>(
      await h.call('GET', `/environments/${envId}/populations`, { token }),
    );
    expect(pops._embedded.populations).toEqual([
      expect.objectContaining({
        name: 'Default',
        description: 'Automatically created population.',
        default: true,
      }),
    ]);
    const settings = await h.call('GET', `/environments/${envId}/mfaSettings`, { token });
    expect(json(settings)).toMatchObject({
      environment: { id: envId },
      pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'NUMERIC' },
      phoneExtensions: { enabled: false },
      users: { mfaEnabled: true },
      authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
    });
    expect(json<{ lockout?: unknown }>(settings).lockout).toBeUndefined();
  });

  test('the creating Environment Admin app gets read-only Identity Data Admin and Client Application Developer on it', async () => {
    const envId = await createEnvironment(h, token);
    const assignments = h.emulator.tenant.actors.admin.roleAssignments.filter((a) => a.scope.id === envId);
    expect(assignments.map((a) => [a.roleId, a.scope.type, a.readOnly])).toEqual([
      [ROLE_IDS['Identity Data Admin'], 'ENVIRONMENT', true],
      [ROLE_IDS['Client Application Developer'], 'ENVIRONMENT', true],
    ]);
  });

  test('validation: all missing required fields reported at once as REQUIRED_VALUE', async () => {
    const response = await create({});
    expect(response.status).toBe(400);
    const body = json<P1ErrorBody>(response);
    expect(body.code).toBe('INVALID_DATA');
    expect(body.message).toBe(
      'The request could not be completed. One or more validation errors were in the request.',
    );
    expect(body.details?.map((d) => [d.code, d.target])).toEqual([
      ['REQUIRED_VALUE', 'name'],
      ['REQUIRED_VALUE', 'type'],
      ['REQUIRED_VALUE', 'region'],
      ['REQUIRED_VALUE', 'license'],
    ]);
  });

  test('validation: enums carry allowedValues; region must be allowed by the license', async () => {
    const bad = json<P1ErrorBody>(
      await create({ name: 'enum-env', type: 'DEV', region: 'MARS', license: { id: licenseId } }),
    );
    expect(bad.details).toEqual([
      expect.objectContaining({
        code: 'INVALID_VALUE',
        target: 'type',
        innerError: { allowedValues: ['SANDBOX', 'PRODUCTION'] },
      }),
      expect.objectContaining({
        code: 'INVALID_VALUE',
        target: 'region',
        innerError: { allowedValues: ['AP', 'AU', 'CA', 'EU', 'NA', 'SG'] },
      }),
    ]);
    const region = json<P1ErrorBody>(
      await create({ name: 'region-env', type: 'SANDBOX', region: 'CA', license: { id: licenseId } }),
    );
    expect(region.details).toEqual([
      expect.objectContaining({
        code: 'INVALID_VALUE',
        target: 'region',
        innerError: { allowedValues: ['NA', 'EU', 'AP'] },
      }),
    ]);
  });

  test('validation: the license must exist and be ACTIVE; PRODUCTION needs allowProduction', async () => {
    const expired = h.emulator.tenant.licenses.find((l) => l.status === 'EXPIRED');
    const unknown = json<P1ErrorBody>(
      await create({
        name: 'a',
        type: 'SANDBOX',
        region: 'NA',
        license: { id: '00000000-0000-4000-8000-000000000000' },
      }),
    );
    expect(unknown.details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'license.id' });
    const notActive = json<P1ErrorBody>(
      await create({ name: 'b', type: 'SANDBOX', region: 'NA', license: { id: expired?.id } }),
    );
    expect(notActive.details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'license.id' });
    expect(notActive.details?.[0]?.message).toContain('EXPIRED');
    const active = h.emulator.tenant.licenses.find((l) => l.status === 'ACTIVE');
    if (!active) throw new Error('no active license');
    active.environments.allowProduction = false;
    try {
      const production = json<P1ErrorBody>(
        await create({ name: 'c', type: 'PRODUCTION', region: 'NA', license: { id: licenseId } }),
      );
      expect(production.details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
    } finally {
      active.environments.allowProduction = true;
    }
  });

  test('names are unique in the organization: 400 INVALID_VALUE on name', async () => {
    const response = await create({
      name: 'Administrators',
      type: 'SANDBOX',
      region: 'NA',
      license: { id: licenseId },
    });
    expect(response.status).toBe(400);
    expect(json<P1ErrorBody>(response).details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'name' });
  });

  test('the license environment quota: 403 ACCESS_FAILED / LICENSE_EXCEEDED', async () => {
    const active = h.emulator.tenant.licenses.find((l) => l.status === 'ACTIVE');
    if (!active) throw new Error('no active license');
    const saved = active.environments.max;
    active.environments.max = h.emulator.tenant.environmentCount(active.id);
    try {
      const response = await create({
        name: 'over-quota',
        type: 'SANDBOX',
        region: 'NA',
        license: { id: licenseId },
      });
      expect(response.status).toBe(403);
      expect(json<P1ErrorBody>(response).details?.[0]?.code).toBe('LICENSE_EXCEEDED');
    } finally {
      active.environments.max = saved;
    }
  });

  test('malformed JSON → 400 INVALID_REQUEST', async () => {
    const response = await h.call('POST', '/environments', {
      token,
      body: '{"name":',
      contentType: 'application/json',
    });
    expect(response.status).toBe(400);
    const body = json<P1ErrorBody>(response);
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.message).toBe('The request could not be completed. The request was malformed or invalid.');
  });

  test('list pages with limit=1 by following _links.next verbatim', async () => {
    await createEnvironment(h, token);
    await createEnvironment(h, token);
    const all = json<Collection<Environment>>(await h.call('GET', '/environments', { token }));
    const seen: string[] = [];
    let href: string | undefined = `${h.api}/environments?limit=1`;
    while (href) {
      const page: Collection<Environment> = json<Collection<Environment>>(
        await h.call('GET', href, { token }),
      );
      expect(page.size).toBe(1);
      expect(page.count).toBe(all.count);
      seen.push(...(page._embedded.environments ?? []).map((e) => e.id));
      href = page._links.next?.href;
    }
    expect(seen).toEqual((all._embedded.environments ?? []).map((e) => e.id));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect((await h.call('GET', '/environments?limit=0', { token })).status).toBe(400);
    expect((await h.call('GET', '/environments?cursor=garbage', { token })).status).toBe(400);
  });

  test('list supports filter name sw', async () => {
    const envId = await createEnvironment(h, token, 'zz-filter-target');
    const filter = encodeURIComponent('name sw "ZZ-FILTER"');
    const page = json<Collection<Environment>>(
      await h.call('GET', `/environments?filter=${filter}`, { token }),
    );
    expect((page._embedded.environments ?? []).map((e) => e.id)).toEqual([envId]);
  });

  test('read one; unknown id → 404 with the environment message', async () => {
    const envId = await createEnvironment(h, token);
    expect(json<Environment>(await h.call('GET', `/environments/${envId}`, { token })).id).toBe(envId);
    const unknown = '5a1b1a4e-0000-4000-8000-000000000000';
    const response = await h.call('GET', `/environments/${unknown}`, { token });
    expect(response.status).toBe(404);
    expect(json<P1ErrorBody>(response)).toMatchObject({
      code: 'NOT_FOUND',
      message: `Unable to find environment with ID: '${unknown}'`,
    });
  });

  test('DELETE a SANDBOX: 204 without body, then 404; its ENVIRONMENT-scoped assignments go too', async () => {
    const envId = await createEnvironment(h, token);
    const response = await h.call('DELETE', `/environments/${envId}`, { token });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await h.call('GET', `/environments/${envId}`, { token })).status).toBe(404);
    expect(h.emulator.tenant.actors.admin.roleAssignments.some((a) => a.scope.id === envId)).toBe(false);
  });

  test('the PRODUCTION admin environment cannot be deleted: 400 CONSTRAINT_VIOLATION', async () => {
    const adminEnv = h.env.PINGONE_ADMIN_ENV_ID;
    const read = json<Environment>(await h.call('GET', `/environments/${adminEnv}`, { token }));
    expect([read.name, read.type, read.region]).toEqual(['Administrators', 'PRODUCTION', 'NA']);
    const response = await h.call('DELETE', `/environments/${adminEnv}`, { token });
    expect(response.status).toBe(400);
    expect(json<P1ErrorBody>(response).details?.[0]).toMatchObject({
      code: 'CONSTRAINT_VIOLATION',
      target: 'type',
    });
    expect((await h.call('GET', `/environments/${adminEnv}`, { token })).status).toBe(200);
  });
});
