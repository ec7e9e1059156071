import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { holdFirstWhere, reachedWithin, type Hold } from '../support/hold-fault.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import type { EmulatorRequest } from '../../src/emulator/http/types.ts';

/**
 * idflow's scheduler runs a refusal probe beside the flow (the next step does not wait for it),
 * and keeps a probe that touches state between its file's steps and the next file's. Shown on a
 * real run by holding one probe's request at the emulator and watching which requests still come.
 */
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BIN = resolve(PACKAGE_ROOT, 'src/cli/bin.js');
const RELEASED = 'RELEASED';

const holds: Hold[] = [];
afterEach(() => {
  for (const hold of holds.splice(0)) hold.release();
});

/** A fault noting every request's method and path, in arrival order. */
function recorder(log: string[]): EmulatorFault {
  return {
    name: 'record-requests',
    description: 'notes each request',
    harmful: false,
    intercept: (request, next) => {
      log.push(`${request.method} ${request.path}`);
      return next();
    },
  };
}

function clientIdOf(request: EmulatorRequest): string | undefined {
  const token = /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1];
  try {
    const payload = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      client_id?: string;
    };
    return payload.client_id;
  } catch {
    return undefined;
  }
}

async function heldRun(matches: (request: EmulatorRequest, env: Record<string, string>) => boolean) {
  const log: string[] = [];
  let env: Record<string, string> = {};
  const hold = holdFirstWhere('the probe’s request', (request) => matches(request, env));
  holds.push(hold);
  const emulator = await startPingOneEmulator({ faults: [recorder(log), hold.fault] });
  env = emulator.env();
  const directory = mkdtempSync(join(tmpdir(), 'idflow-beside-'));
  const envFile = join(directory, 'emulator.env');
  writeFileSync(
    envFile,
    Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  const child = spawn(process.execPath, [BIN, 'run', '--target', 'pingone', '--env', envFile], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((done) =>
    child.once('exit', (code) => done({ code, output })),
  );
  const run = { exited, output: () => output };
  const release = () => {
    log.push(RELEASED);
    hold.release();
  };
  return { log, hold, run, release, close: () => emulator.close() };
}

async function until(condition: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('idflow run schedules probes by what they need', { timeout: 120_000 }, () => {
  test('while a refusal probe of step 03 is held, the flow goes on to step 04 and beyond', async () => {
    const held = await heldRun(
      (request) => request.method === 'GET' && request.path === `/v1/environments/${UNKNOWN}`,
    );
    try {
      await reachedWithin(held.hold, held.run, 'the 03 unknown-env probe', 90_000);
      const createsPopulation = (line: string) => /^POST \/v1\/environments\/[^/]+\/populations$/.test(line);
      const createsUser = (line: string) => /^POST \/v1\/environments\/[^/]+\/users$/.test(line);
      await until(
        () => held.log.some(createsPopulation) && held.log.some(createsUser),
        'step 04 and 05',
        60_000,
      );
      held.release();
      expect((await held.run.exited).code, held.run.output()).toBe(0);
      const released = held.log.indexOf(RELEASED);
      expect(held.log.findIndex(createsPopulation)).toBeLessThan(released);
      expect(held.log.findIndex(createsUser)).toBeLessThan(released);
    } finally {
      await held.close();
    }
  });

  test('while the identity admin’s write to the user is held, step 08 waits for it', async () => {
    const held = await heldRun(
      (request, env) =>
        request.method === 'PUT' &&
        request.path.endsWith('/mfaEnabled') &&
        clientIdOf(request) === env['PINGONE_IDENTITY_ADMIN_CLIENT_ID'],
    );
    try {
      await reachedWithin(held.hold, held.run, 'the 07 identity-data-admin-allowed probe', 90_000);
      const updatesSettings = (line: string) => /^PUT \/v1\/environments\/[^/]+\/mfaSettings$/.test(line);
      // 07's last read-back has been answered (the probe waits for it); 08 has not been sent.
      expect(held.log.filter((line) => line.endsWith('/mfaEnabled')).length).toBeGreaterThanOrEqual(5);
      await new Promise((done) => setTimeout(done, 1_000));
      expect(held.log.some(updatesSettings)).toBe(false);
      held.release();
      expect((await held.run.exited).code, held.run.output()).toBe(0);
      expect(held.log.findIndex(updatesSettings)).toBeGreaterThan(held.log.indexOf(RELEASED));
    } finally {
      await held.close();
    }
  });
});
