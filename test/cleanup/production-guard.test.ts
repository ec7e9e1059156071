import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { buildRequest } from '../../src/flow/step/build-request.ts';
import { GuardError } from '../../src/guards/guard-error.ts';
import { withExchangeSink } from '../../src/http/exchange-scope.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import { getAccessToken } from '../../src/targets/pingone/steps/01-get-access-token.ts';
import { BEARER } from '../../src/targets/pingone/conventions.ts';
import { plantEnvironment } from './support/plant.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';
import type { HttpMethod } from '../../src/http/types.ts';
import type { JsonTemplate } from '../../src/flow/step/template.ts';

let emulator: RunningPingOneEmulator;
const sessions: FlowSession[] = [];

beforeAll(async () => {
  emulator = await startPingOneEmulator();
});
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.context.client.close()));
  await emulator.close();
});

async function session(extra: Record<string, string> = {}): Promise<FlowSession> {
  const config = resolvePingOneConfig({ ...emulator.env(), ...extra }, 'test');
  if (!config) throw new Error('no config');
  const flow = createPingOneSession(config);
  sessions.push(flow);
  await flow.run(getAccessToken);
  return flow;
}

function send(flow: FlowSession, method: HttpMethod, path: string, json?: JsonTemplate) {
  return flow.context.client.send(
    buildRequest(
      { method, url: `{{apiPath}}${path}`, auth: BEARER, ...(json ? { body: { json } } : {}) },
      flow.vars.lookup,
    ),
  );
}

describe('the guarded client never harms a PRODUCTION environment', () => {
  test('the read before an environment DELETE is an exchange of its own in the reports, before the DELETE', async () => {
    const flow = await session();
    const admin = emulator.tenant.adminEnvironmentId;
    const seen: string[] = [];
    await withExchangeSink(
      (exchange) =>
        seen.push(`${exchange.request.method} ${exchange.response?.status ?? exchange.error?.code}`),
      () => expect(send(flow, 'DELETE', `/environments/${admin}`)).rejects.toThrow(GuardError),
    );
    expect(seen).toEqual(['GET 200', 'DELETE PRODUCTION_REFUSED']);
  });

  test('a DELETE of a PRODUCTION environment is refused after reading its type, and never sent', async () => {
    const flow = await session();
    const admin = emulator.tenant.adminEnvironmentId;
    await expect(send(flow, 'DELETE', `/environments/${admin}`)).rejects.toThrow(GuardError);
    await expect(send(flow, 'DELETE', `/environments/${admin}`)).rejects.toThrow(/PRODUCTION environment/);
    expect(emulator.tenant.environmentsById.has(admin)).toBe(true);
  });

  test('a POST creating a PRODUCTION environment is refused; a SANDBOX one is created', async () => {
    const flow = await session();
    const before = emulator.tenant.environments().length;
    const body = {
      name: 'idflow-guard-test',
      type: 'PRODUCTION',
      region: 'NA',
      license: { id: emulator.tenant.licenses[0]?.id ?? '' },
    };
    await expect(send(flow, 'POST', '/environments', body)).rejects.toThrow(
      /refusing to create a PRODUCTION environment/,
    );
    expect(emulator.tenant.environments()).toHaveLength(before);
  });

  test('a write inside an environment seen as PRODUCTION is refused; reads still go through', async () => {
    const flow = await session();
    const production = plantEnvironment(emulator.tenant, { name: 'customer-production', type: 'PRODUCTION' });
    expect((await send(flow, 'GET', `/environments/${production.id}`)).status).toBe(200);
    await expect(
      send(flow, 'POST', `/environments/${production.id}/populations`, { name: 'x' }),
    ).rejects.toThrow(/PRODUCTION/);
    expect(production.populations.size).toBe(1);
    expect((await send(flow, 'GET', `/environments/${production.id}/populations`)).status).toBe(200);
  });

  test('the environment PINGONE_ENV_ID names is never deleted, even when SANDBOX', async () => {
    const sandbox = plantEnvironment(emulator.tenant, { name: 'team-sandbox' });
    const flow = await session({ PINGONE_ENV_ID: sandbox.id });
    await expect(send(flow, 'DELETE', `/environments/${sandbox.id}`)).rejects.toThrow(/did not create it/);
    expect(emulator.tenant.environmentsById.has(sandbox.id)).toBe(true);
  });

  test('a SANDBOX environment not named as idflow names its own is never deleted (a create answered with its id)', async () => {
    const flow = await session();
    const theirs = plantEnvironment(emulator.tenant, { name: 'customer-sandbox' });
    await expect(send(flow, 'DELETE', `/environments/${theirs.id}`)).rejects.toThrow(
      /refusing to delete environment .*"customer-sandbox"/,
    );
    expect(emulator.tenant.environmentsById.has(theirs.id)).toBe(true);
  });

  test('a SANDBOX environment of its own is deleted', async () => {
    const flow = await session();
    const sandbox = plantEnvironment(emulator.tenant, { name: 'idflow-own' });
    expect((await send(flow, 'DELETE', `/environments/${sandbox.id}`)).status).toBe(204);
    expect(emulator.tenant.environmentsById.has(sandbox.id)).toBe(false);
  });
});

describe('the guarded client refuses a write whose path names no well-formed environment', () => {
  test.each([
    { label: 'a path outside environments', path: () => '/organizations/undefined' },
    { label: 'traversal', path: (own: string, victim: string) => `/environments/${own}/../${victim}` },
    {
      label: 'encoded traversal',
      path: (own: string, victim: string) => `/environments/${own}/%2e%2e/${victim}`,
    },
    {
      label: 'encoded traversal, mixed case',
      path: (own: string, victim: string) => `/environments/${own}/.%2E/${victim}`,
    },
    { label: 'a backslash', path: (own: string, victim: string) => `/environments/${own}/..\\${victim}` },
    { label: 'a double slash', path: (_own: string, victim: string) => `/environments//${victim}` },
    {
      label: 'an encoded slash in the id',
      path: (own: string, victim: string) => `/environments/${own}%2F..%2F${victim}`,
    },
    { label: 'an id that is not a UUID', path: () => '/environments/undefined' },
  ])('DELETE with $label is refused, says why, and is never sent', async ({ path }) => {
    const flow = await session();
    const victim = plantEnvironment(emulator.tenant, { name: 'customer-sandbox' });
    const own = plantEnvironment(emulator.tenant, { name: 'idflow-own-for-traversal' });
    const error = await send(flow, 'DELETE', path(own.id, victim.id)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GuardError);
    expect((error as GuardError).code).toBe('MALFORMED_PATH_REFUSED');
    expect((error as GuardError).message).toMatch(/refusing DELETE .*: /);
    expect(emulator.tenant.environmentsById.has(victim.id)).toBe(true);
    expect(emulator.tenant.environmentsById.has(own.id)).toBe(true);
  });

  test('a POST with traversal into another environment is refused', async () => {
    const flow = await session();
    const victim = plantEnvironment(emulator.tenant, { name: 'customer-sandbox' });
    const own = plantEnvironment(emulator.tenant, { name: 'idflow-own-for-post' });
    const populations = victim.populations.size;
    await expect(
      send(flow, 'POST', `/environments/${own.id}/../${victim.id}/populations`, { name: 'x' }),
    ).rejects.toThrow(/refusing POST/);
    expect(victim.populations.size).toBe(populations);
  });
});
