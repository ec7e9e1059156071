import { expect, test } from 'vitest';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { pingOneDoctor } from '../../src/targets/pingone/doctor/pingone-doctor.ts';
import { holdFirst } from '../support/hold-fault.ts';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';
import type { PingOneConfig } from '../../src/targets/pingone/config.ts';

/**
 * The preflight runs before every `idflow run` against a tenant: after the token, its reads go
 * side by side. Held at the organization read, the doctor still reads the roles, the role
 * assignments and each actor's: a doctor that reads one after another never gets there.
 */
test('while the organization read is held, the role and actor reads are sent; the findings keep their order', async () => {
  const hold = holdFirst('GET', /^\/v1\/organizations$/);
  const seen: string[] = [];
  const log: EmulatorFault = {
    name: 'request-log',
    description: 'records each request',
    harmful: false,
    intercept: (request, next) => {
      seen.push(`${request.method} ${request.path}`);
      return next();
    },
  };
  const emulator = await pingOne.startEmulator({ faults: [log, hold.fault] });
  try {
    const config = pingOne.resolveConfig(emulator.env(), 'embedded emulator') as PingOneConfig;
    const doctor = pingOneDoctor(config);
    await hold.reached;
    await expect.poll(() => seen.filter((each) => each.includes('roleAssignments')).length).toBe(3);
    expect(seen.some((each) => each.endsWith('/roles'))).toBe(true);
    hold.release();
    const findings = await doctor;
    expect(findings.map((finding) => finding.check)).toEqual([
      'token (PINGONE_CLIENT_ID)',
      'roles',
      'actor PINGONE_IDENTITY_ADMIN_CLIENT_ID',
      'actor PINGONE_NO_ROLE_CLIENT_ID',
      'license',
    ]);
    expect(findings.every((finding) => finding.verdict === 'ok')).toBe(true);
  } finally {
    hold.release();
    await emulator.close();
  }
});
