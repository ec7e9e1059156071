import {
  RESULTS_VERSION,
  type CheckRun,
  type ExchangeRecord,
  type RunResults,
} from '../../src/report/results.ts';

/**
 * A small but complete results value for the reports' unit tests: one target with a passing
 * step that retried, a step that settled, a failing step with evidence, two probes sent side by
 * side, a skipped step and a probe skipped with reasons, an unconfirmed expectation, teardown.
 */
const T0 = Date.parse('2026-11-26T02:00:00.000Z');
const API = 'https://api.pingone.eu/v1';

function exchange(
  index: number,
  check: string,
  method: string,
  path: string,
  template: string,
  at: number,
  durationMs: number,
  status: number | undefined,
  extra: Partial<ExchangeRecord> = {},
): ExchangeRecord {
  const body = status === undefined ? undefined : JSON.stringify({ id: `id-${index}` });
  return {
    index,
    check,
    method,
    url: `${API}${path}`,
    pathTemplate: `/v1${template}`,
    ...(status === undefined ? {} : { status }),
    startedAt: new Date(T0 + at).toISOString(),
    startMs: T0 + at,
    durationMs,
    requestBytes: method === 'GET' ? 0 : 42,
    responseBytes: body?.length ?? 0,
    correlationId: `corr-${index}`,
    retries: [],
    request: {
      headers: { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{"name":"idflow-20261126t0200-abc123"}' }),
    },
    ...(status === undefined
      ? {}
      : {
          response: {
            headers: { 'content-type': 'application/hal+json', 'correlation-id': `corr-${index}` },
            body,
          },
        }),
    ...extra,
  };
}

const ENV = '/environments/6f1c2a3b-0000-4000-8000-00000000000a';

export function resultsFixture(options: { failing?: boolean } = {}): RunResults {
  const failing = options.failing ?? true;
  const exchanges: ExchangeRecord[] = [
    exchange(0, '01-get-access-token', 'POST', '/../as/token', '/as/token', 0, 80, 200, {
      url: 'https://auth.pingone.eu/11111111-2222-4333-8444-555555555555/as/token',
      pathTemplate: '/{id}/as/token',
      request: { headers: { authorization: 'Basic [REDACTED]' }, body: 'grant_type=client_credentials' },
      response: { headers: { 'content-type': 'application/json' }, body: '{"access_token":"[REDACTED]"}' },
    }),
    exchange(1, '03-create-environment', 'POST', '/environments', '/environments', 100, 1450, 201, {
      retries: [{ outcome: '429', waitedMs: 1000, basis: 'Retry-After' }],
    }),
    exchange(
      2,
      '04-create-population',
      'POST',
      `${ENV}/populations`,
      '/environments/{id}/populations',
      1600,
      60,
      404,
    ),
    exchange(
      3,
      '04-create-population',
      'POST',
      `${ENV}/populations`,
      '/environments/{id}/populations',
      1900,
      70,
      201,
    ),
    exchange(
      4,
      '05-create-user',
      'POST',
      `${ENV}/users`,
      '/environments/{id}/users',
      2000,
      90,
      failing ? 400 : 201,
      {
        ...(failing
          ? {
              response: {
                headers: { 'content-type': 'application/json', 'correlation-id': 'corr-4' },
                body: '{"code":"INVALID_DATA","message":"The request could not be completed. One or more validation errors were in the request."}',
              },
            }
          : {}),
      },
    ),
    exchange(
      5,
      '05-create-user/expired-token',
      'POST',
      `${ENV}/users`,
      '/environments/{id}/users',
      2100,
      40,
      401,
    ),
    exchange(
      6,
      '05-create-user/missing-role',
      'POST',
      `${ENV}/users`,
      '/environments/{id}/users',
      2102,
      45,
      403,
    ),
    exchange(7, '99-teardown', 'DELETE', ENV, '/environments/{id}', 2300, 30, 204),
  ];
  const base = { expectations: [], unconfirmed: [], notes: [], retries: 0 } as const;
  const checks: CheckRun[] = [
    {
      ...base,
      id: '01-get-access-token',
      kind: 'step',
      title: '01-get-access-token: Get an access token',
      suite: 'suites/pingone/01-get-access-token.test.ts',
      definition: { file: 'src/targets/pingone/steps/01-get-access-token.ts', line: 12 },
      status: 'passed',
      startedAt: new Date(T0).toISOString(),
      durationMs: 85,
      httpStatus: 200,
      expectations: [{ name: 'status', passed: true, expected: '200', given: '200' }],
      exchanges: [0],
    },
    {
      ...base,
      id: '03-create-environment',
      kind: 'step',
      title: '03-create-environment: Create an environment',
      suite: 'suites/pingone/03-create-environment.test.ts',
      definition: { file: 'src/targets/pingone/steps/03-create-environment.ts', line: 20 },
      status: 'passed',
      startedAt: new Date(T0 + 100).toISOString(),
      durationMs: 1455,
      httpStatus: 201,
      retries: 1,
      expectations: [
        { name: 'status', passed: true, expected: '201', given: '201' },
        {
          name: 'Location header',
          passed: false,
          expected: 'present',
          given: 'missing',
          inferred: 'PingOne answers creations with Location in every docs example we saw',
        },
      ],
      unconfirmed: ['Location header: expected present, given missing (inferred: docs examples)'],
      notes: [{ type: 'inferred-unconfirmed', message: 'Location header: expected present, given missing' }],
      exchanges: [1],
    },
    {
      ...base,
      id: '04-create-population',
      kind: 'step',
      title: '04-create-population: Create a population',
      suite: 'suites/pingone/04-create-population.test.ts',
      status: 'passed',
      startedAt: new Date(T0 + 1600).toISOString(),
      durationMs: 370,
      httpStatus: 201,
      settleMs: 370,
      notes: [{ type: 'settling', message: 'settled after 370 ms: 404, 201' }],
      exchanges: [2, 3],
    },
    failing
      ? {
          ...base,
          id: '05-create-user',
          kind: 'step',
          title: '05-create-user: Create a user',
          suite: 'suites/pingone/05-create-user.test.ts',
          definition: { file: 'src/targets/pingone/steps/05-create-user.ts', line: 30 },
          status: 'failed',
          startedAt: new Date(T0 + 2000).toISOString(),
          durationMs: 95,
          httpStatus: 400,
          expectations: [{ name: 'status', passed: false, expected: '201', given: '400' }],
          failure: {
            code: 'STATUS_MISMATCH',
            summary: '05-create-user: status: expected 201, given 400',
            message:
              '05-create-user: status: expected 201, given 400\nHint: the tenant refused the user: read its details',
            hint: 'the tenant refused the user: read its details',
            evidence: {
              request: `POST ${API}${ENV}/users`,
              status: 400,
              vendorCode: 'INVALID_DATA',
              vendorMessage: 'The request could not be completed.',
              correlationId: 'corr-4',
              curl: `curl -X POST '${API}${ENV}/users' -H 'Authorization: Bearer [REDACTED]'`,
            },
          },
          exchanges: [4],
        }
      : {
          ...base,
          id: '05-create-user',
          kind: 'step',
          title: '05-create-user: Create a user',
          suite: 'suites/pingone/05-create-user.test.ts',
          definition: { file: 'src/targets/pingone/steps/05-create-user.ts', line: 30 },
          status: 'passed',
          startedAt: new Date(T0 + 2000).toISOString(),
          durationMs: 95,
          httpStatus: 201,
          expectations: [{ name: 'status', passed: true, expected: '201', given: '201' }],
          exchanges: [4],
        },
    {
      ...base,
      id: '05-create-user/expired-token',
      kind: 'probe',
      title: '05-create-user/expired-token: an expired token → 401',
      suite: 'suites/pingone/05-create-user.test.ts',
      status: 'passed',
      startedAt: new Date(T0 + 2100).toISOString(),
      durationMs: 42,
      httpStatus: 401,
      exchanges: [5],
    },
    {
      ...base,
      id: '05-create-user/missing-role',
      kind: 'probe',
      title: '05-create-user/missing-role: a worker without roles → 403',
      suite: 'suites/pingone/05-create-user.test.ts',
      status: 'passed',
      startedAt: new Date(T0 + 2102).toISOString(),
      durationMs: 47,
      httpStatus: 403,
      exchanges: [6],
    },
    {
      ...base,
      id: '05-create-user/wrong-region',
      kind: 'probe',
      title: '05-create-user/wrong-region: another region → 401',
      suite: 'suites/pingone/05-create-user.test.ts',
      status: 'skipped',
      skipReason: 'needs PINGONE_OTHER_REGION, which is not configured',
      durationMs: 0,
      exchanges: [],
    },
    {
      ...base,
      id: '07-enable-user-mfa',
      kind: 'step',
      title: '07-enable-user-mfa: Enable user MFA',
      suite: 'suites/pingone/07-enable-user-mfa.test.ts',
      status: 'skipped',
      ...(failing
        ? { skipReason: 'needs sharedUserID from 05-create-user, which failed' }
        : { status: 'passed', httpStatus: 200, startedAt: new Date(T0 + 2200).toISOString() }),
      durationMs: failing ? 0 : 20,
      exchanges: [],
    },
    {
      ...base,
      id: '99-teardown',
      kind: 'teardown',
      title: '99-teardown: delete what the run created',
      suite: 'suites/pingone/99-teardown.test.ts',
      status: 'passed',
      startedAt: new Date(T0 + 2300).toISOString(),
      durationMs: 31,
      exchanges: [7],
    },
  ];
  const count = (status: string) => checks.filter((check) => check.status === status).length;
  return {
    version: RESULTS_VERSION,
    tool: { name: 'idflow', version: '0.1.0' },
    run: {
      id: '20261126t0200-abc123',
      startedAt: new Date(T0 - 500).toISOString(),
      durationMs: 3000,
      outcome: failing ? 'failed' : 'passed',
      strict: false,
      smoke: false,
    },
    targets: [
      {
        name: 'pingone',
        tenant: 'api.pingone.eu',
        emulated: false,
        counts: {
          passed: count('passed'),
          failed: count('failed'),
          skipped: count('skipped'),
          unconfirmed: 1,
        },
        checks,
        exchanges,
      },
    ],
  };
}
