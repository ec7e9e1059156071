import { describe, expect, test } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { GENERIC_HINTS, hintFor } from '../../src/flow/step/hints.ts';
import { lerianHints } from '../../src/targets/lerian-identity/hints.ts';
import { pingOneHints } from '../../src/targets/pingone/hints.ts';
import {
  createEnvironment,
  getAccessToken,
  readEnvironment,
  readUser,
  readTotpDevice,
} from '../../src/targets/pingone/steps/index.ts';
import type { HttpResponse } from '../../src/http/types.ts';

function response(status: number): HttpResponse {
  return { status, headers: {}, bodyText: '', json: undefined, durationMs: 1 };
}

const origins: Record<string, string> = {
  envID: '03-create-environment',
  sharedUserID: '05-create-user',
  totpDeviceID: '10-create-totp-device',
  adminEnvID: 'config',
};
const origin = (name: string) => origins[name];
const sources: Record<string, string> = {
  apiPath: 'PINGONE_API_URL or PINGONE_REGION',
  authPath: 'PINGONE_AUTH_URL or PINGONE_REGION',
  adminEnvID: 'PINGONE_ADMIN_ENV_ID',
  adminAppID: 'PINGONE_CLIENT_ID',
  adminAppSecret: 'PINGONE_CLIENT_SECRET',
};
const source = (name: string) => sources[name];

describe('hintFor', () => {
  test('404 on the environment says envID is not the environment created in step 03', () => {
    const hint = hintFor(readEnvironment, { vocabulary: pingOneHints, response: response(404), origin });
    expect(hint).toMatch(
      /^404 Not Found on the environment: envID \(from 03-create-environment\) is not the environment created in step 03-create-environment/,
    );
    expect(hint).toContain(`See ${readEnvironment.docs}`);
  });

  test('404 on a user or device blames that id, naming the environment it should live in', () => {
    expect(hintFor(readUser, { vocabulary: pingOneHints, response: response(404), origin })).toContain(
      '404 Not Found on the user: sharedUserID (from 05-create-user) is not the user created in step ' +
        '05-create-user under envID (from 03-create-environment)',
    );
    expect(hintFor(readTotpDevice, { vocabulary: pingOneHints, response: response(404), origin })).toContain(
      '404 Not Found on the device: totpDeviceID (from 10-create-totp-device)',
    );
  });

  test('404 on a path without ids points at the host; on the token endpoint it names adminEnvID', () => {
    expect(
      hintFor(createEnvironment, { vocabulary: pingOneHints, response: response(404), source }),
    ).toContain(
      '404 Not Found: the path does not exist on this host; check that apiPath (PINGONE_API_URL or ' +
        'PINGONE_REGION) points at your tenant',
    );
    expect(hintFor(getAccessToken, { vocabulary: pingOneHints, response: response(404), origin })).toContain(
      '404 Not Found: adminEnvID (configured) is not right for this tenant',
    );
  });

  test('403 names the roles the step needs', () => {
    expect(hintFor(readUser, { vocabulary: pingOneHints, response: response(403) })).toContain(
      '403 Forbidden: missing role: the worker app lacks Environment Admin or Identity Data Admin',
    );
    expect(hintFor(createEnvironment, { vocabulary: pingOneHints, response: response(403) })).toContain(
      'lacks Organization Admin',
    );
  });

  test('401 says step 01 gets a new token and whether the keeper already retried', () => {
    const base =
      '401 Unauthorized: the access token is expired or invalid (tokens live one hour); step 01 gets a ' +
      'new one.';
    expect(hintFor(readUser, { vocabulary: pingOneHints, response: response(401) })).toBe(
      `${base} See ${readUser.docs}`,
    );
    expect(
      hintFor(readUser, { vocabulary: pingOneHints, response: response(401), tokenRetry: 'replayed' }),
    ).toContain('already got a new token from step 01 and replayed this request once');
    expect(
      hintFor(readUser, { vocabulary: pingOneHints, response: response(401), tokenRetry: 'refresh-failed' }),
    ).toContain('could not');
    expect(
      hintFor(readUser, { vocabulary: pingOneHints, response: response(401), tokenRetry: 'foreign-token' }),
    ).toContain('did not retry: this request carried a token other than the run');
  });

  test('401 on the token request itself blames the client credentials, not a token', () => {
    expect(hintFor(getAccessToken, { vocabulary: pingOneHints, response: response(401), source })).toContain(
      '401 Unauthorized: the client credentials were refused: check adminAppID (PINGONE_CLIENT_ID), ' +
        'adminAppSecret (PINGONE_CLIENT_SECRET), authPath (PINGONE_AUTH_URL or PINGONE_REGION), adminEnvID ' +
        '(PINGONE_ADMIN_ENV_ID)',
    );
    // Without configuration sources (another target, a unit test) it still says what to check.
    expect(hintFor(getAccessToken, { vocabulary: pingOneHints, response: response(401) })).toContain(
      'check the configured client credentials',
    );
  });

  test('no response: connection errors name apiPath/region, a timeout says the server did not answer in N ms', () => {
    const refused = new TransportError({
      code: 'CONNECTION_FAILED',
      fault: 'config',
      method: 'GET',
      url: 'http://h/v1',
      message: 'Cannot connect',
    });
    expect(hintFor(readUser, { transport: refused, source })).toContain(
      'No response: check that apiPath (PINGONE_API_URL or PINGONE_REGION) points at your tenant (and ' +
        'its region)',
    );
    expect(hintFor(getAccessToken, { transport: refused, source })).toContain(
      'check that authPath (PINGONE_AUTH_URL or PINGONE_REGION)',
    );
    const timeout = new TransportError({
      code: 'TIMEOUT',
      fault: 'api',
      method: 'GET',
      url: 'http://h/v1',
      message: 'GET /v1 timed out after 250 ms waiting for the response headers from h.',
    });
    expect(hintFor(readUser, { transport: timeout })).toContain(
      'Timeout: the server accepted the connection but did not answer within 250 ms',
    );
  });

  test('a response with the expected status gets the docs link and no status hint', () => {
    expect(
      hintFor(
        { ...readUser, expect: { status: 404 } },
        { vocabulary: pingOneHints, response: response(404) },
      ),
    ).toBe(`See ${readUser.docs}`);
  });

  test("the target's words: PingOne's worker app and one-hour tokens are its own; the generic and Lerian 401 and 403 hints name no PingOne thing", () => {
    const vendorWords = /worker app|one hour|PingOne|envID|environment/;
    for (const vocabulary of [GENERIC_HINTS, lerianHints]) {
      for (const status of [401, 403])
        expect(
          hintFor(readUser, { vocabulary, response: response(status) })?.replace(readUser.docs ?? '', ''),
        ).not.toMatch(vendorWords);
      expect(hintFor(readUser, { vocabulary, response: response(401), tokenRetry: 'not-retried' })).toContain(
        vocabulary === lerianHints ? '(Lerian IDE-0009 or AUT-0007)' : "(the target's token-refusal code)",
      );
    }
    expect(hintFor(readUser, { vocabulary: GENERIC_HINTS, response: response(403) })).toContain(
      '403 Forbidden: missing role: the client lacks Environment Admin or Identity Data Admin (the token ' +
        'is valid but not allowed this call); assign the role.',
    );
    expect(
      hintFor(readUser, { vocabulary: pingOneHints, response: response(401), tokenRetry: 'not-retried' }),
    ).toContain('(PingOne INVALID_TOKEN)');
  });
});
