import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolvePingOneConfig, type PingOneConfig } from '../../src/targets/pingone/config.ts';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { equals } from '../../src/flow/step/checks.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { pingOneFlow } from '../../src/targets/pingone/catalogue.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// Tokens live 2 s (the emulator floors `iat`, so each is valid 1-2 s); steps are 400 ms apart, so
// the ~25-step flow outlives several tokens and passes only because the keeper refreshes.
const TOKEN_TTL_SECONDS = 2;
const STEP_DELAY_MS = 400;

let emulator: RunningPingOneEmulator;
let config: PingOneConfig;
beforeAll(async () => {
  emulator = await startPingOneEmulator({ tokenTtlSeconds: TOKEN_TTL_SECONDS });
  const resolved = resolvePingOneConfig(emulator.env(), 'token-lifetime test');
  if (!resolved) throw new Error('the emulator produced no configuration');
  config = resolved;
});
afterAll(() => emulator.close());

const adminTokens = () =>
  emulator.tenant.issuedTokens.filter((token) => token.clientId === config.admin.clientId);

/** A management call made deliberately with a token captured earlier, expecting the documented 401. */
const expiredTokenProbe: StepDefinition = {
  id: 'probe-expired-token',
  title: 'A token captured earlier is rejected once it expired',
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}',
    auth: { type: 'bearer', token: '{{expiredToken}}' },
  },
  expect: {
    status: 401,
    contentType: /^application\/json\b/i,
    schema: 'pingone/p1-error',
    headers: { 'correlation-id': /\S/ },
  },
  checks: [equals('/code', 'ACCESS_FAILED'), equals('/details/0/code', 'INVALID_TOKEN')],
};

describe('token lifetime', () => {
  test(
    'the whole flow passes with short-lived tokens because the keeper refreshes, and an expired token ' +
      'gets the documented 401',
    { timeout: 60_000 },
    async () => {
      const session = createPingOneSession(config);
      const tokens = session.context.tokens;
      if (!tokens) throw new Error('the PingOne session has no token keeper');
      let firstToken: string | undefined;
      try {
        for (const step of pingOneFlow) {
          const run = await session.run(step);
          expect(run.status, `${step.id}`).toBe('passed');
          firstToken ??= session.vars.text('accessToken');
          await delay(STEP_DELAY_MS);
        }

        expect(tokens.refreshes.length).toBeGreaterThanOrEqual(2);
        expect(tokens.refreshes.every((refresh) => refresh.ok)).toBe(true);
        expect(adminTokens()).toHaveLength(1 + tokens.refreshes.length);
        expect(session.vars.text('accessToken')).toBe(adminTokens().at(-1)?.accessToken);

        // Deliberately the old token, through a client without a keeper: the tenant must refuse it.
        const expiresAt = adminTokens()[0]?.expiresAt ?? 0;
        expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000);
        session.vars.set('expiredToken', firstToken, { from: 'test', secret: true });
        const plain = createHttpClient();
        try {
          const outcome = await executeStep(expiredTokenProbe, { ...session.context, client: plain });
          expect(outcome.response.status).toBe(401);
        } finally {
          await plain.close();
        }
      } finally {
        const reports = await session.teardown({ deadlineMs: 10_000, intervalMs: 200 });
        await session.context.client.close();
        expect(
          reports.every((report) => report.deleted),
          JSON.stringify(reports),
        ).toBe(true);
      }
      expect(
        emulator.tenant.environments().filter((environment) => environment.name.startsWith('idflow-')),
      ).toEqual([]);
    },
  );
});
