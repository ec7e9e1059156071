import { beforeEach, describe, expect, test } from 'vitest';
import { IDE } from '../../../src/emulator/lerian-identity/index.ts';
import { LerianHarness, useLerianHarness } from './support/lerian-harness.ts';

const setup = useLerianHarness();
let h: LerianHarness;
let token: string;
beforeEach(() => ({ h, token } = setup.current()));

const USER = {
  email: 'ana@example.com',
  firstName: 'Ana',
  lastName: 'Silva',
  password: 'Lerian@123456',
  username: 'ana',
};

describe('Identity: users', () => {
  test('create answers 201 UserResponse with a UUIDv7 id and never the password; read and delete', async () => {
    const created = await h.send('POST', '/v1/users', {
      token,
      json: { ...USER, groups: ['midaz-viewer-group'] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      username: 'ana',
      email: USER.email,
      groups: ['midaz-viewer-group'],
    });
    expect(created.json.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.text).not.toContain(USER.password);
    const id = String(created.json.id);
    expect((await h.send('GET', `/v1/users/${id}`, { token })).json.username).toBe('ana');
    expect((await h.send('DELETE', `/v1/users/${id}`, { token })).status).toBe(204);
    const gone = await h.send('GET', `/v1/users/${id}`, { token });
    expect([gone.status, gone.json.code]).toEqual([404, 'IDE-1003']);
  });

  test.each([
    [
      'a password shorter than 12',
      { ...USER, username: 'short', email: 's@example.com', password: 'Ab1!' },
      'IDE-0020',
    ],
    ['no username', { ...USER, username: undefined }, 'IDE-0001'],
    ['an unexpected field', { ...USER, nickname: 'x' }, 'IDE-0004'],
    ['a username that is not a string', { ...USER, username: 42 }, 'IDE-0002'],
    [
      'an unknown group',
      { ...USER, username: 'grouped', email: 'g@example.com', groups: ['no-such-group'] },
      'IDE-1006',
    ],
  ])('%s is refused with %s', async (_label, json, code) => {
    const answer = await h.send('POST', '/v1/users', { token, json });
    expect(answer.json.code).toBe(code);
    expect(answer.status).toBe(IDE[code.slice(4) as keyof typeof IDE].status);
  });

  test('a second user with the same username answers 409 IDE-0017', async () => {
    await h.send('POST', '/v1/users', {
      token,
      json: { ...USER, username: 'dup', email: 'dup@example.com' },
    });
    const again = await h.send('POST', '/v1/users', {
      token,
      json: { ...USER, username: 'dup', email: 'dup2@example.com' },
    });
    expect([again.status, again.json.code]).toEqual([409, 'IDE-0017']);
  });

  test('malformed ids answer IDE-0003; malformed JSON IDE-0007', async () => {
    const badId = await h.send('GET', '/v1/users/not-a-uuid', { token });
    expect([badId.status, badId.json.code]).toEqual([400, 'IDE-0003']);
    const malformed = await h.send('POST', '/v1/users', { token, raw: 'email=a' });
    expect([malformed.status, malformed.json.code]).toEqual([400, 'IDE-0007']);
  });

  test('a missing token answers 401 IDE-0008, an invalid or foreign one 401 IDE-0009', async () => {
    const missing = await h.send('GET', '/v1/users/019c96a0-0c21-71f9-a487-66a1258278a1');
    expect([missing.status, missing.json.code]).toEqual([401, 'IDE-0008']);
    const other = await LerianHarness.start();
    try {
      const foreign = await h.send('GET', '/v1/users/019c96a0-0c21-71f9-a487-66a1258278a1', {
        token: await other.adminToken(),
      });
      expect([foreign.status, foreign.json.code]).toEqual([401, 'IDE-0009']);
    } finally {
      await other.close();
    }
  });

  test('unknown paths answer 404 as plain text, like Fiber', async () => {
    const answer = await h.send('GET', '/v1/nothing', { token });
    expect([answer.status, answer.text]).toEqual([404, 'Cannot GET /v1/nothing']);
  });
});
