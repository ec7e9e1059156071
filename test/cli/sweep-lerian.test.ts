import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startLerianIdentityEmulator,
  type RunningLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { newRunId } from '../../src/flow/run/run-id.ts';
import { plantLerianUser } from '../cleanup/support/plant-lerian-user.ts';
import { startPoisoningProxy } from '../cleanup/support/poisoning-proxy.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';
import { sendJson, startLocalServer } from '../support/local-server.ts';
import { runCli } from '../support/run-cli.ts';

const HOUR = 3_600_000;
/** More than one page of 100, so the sweep has to page to see everything. */
const FILLERS = 110;

let emulator: RunningLerianIdentityEmulator;
let directory: string;
let envFile: string;

beforeAll(async () => {
  emulator = await startLerianIdentityEmulator();
  directory = mkdtempSync(join(tmpdir(), 'idflow-sweep-lerian-'));
  envFile = writeEnv(directory, emulator.env());
});
afterAll(() => emulator.close());

const runName = (ageMs: number, name: string) => `idflow-${newRunId(new Date(Date.now() - ageMs))}-${name}`;
const usernames = () => [...emulator.directory.users.values()].map((user) => user.username);
const sweep = (...args: string[]) =>
  runCli(['sweep', '--target', 'lerian-identity', '--env', envFile, ...args], { cwd: directory });

describe('idflow sweep --target lerian-identity', () => {
  test('deletes only old users named idflow-<run id>-…, dated by the run id, across pages; --dry-run only lists', async () => {
    plantLerianUser(emulator.directory, 'someone-else');
    for (let n = 1; n <= FILLERS; n += 1) plantLerianUser(emulator.directory, `filler-${n}`);
    const old = plantLerianUser(emulator.directory, runName(3 * HOUR, 'ana'));
    const fresh = plantLerianUser(emulator.directory, runName(10 * 60_000, 'bea'));
    const manual = plantLerianUser(emulator.directory, 'idflow-manual-test');
    const others = FILLERS + 2; // the fillers, someone-else and the seeded admin
    const before = usernames();

    const dry = await sweep('--older-than', '1h', '--dry-run');
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain('idflow sweep (dry run): Lerian Identity users named idflow-<run id>-…');
    expect(dry.stdout).toMatch(
      new RegExp(`would delete\\s+${old.username} \\(${old.id}\\): run \\S+ started 3h(?: \\d+m)? ago\\n`),
    );
    expect(dry.stdout).toMatch(
      new RegExp(
        `too recent\\s+${fresh.username} \\(${fresh.id}\\): run \\S+ started 1\\dm ago \\(threshold 1h\\)\\n`,
      ),
    );
    expect(dry.stdout).toMatch(
      new RegExp(`no run id\\s+${manual.username} \\(${manual.id}\\): .*never deleted\\n`),
    );
    expect(dry.stdout).toMatch(
      new RegExp(`not ours\\s+${others} other users: not named idflow-…: never touched\\n`),
    );
    expect(dry.stdout).not.toContain('someone-else');
    expect(dry.stdout).toContain(`1 would be deleted, ${others + 2} left alone.\n`);
    expect(usernames()).toEqual(before);

    const real = await sweep('--older-than', '1h');
    expect(real.code, real.stdout + real.stderr).toBe(0);
    expect(real.stdout).toMatch(
      new RegExp(`\\n  deleted\\s+${old.username} \\(${old.id}\\): run \\S+ started 3h(?: \\d+m)? ago\\n`),
    );
    expect(real.stdout).toContain(`1 deleted, ${others + 2} left alone.\n`);
    expect(usernames()).toEqual(before.filter((name) => name !== old.username));

    const all = await sweep('--older-than', '0s');
    expect(all.code, all.stdout + all.stderr).toBe(0);
    expect(usernames()).not.toContain(fresh.username);
    expect(usernames()).toContain(manual.username);
    expect(usernames()).toContain('someone-else');
    expect(usernames()).toContain('admin');
    expect(all.stdout + all.stderr).not.toContain(emulator.env().LERIAN_PASSWORD);
  });

  test('a delete the tenant refuses: the user is reported failed and the exit code is 1', async () => {
    const doomed = plantLerianUser(emulator.directory, runName(5 * HOUR, 'cid'));
    // In front of the emulator: every call passes through, except that deleting users is forbidden.
    const proxy = await startLocalServer((request, response) => {
      if (request.method === 'DELETE') {
        sendJson(response, 403, {
          code: 'IDE-0000',
          title: 'Forbidden',
          message: 'Deleting users is not allowed.',
        });
        return;
      }
      const body = request.method === 'GET' ? undefined : request.body;
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && entry[0] !== 'host' && entry[0] !== 'content-length',
        ),
      );
      void fetch(`${emulator.url}${request.url}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
      })
        .then(async (answer) => sendJson(response, answer.status, await answer.json()))
        .catch(() => response.destroy());
    });
    try {
      const file = writeEnv(mkdtempSync(join(tmpdir(), 'idflow-sweep-refused-')), {
        ...emulator.env(),
        LERIAN_AUTH_URL: proxy.url,
        LERIAN_IDENTITY_URL: proxy.url,
      });
      const refused = await runCli([
        'sweep',
        '--target',
        'lerian-identity',
        '--env',
        file,
        '--older-than',
        '1h',
      ]);
      expect(refused.code, refused.stdout + refused.stderr).toBe(1);
      expect(refused.stdout).toMatch(
        new RegExp(`failed\\s+${doomed.username} \\(${doomed.id}\\): delete answered 403`),
      );
      expect(refused.stdout).toMatch(/0 deleted, \d+ left alone, 1 failed\.\n/);
      expect(usernames()).toContain(doomed.username);
    } finally {
      await proxy.close();
    }
  });

  test.each([
    { label: 'an unknown target', args: ['--target', 'okta'], says: 'sweep cannot clean target "okta"' },
    {
      label: 'no tenant configured',
      args: ['--target', 'lerian-identity'],
      says: 'no embedded emulator to sweep',
    },
  ])('$label: exit 2', async ({ args, says }) => {
    const result = await runCli(['sweep', ...args], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing LERIAN_* variable: exit 2 naming it', async () => {
    const { LERIAN_IDENTITY_URL: _dropped, ...rest } = emulator.env();
    const file = writeEnv(mkdtempSync(join(tmpdir(), 'idflow-sweep-partial-')), rest);
    const result = await runCli(['sweep', '--target', 'lerian-identity', '--env', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LERIAN_IDENTITY_URL');
    expect(result.stderr).not.toContain(emulator.env().LERIAN_PASSWORD);
  });
});

test('a Lerian listing with traversal ids under idflow- names deletes nothing but the real, well-formed user', async () => {
  const lerian = await startLerianIdentityEmulator();
  try {
    const victim = plantLerianUser(lerian.directory, 'customer-admin');
    const ours = plantLerianUser(lerian.directory, runName(3 * HOUR, 'ours'));
    const identity = new URL(lerian.env().LERIAN_IDENTITY_URL ?? '').origin;
    const poisoned = [
      { id: `${ours.id}/../${victim.id}`, username: runName(3 * HOUR, 'evil1') },
      { id: '..', username: runName(3 * HOUR, 'evil2') },
      { id: `${ours.id}/%2e%2e/${victim.id}`, username: runName(3 * HOUR, 'evil3') },
    ];
    let served = false;
    const proxy = await startPoisoningProxy(
      identity,
      (body) => {
        // Only the first page: a later one repeating these would end the listing early.
        const items = Array.isArray(body.items) ? body.items : [];
        const page = served ? items : [...items, ...poisoned];
        served = true;
        return page;
      },
      /^\/v1\/users\?/,
    );
    try {
      const file = writeEnv(mkdtempSync(join(tmpdir(), 'idflow-sweep-lerian-')), {
        ...lerian.env(),
        LERIAN_IDENTITY_URL: lerian.env().LERIAN_IDENTITY_URL?.replace(identity, proxy.url) ?? '',
      });
      const swept = await runCli([
        'sweep',
        '--target',
        'lerian-identity',
        '--env',
        file,
        '--older-than',
        '1h',
      ]);
      expect(lerian.directory.users.has(victim.id), swept.stdout + swept.stderr).toBe(true);
      expect(lerian.directory.users.has(ours.id)).toBe(false);
      const deletes = proxy.received.filter((request) => request.method === 'DELETE');
      expect(deletes.map((request) => request.url)).toEqual([`/v1/users/${ours.id}`]);
      for (const evil of ['evil1', 'evil2', 'evil3'])
        expect(swept.stdout).toMatch(
          new RegExp(`malformed id\\s+idflow-\\S+-${evil} .*its id is not a UUID`),
        );
      expect(swept.code, swept.stdout + swept.stderr).toBe(0);
    } finally {
      await proxy.close();
    }
  } finally {
    await lerian.close();
  }
});
