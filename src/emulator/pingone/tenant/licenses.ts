import { randomUUID } from 'node:crypto';
import type { LicenseRecord } from './model.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

/**
 * The seeded licenses. The ACTIVE one is deliberately not first, so a suite that takes
 * `licenses[0]` instead of filtering by status fails against the emulator as it would for real.
 */
export function seedLicenses(): LicenseRecord[] {
  return [
    {
      id: randomUUID(),
      name: 'MFA TRIAL',
      package: 'MFA TRIAL',
      status: 'EXPIRED',
      beginsAt: isoDaysFromNow(-400),
      expiresAt: isoDaysFromNow(-35),
      environments: { allowProduction: false, max: 5, regions: ['NORTH_AMERICA'] },
    },
    {
      id: randomUUID(),
      name: 'RISKTRIAL',
      package: 'RISKTRIAL',
      status: 'FUTURE',
      beginsAt: isoDaysFromNow(30),
      expiresAt: isoDaysFromNow(395),
      environments: { allowProduction: false, max: 5, regions: ['NORTH_AMERICA'] },
    },
    {
      id: randomUUID(),
      name: 'INTERNAL',
      package: 'INTERNAL',
      status: 'ACTIVE',
      beginsAt: isoDaysFromNow(-90),
      expiresAt: '2100-01-31T00:00:00.000Z',
      environments: { allowProduction: true, max: 20, regions: ['NORTH_AMERICA', 'EU', 'AP'] },
    },
  ];
}
