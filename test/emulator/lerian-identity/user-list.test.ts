import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { LerianHarness, useLerianHarness } from './support/lerian-harness.ts';

const setup = useLerianHarness();
let h: LerianHarness;
let token: string;
beforeEach(() => ({ h, token } = setup.current()));

const EXTRA_USERS = 24;

function usernames(answer: { json: Record<string, unknown> }): string[] {
  return (answer.json.items as Array<{ username: string }>).map((user) => user.username);
}

describe('Identity: list users', () => {
  beforeAll(async () => {
    ({ h, token } = setup.current());
    for (let made = 0; made < EXTRA_USERS; made += 1) await h.user(token);
  });

  test('pages of {items, page, limit} in creation order; default limit 10; past the end: no items', async () => {
    const all = ['admin', ...Array.from({ length: EXTRA_USERS }, (_, index) => `user-${index + 1}`)];
    const first = await h.send('GET', '/v1/users', { token });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.json).toMatchObject({ page: 1, limit: 10 });
    expect(usernames(first)).toEqual(all.slice(0, 10));

    const walked: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const answer = await h.send('GET', `/v1/users?page=${page}&limit=12`, { token });
      expect(answer.json).toMatchObject({ page, limit: 12 });
      walked.push(...usernames(answer));
    }
    expect(walked).toEqual(all);

    const past = await h.send('GET', '/v1/users?page=4&limit=12', { token });
    expect([past.status, past.json]).toEqual([200, { items: [], page: 4, limit: 12 }]);
  });

  test('items are UserResponses: never a password', async () => {
    const answer = await h.send('GET', '/v1/users?limit=100', { token });
    const [admin] = answer.json.items as Array<Record<string, unknown>>;
    expect(admin).toMatchObject({ username: 'admin', email: 'admin@example.com', groups: ['admin-group'] });
    expect(Object.keys(admin ?? {}).sort()).toEqual([
      'createdAt',
      'email',
      'firstName',
      'groups',
      'id',
      'lastName',
      'username',
    ]);
    expect(answer.text).not.toContain(h.emulator.actors.admin.password);
  });

  test.each([
    ['page=0', { page: 'page must be a positive integer' }],
    ['page=-1', { page: 'page must be a positive integer' }],
    ['page=two', { page: 'page must be a positive integer' }],
    ['limit=0', { limit: 'limit must be an integer from 1 to 100' }],
    ['limit=101', { limit: 'limit must be an integer from 1 to 100' }],
    [
      'limit=2.5&page=',
      { page: 'page must be a positive integer', limit: 'limit must be an integer from 1 to 100' },
    ],
  ])('%s answers 400 IDE-0005 naming the parameter', async (query, fields) => {
    const answer = await h.send('GET', `/v1/users?${query}`, { token });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'IDE-0005',
      title: 'Invalid Query Parameter',
      message: 'One or more query parameters are in an incorrect format.',
      fields,
    });
  });

  test('without a token: 401 IDE-0008; with a token of another emulator: 401 IDE-0009', async () => {
    const missing = await h.send('GET', '/v1/users');
    expect([missing.status, missing.json.code]).toEqual([401, 'IDE-0008']);
    expect(missing.text).not.toContain('admin@example.com');
    const other = await LerianHarness.start();
    try {
      const foreign = await h.send('GET', '/v1/users', { token: await other.adminToken() });
      expect([foreign.status, foreign.json.code]).toEqual([401, 'IDE-0009']);
    } finally {
      await other.close();
    }
  });

  test('a deleted user is no longer listed', async () => {
    const made = await h.user(token);
    expect(usernames(await h.send('GET', '/v1/users?limit=100', { token }))).toContain(made.username);
    await h.send('DELETE', `/v1/users/${made.id}`, { token });
    expect(usernames(await h.send('GET', '/v1/users?limit=100', { token }))).not.toContain(made.username);
  });
});
