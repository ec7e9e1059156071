import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLE_IDS } from '../../../src/emulator/pingone/index.ts';
import { createEnvironment, json, startHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface License {
  id: string;
  status: string;
  environments: { allowProduction: boolean; max: number; regions: string[] };
  _links: { self: { href: string } };
}
interface Licenses {
  _embedded: { licenses: License[] };
  count: number;
  size: number;
}

describe('organizations, licenses, roles', () => {
  let h: Harness;
  let token: string;
  let orgId: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.token();
    orgId = h.emulator.tenant.organization.id;
  });
  afterAll(() => h.close());

  test('GET /organizations lists the one organization; the suite can discover its id there', async () => {
    const response = await h.call('GET', '/organizations', { token });
    expect(response.status).toBe(200);
    const body = json<{
      _embedded: { organizations: { id: string; type: string }[] };
      count: number;
      size: number;
    }>(response);
    expect(body._embedded.organizations.map((org) => org.id)).toEqual([orgId]);
    expect([body.count, body.size]).toEqual([1, 1]);
    const one = await h.call('GET', `/organizations/${orgId}`, { token });
    expect(json(one)).toMatchObject({
      id: orgId,
      type: 'TRIAL',
      _links: { self: { href: `${h.api}/organizations/${orgId}` } },
    });
  });

  test('the org id is in the token (org claim) as well', async () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      org: string;
    };
    expect(claims.org).toBe(orgId);
  });

  test('licenses: ACTIVE, EXPIRED and FUTURE, the ACTIVE one not first', async () => {
    const body = json<Licenses>(await h.call('GET', `/organizations/${orgId}/licenses`, { token }));
    const statuses = body._embedded.licenses.map((license) => license.status);
    expect(statuses).toContain('EXPIRED');
    expect(statuses).toContain('FUTURE');
    expect(statuses[0]).not.toBe('ACTIVE');
    const active = body._embedded.licenses.find((license) => license.status === 'ACTIVE');
    expect(active?.environments).toMatchObject({ allowProduction: true, max: 20 });
    expect(active?.environments.regions).toContain('NORTH_AMERICA');
    expect([body.count, body.size]).toEqual([3, 3]);
  });

  test('filter=status eq "active" (value case-insensitive) keeps only the ACTIVE license', async () => {
    const filter = encodeURIComponent('status eq "active"');
    const body = json<Licenses>(
      await h.call('GET', `/organizations/${orgId}/licenses?filter=${filter}`, { token }),
    );
    expect(body._embedded.licenses.map((license) => license.status)).toEqual(['ACTIVE']);
    expect(body.count).toBe(1);
  });

  test('an unsupported filter is 400 INVALID_DATA / INVALID_FILTER', async () => {
    const response = await h.call(
      'GET',
      `/organizations/${orgId}/licenses?filter=${encodeURIComponent('name eq "x"')}`,
      { token },
    );
    expect(response.status).toBe(400);
    expect(json<P1ErrorBody>(response).details?.[0]).toMatchObject({
      code: 'INVALID_FILTER',
      target: 'filter',
    });
  });

  test('GET one license; unknown license or organization → 404', async () => {
    const list = json<Licenses>(await h.call('GET', `/organizations/${orgId}/licenses`, { token }));
    const first = list._embedded.licenses[0];
    const one = await h.call('GET', `/organizations/${orgId}/licenses/${first?.id}`, { token });
    expect(json<License>(one).id).toBe(first?.id);
    expect(json<License>(one)._links.self.href).toBe(first?._links.self.href);
    expect(
      (
        await h.call('GET', `/organizations/${orgId}/licenses/00000000-0000-4000-8000-000000000000`, {
          token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await h.call('GET', '/organizations/00000000-0000-4000-8000-000000000000', { token })).status,
    ).toBe(404);
  });

  test('assignedEnvironmentsCount follows environment creation', async () => {
    const active = () =>
      h
        .call('GET', `/organizations/${orgId}/licenses`, { token })
        .then((r) =>
          json<{ _embedded: { licenses: { status: string; assignedEnvironmentsCount: number }[] } }>(r),
        )
        .then(
          (b) => b._embedded.licenses.find((l) => l.status === 'ACTIVE')?.assignedEnvironmentsCount ?? -1,
        );
    const before = await active();
    await createEnvironment(h, token);
    expect(await active()).toBe(before + 1);
  });

  test('roles: built-in roles with stable ids, readable one by one', async () => {
    const body = json<{ _embedded: { roles: { id: string; name: string }[] } }>(
      await h.call('GET', '/roles', { token }),
    );
    const byName = new Map(body._embedded.roles.map((role) => [role.name, role.id]));
    expect(byName.get('Organization Admin')).toBe(ROLE_IDS['Organization Admin']);
    expect(byName.get('Environment Admin')).toBe(ROLE_IDS['Environment Admin']);
    expect(byName.get('Identity Data Admin')).toBe(ROLE_IDS['Identity Data Admin']);
    const one = await h.call('GET', `/roles/${ROLE_IDS['Identity Data Admin']}`, { token });
    expect(json(one)).toMatchObject({
      name: 'Identity Data Admin',
      applicableTo: expect.arrayContaining(['ENVIRONMENT']),
    });
    expect((await h.call('GET', '/roles/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404);
  });

  test('role assignments of the seeded apps are readable', async () => {
    const adminEnv = h.env.PINGONE_ADMIN_ENV_ID;
    const read = async (appId: string | undefined) =>
      json<{
        _embedded: {
          roleAssignments: { id: string; role: { id: string }; scope: { id: string; type: string } }[];
        };
      }>(await h.call('GET', `/environments/${adminEnv}/applications/${appId}/roleAssignments`, { token }))
        ._embedded.roleAssignments;
    const fresh = await startHarness();
    try {
      const freshToken = await fresh.token();
      const admin = json<{
        _embedded: { roleAssignments: { role: { id: string }; scope: { id: string; type: string } }[] };
      }>(
        await fresh.call(
          'GET',
          `/environments/${fresh.env.PINGONE_ADMIN_ENV_ID}/applications/${fresh.env.PINGONE_CLIENT_ID}/roleAssignments`,
          {
            token: freshToken,
          },
        ),
      )._embedded.roleAssignments;
      const freshOrg = fresh.emulator.tenant.organization.id;
      expect(admin).toEqual([
        expect.objectContaining({
          role: { id: ROLE_IDS['Organization Admin'] },
          scope: { id: freshOrg, type: 'ORGANIZATION' },
        }),
        expect.objectContaining({
          role: { id: ROLE_IDS['Environment Admin'] },
          scope: { id: freshOrg, type: 'ORGANIZATION' },
        }),
      ]);
    } finally {
      await fresh.close();
    }
    const identity = await read(h.env.PINGONE_IDENTITY_ADMIN_CLIENT_ID);
    expect(identity.map((a) => [a.role.id, a.scope.type])).toEqual([
      [ROLE_IDS['Identity Data Admin'], 'ORGANIZATION'],
    ]);
    expect(await read(h.env.PINGONE_NO_ROLE_CLIENT_ID)).toEqual([]);
    const first = (await read(h.env.PINGONE_IDENTITY_ADMIN_CLIENT_ID))[0];
    const one = await h.call(
      'GET',
      `/environments/${adminEnv}/applications/${h.env.PINGONE_IDENTITY_ADMIN_CLIENT_ID}/roleAssignments/${first?.id}`,
      { token },
    );
    expect(json<{ id: string }>(one).id).toBe(first?.id);
    expect(
      (
        await h.call(
          'GET',
          `/environments/${adminEnv}/applications/00000000-0000-4000-8000-000000000000/roleAssignments`,
          { token },
        )
      ).status,
    ).toBe(404);
  });
});
