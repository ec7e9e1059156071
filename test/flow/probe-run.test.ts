import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareProbe } from '../../src/flow/probe/probe-run.ts';
import { computeValue, tamperedSignature, wrongTotp } from '../../src/flow/step/computed-value.ts';
import { createRunDeadline } from '../../src/process/run-deadline.ts';
import { FlowSession } from '../../src/flow/run/session.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { totpCode } from '../../src/otp/totp.ts';
import { redact } from '../../src/redact/secrets.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { ExpiredTokenSource, ProbeDefinition } from '../../src/flow/probe/probe.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// Token endpoint: `expires_in` from the query; `/check` answers 401 once the token's time is up.
let server: LocalServer;
const client = createHttpClient({ timeoutMs: 2000 });
const issued = new Map<string, number>();

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/token') {
      const ttl = Number(url.searchParams.get('ttl'));
      const token = `tok-${issued.size}-${'x'.repeat(8)}`;
      issued.set(token, Date.now() + ttl * 1000);
      sendJson(response, 200, { access_token: token, expires_in: ttl });
    } else if (url.pathname === '/check') {
      const token = (request.headers.authorization ?? '').replace('Bearer ', '');
      sendJson(response, (issued.get(token) ?? 0) > Date.now() ? 200 : 401, {});
    } else if (url.pathname === '/devices') {
      sendJson(response, 201, { id: 'd1', secret: 'JBSWY3DPEHPK3PXP' });
    } else {
      sendJson(response, 400, { code: 'INVALID_DATA' });
    }
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function session(steps: readonly StepDefinition[] = []): FlowSession {
  const vars = new RunVariables();
  vars.set('base', server.url, { from: 'config' });
  return new FlowSession({ context: { client, vars, schemas: schemaRegistry() }, catalogue: steps });
}

const target: StepDefinition = {
  id: 's/p',
  title: 'probe',
  request: { method: 'GET', url: '{{base}}/check', auth: { type: 'none' } },
  expect: { status: 401 },
};
const probe = (extra: Partial<ProbeDefinition>): ProbeDefinition => ({
  id: 's/p',
  stepId: 's',
  bullet: 'b',
  provoked: 'p',
  expected: '401',
  step: target,
  ...extra,
});

function tokenSource(ttl: number): ExpiredTokenSource {
  return {
    tokenStep: {
      id: '01x-token',
      title: 'token',
      request: { method: 'POST', url: `{{base}}/token?ttl=${ttl}`, auth: { type: 'none' } },
      expect: { status: 200 },
      captures: [
        { variable: 'oldToken', pointer: '/access_token', secret: true },
        { variable: 'oldTokenExpiresIn', pointer: '/expires_in' },
      ],
    },
    tokenVariable: 'oldToken',
    expiresInVariable: 'oldTokenExpiresIn',
    check: { method: 'GET', url: '{{base}}/check', auth: { type: 'bearer', token: '{{oldToken}}' } },
    maxWaitSeconds: 5,
  };
}

describe('probe values', () => {
  test('a tampered token keeps header and payload, changes the signature, and is redacted', () => {
    const token = 'aGVhZGVy.cGF5bG9hZA.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
    const { value, secret } = computeValue(tamperedSignature('t', 'tampered'), () => token);
    expect(secret).toBe(true);
    expect(value).not.toBe(token);
    expect(value.split('.').slice(0, 2)).toEqual(token.split('.').slice(0, 2));
    expect(value.split('.')[2]).toHaveLength(token.split('.')[2]?.length ?? 0);
    expect(() => computeValue(tamperedSignature('t', 'x'), () => 'not-a-jwt')).toThrow(/JWS/);
  });

  test('a wrong TOTP code is none of the codes a server accepts around now', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const now = Date.now();
    const { value } = computeValue(wrongTotp('s', 'wrong'), () => secret, now);
    expect(value).toMatch(/^\d{6}$/);
    for (const offset of [-30_000, 0, 30_000]) expect(value).not.toBe(totpCode(secret, now + offset));
  });
});

describe('prepareProbe', () => {
  test('a named skip is returned as is', async () => {
    expect(await prepareProbe(probe({ skip: 'cannot be provoked here' }), session())).toEqual({
      ready: false,
      reason: 'cannot be provoked here',
    });
  });

  test('an actor that is not configured: skipped with a reason naming the variables to set', async () => {
    const actor = {
      name: 'the no-role actor',
      variables: ['noRoleAppID'],
      configuredBy: ['PINGONE_NO_ROLE_CLIENT_ID', 'PINGONE_NO_ROLE_CLIENT_SECRET'],
    };
    const readiness = await prepareProbe(probe({ actor }), session());
    expect(readiness).toEqual({
      ready: false,
      reason:
        'needs the no-role actor, which is not configured: set PINGONE_NO_ROLE_CLIENT_ID and ' +
        'PINGONE_NO_ROLE_CLIENT_SECRET',
    });
  });

  test('a token living longer than the wait allows: a named skip that says how long it lives', async () => {
    const readiness = await prepareProbe(probe({ expiredToken: tokenSource(3600) }), session());
    expect(readiness.ready).toBe(false);
    expect(readiness.ready ? '' : readiness.reason).toContain('live 3600 s');
  });

  test('a short-lived token is waited out once per session, until the server says 401', async () => {
    const source = tokenSource(1);
    const run = session([source.tokenStep]);
    const before = issued.size;
    const started = Date.now();
    const [first, second] = await Promise.all([
      prepareProbe(probe({ expiredToken: source }), run),
      prepareProbe(probe({ expiredToken: source }), run),
    ]);
    expect(first.ready).toBe(true);
    expect(second.ready).toBe(true);
    expect(issued.size - before).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const token = run.vars.text('oldToken');
    expect(issued.get(token)).toBeLessThanOrEqual(Date.now());
    expect(redact(`Bearer ${token}`)).not.toContain(token);
  });

  test('the whole-run deadline passing during the wait: every probe sharing it is skipped with that reason', async () => {
    const source = tokenSource(5);
    const deadline = createRunDeadline({ atMs: Date.now() + 1500, label: '1.5s' });
    const deadlineClient = createHttpClient({ timeoutMs: 2000, runDeadline: deadline });
    try {
      const vars = new RunVariables();
      vars.set('base', server.url, { from: 'config' });
      const run = new FlowSession({
        context: { client: deadlineClient, vars, schemas: schemaRegistry() },
        catalogue: [source.tokenStep],
      });
      const readiness = await Promise.all([
        prepareProbe(probe({ expiredToken: source }), run),
        prepareProbe(probe({ expiredToken: source }), run),
      ]);
      for (const each of readiness) {
        expect(each.ready).toBe(false);
        expect(each.ready ? '' : each.reason).toContain(
          'whole-run deadline (--deadline) passed while an expired token was awaited',
        );
      }
    } finally {
      await deadlineClient.close();
    }
  });

  test('before steps run in order, and a value is computed from what they captured', async () => {
    const device: StepDefinition = {
      id: '11p-device',
      title: 'device',
      request: { method: 'POST', url: '{{base}}/devices', auth: { type: 'none' } },
      expect: { status: 201 },
      captures: [
        { variable: 'pDeviceID', pointer: '/id' },
        { variable: 'pSecret', pointer: '/secret', secret: true },
      ],
    };
    const attempt: StepDefinition = {
      id: 's/p#1',
      title: 'wrong',
      request: {
        method: 'POST',
        url: '{{base}}/activate/{{pDeviceID}}?otp={{pWrong}}',
        auth: { type: 'none' },
      },
      expect: { status: 400 },
    };
    const run = session([device]);
    const readiness = await prepareProbe(
      probe({ before: [device, attempt], values: [wrongTotp('pSecret', 'pWrong')] }),
      run,
    );
    expect(readiness.ready).toBe(true);
    expect(run.state.status('11p-device')).toBe('passed');
    expect(run.state.status('s/p#1')).toBe('passed');
    expect(run.vars.text('pWrong')).not.toBe(totpCode('JBSWY3DPEHPK3PXP'));
  });

  test('a value whose input nothing produced: skipped with the producer named', async () => {
    const device: StepDefinition = {
      id: '11p-device',
      title: 'device',
      request: { method: 'POST', url: '{{base}}/devices', auth: { type: 'none' } },
      expect: { status: 201 },
      captures: [{ variable: 'pSecret', pointer: '/secret' }],
    };
    const uses: StepDefinition = {
      ...target,
      request: { ...target.request, url: '{{base}}/check?otp={{pWrong}}' },
    };
    const readiness = await prepareProbe(
      probe({ step: uses, values: [wrongTotp('pSecret', 'pWrong')] }),
      session([device]),
    );
    expect(readiness).toEqual({ ready: false, reason: 'needs pSecret from 11p-device, which has not run' });
  });
});
