import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveLerianConfig, type LerianConfig } from '../../src/targets/lerian-identity/config.ts';
import {
  startLerianIdentityEmulator,
  type RunningLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { equals } from '../../src/flow/step/checks.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { lerianIdentityCatalogue } from '../../src/targets/lerian-identity/catalogue.ts';
import { createLerianIdentitySession } from '../../src/targets/lerian-identity/session.ts';
import { applicationToken, createUser, readUser } from '../../src/targets/lerian-identity/steps/index.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// Tokens live 2 s (the emulator floors `iat`, so each is valid 1-2 s); steps are 300 ms apart, so
// the ~39-step flow outlives several tokens and passes only because the keeper refreshes.
const TOKEN_TTL_SECONDS = 2;
const STEP_DELAY_MS = 300;

let emulator: RunningLerianIdentityEmulator;
beforeAll(async () => {
  emulator = await startLerianIdentityEmulator({ tokenTtlSeconds: TOKEN_TTL_SECONDS });
});
afterAll(() => emulator.close());

function configOf(env: Record<string, string>): LerianConfig {
  const config = resolveLerianConfig(env, 'lerian token-lifetime test');
  if (!config) throw new Error('the emulator produced no configuration');
  return config;
}

const tokensOf = (subject: string) =>
  emulator.directory.issuedTokens.filter((token) => token.subject === subject);
const runUsers = () =>
  [...emulator.directory.users.values()].filter((user) => user.username.startsWith('idflow-'));

/** An Identity call made deliberately with a token captured earlier, expecting the documented 401. */
const expiredTokenProbe: StepDefinition = {
  id: 'probe-expired-token',
  title: 'A token captured earlier is refused once it expired',
  request: {
    method: 'GET',
    url: '{{identityPath}}/v1/users/{{userID}}',
    auth: { type: 'bearer', token: '{{expiredToken}}' },
  },
  expect: { status: 401, contentType: /^application\/json\b/i, schema: 'lerian-identity/error-message' },
  checks: [equals('/code', 'IDE-0009')],
};

async function tearDown(session: FlowSession): Promise<void> {
  const reports = await session.teardown();
  await session.context.client.close();
  expect(
    reports.every((report) => report.deleted),
    JSON.stringify(reports),
  ).toBe(true);
}

describe('Lerian token lifetime', () => {
  test(
    'the whole flow passes with short-lived admin tokens because the keeper refreshes, and an expired ' +
      'token gets 401 IDE-0009',
    { timeout: 60_000 },
    async () => {
      const session = createLerianIdentitySession(configOf(emulator.env()));
      const tokens = session.context.tokens;
      if (!tokens) throw new Error('the Lerian session has no token keeper');
      let firstToken: string | undefined;
      try {
        for (const step of lerianIdentityCatalogue) {
          const run = await session.run(step);
          expect(run.status, step.id).toBe('passed');
          firstToken ??= session.vars.text('accessToken');
          await delay(STEP_DELAY_MS);
        }
        expect(tokens.refreshes.length).toBeGreaterThanOrEqual(2);
        expect(tokens.refreshes.every((refresh) => refresh.ok)).toBe(true);
        // Step 01c's refreshed token has no known lifetime: it is replaced once refused.
        expect(tokens.refreshes.map((refresh) => refresh.reason)).toEqual(
          expect.arrayContaining(['rejected', 'expiring']),
        );
        expect(session.vars.text('accessToken')).toBe(tokensOf(emulator.actors.admin.id).at(-1)?.accessToken);

        session.vars.set('expiredToken', firstToken, { from: 'test', secret: true });
        const plain = createHttpClient();
        try {
          const outcome = await executeStep(expiredTokenProbe, { ...session.context, client: plain });
          expect(outcome.response.status).toBe(401);
        } finally {
          await plain.close();
        }
      } finally {
        await tearDown(session);
      }
      expect(runUsers()).toEqual([]);
    },
  );

  test(
    'with only an M2M application configured, the keeper refreshes with the client_credentials step',
    { timeout: 30_000 },
    async () => {
      const { LERIAN_USERNAME: _user, LERIAN_PASSWORD: _password, ...applicationOnly } = emulator.env();
      const session = createLerianIdentitySession(configOf(applicationOnly));
      const tokens = session.context.tokens;
      if (!tokens) throw new Error('the Lerian session has no token keeper');
      const before = tokensOf(emulator.actors.application.id).length;
      try {
        for (const step of [applicationToken, createUser])
          expect((await session.run(step)).status, step.id).toBe('passed');
        await delay(TOKEN_TTL_SECONDS * 1000 + 100);
        expect((await session.run(readUser)).status).toBe('passed');
        expect(tokens.refreshes).toMatchObject([{ reason: 'expiring', ok: true }]);
        expect(tokensOf(emulator.actors.application.id)).toHaveLength(before + 2);
      } finally {
        await tearDown(session);
      }
      expect(runUsers()).toEqual([]);
    },
  );
});
