import { afterEach, describe, expect, test } from 'vitest';
import { MAX_USER_PAGES, listLerianUsers } from '../../src/targets/lerian-identity/list-users.ts';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { createLerianIdentitySession } from '../../src/targets/lerian-identity/session.ts';
import {
  sendJson,
  startLocalServer,
  type LocalServer,
  type ReceivedRequest,
} from '../support/local-server.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';

let server: LocalServer | undefined;
let session: FlowSession | undefined;
afterEach(async () => {
  await session?.context.client.close();
  await server?.close();
  server = session = undefined;
});

/** A session against a server answering list pages with `answer(page)`, its token already set. */
async function listingAgainst(
  answer: (page: number) => { status: number; body: unknown },
): Promise<FlowSession> {
  server = await startLocalServer((request: ReceivedRequest, response) => {
    const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
    const { status, body } = answer(page);
    sendJson(response, status, body);
  });
  session = createLerianIdentitySession({
    target: 'lerian-identity',
    source: 'test',
    authUrl: server.url,
    identityUrl: server.url,
    application: { id: 'client', secret: 'client-secret-for-test' },
    idflowEmulator: false,
  });
  session.context.vars.set('accessToken', 'token-for-test', { from: 'test', secret: true });
  return session;
}

const user = (n: number) => ({ id: `id-${n}`, username: `user-${n}` });
const listPaths = () => (server?.received ?? []).map((request) => request.url);

describe('listLerianUsers', () => {
  test('a deployment refusing limit=100 is read 10 a page, with a note', async () => {
    let asked = 0;
    const listed = await listLerianUsers(
      await listingAgainst((page) => {
        asked += 1;
        // The request being answered is the last one the server received.
        const limit = Number(new URL(listPaths().at(-1) ?? '/', 'http://x').searchParams.get('limit'));
        if (limit > 10)
          return {
            status: 400,
            body: { code: 'IDE-0005', title: 'Invalid Query Parameter', message: 'limit' },
          };
        return { status: 200, body: { items: page === 1 ? [user(1)] : [], page, limit } };
      }),
    );
    expect(asked).toBe(3);
    expect(listed.users).toEqual([user(1)]);
    expect(listed.notes).toEqual([
      'the deployment refused limit=100 (MAX_PAGINATION_LIMIT is lower); read 10 users a page',
    ]);
    expect(listPaths()).toEqual([
      '/v1/users?page=1&limit=100',
      '/v1/users?page=1&limit=10',
      '/v1/users?page=2&limit=10',
    ]);
  });

  test('follows page=1,2,… with limit=100 until an empty page', async () => {
    const listed = await listLerianUsers(
      await listingAgainst((page) => ({
        status: 200,
        body: { items: page <= 2 ? [user(page * 2 - 1), user(page * 2)] : [], page, limit: 100 },
      })),
    );
    expect(listed).toEqual({ users: [user(1), user(2), user(3), user(4)], notes: [] });
    expect(listPaths()).toEqual([
      '/v1/users?page=1&limit=100',
      '/v1/users?page=2&limit=100',
      '/v1/users?page=3&limit=100',
    ]);
    expect(server?.received[0]?.headers.authorization).toBe('Bearer token-for-test');
  });

  test('a server that ignores page (a bare array, the same every time): stops at the repeat and says so', async () => {
    const listed = await listLerianUsers(
      await listingAgainst(() => ({ status: 200, body: [user(1), user(2)] })),
    );
    expect(listed.users).toEqual([user(1), user(2)]);
    expect(listed.notes).toEqual([expect.stringContaining('the server seems to ignore page=')]);
    expect(listPaths()).toHaveLength(2);
  });

  test('a server that never answers an empty page: stops after the page cap and says so', async () => {
    const listed = await listLerianUsers(
      await listingAgainst((page) => ({ status: 200, body: { items: [user(page)] } })),
    );
    expect(listed.users).toHaveLength(MAX_USER_PAGES);
    expect(listed.notes).toEqual([
      `stopped after ${MAX_USER_PAGES} pages of 100 users; run sweep again for the rest`,
    ]);
    expect(listPaths()).toHaveLength(MAX_USER_PAGES);
  });

  test('404 IDE-1004 (no users found) ends the list; entries without id or username are left out, with a note', async () => {
    const listed = await listLerianUsers(
      await listingAgainst((page) =>
        page === 1
          ? { status: 200, body: { items: [user(1), { id: 'id-x' }, 'junk'] } }
          : {
              status: 404,
              body: {
                code: 'IDE-1004',
                title: 'No Users Found',
                message: 'No users were found in the search.',
              },
            },
      ),
    );
    expect(listed).toEqual({
      users: [user(1)],
      notes: ['page 1: 2 entries without an id or username were left alone'],
    });
  });

  test.each([
    [
      'another status',
      403,
      { code: 'IDE-0000', title: 'Forbidden', message: 'not allowed' },
      'STATUS_MISMATCH',
    ],
    ['an unknown shape', 200, { users: [user(1)] }, 'CHECK_FAILED'],
  ])('%s fails with a StepFailedError carrying the evidence', async (_label, status, body, code) => {
    const failure = await listLerianUsers(await listingAgainst(() => ({ status, body }))).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StepFailedError);
    expect(failure).toMatchObject({
      code,
      fault: 'api',
      evidence: { status, request: expect.stringContaining('/v1/users?page=1&limit=100') },
    });
    expect(String((failure as Error).message)).not.toContain('token-for-test');
  });
});
