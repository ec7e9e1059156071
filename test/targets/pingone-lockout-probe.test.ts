import { describe, expect, test } from 'vitest';
import { pingOneProbes } from '../../src/targets/pingone/probes/catalogue.ts';
import { TOTP_POLICY_BODY } from '../../src/targets/pingone/steps/04c-enable-totp-policy.ts';

const lockout = pingOneProbes.find((probe) => probe.id === '11-activate-totp-device/otp-after-lockout');

describe('the activation lockout probe', () => {
  test('locks a device of a user of its own: no request of it names the shared user', () => {
    if (!lockout) throw new Error('no lockout probe in the catalogue');
    const requests = [...(lockout.before ?? []), lockout.step].map((step) => step.request.url);
    expect(requests.filter((url) => url.includes('{{sharedUserID}}'))).toEqual([]);
    const wrongCodes = (lockout.before ?? []).filter((step) => step.id.startsWith(`${lockout.id}#`));
    for (const step of [...wrongCodes, lockout.step])
      expect(step.request.url).toMatch(/\/users\/\{\{lockUserID\}\}\/devices\/\{\{lockTotpDeviceID\}\}$/);
  });

  test("sends as many wrong codes as the run's TOTP policy allows (totp.otp.failure.count), no more", () => {
    const wrongCodes = (lockout?.before ?? []).filter((step) => step.id.startsWith(`${lockout?.id}#`));
    expect(wrongCodes).toHaveLength(TOTP_POLICY_BODY.totp.otp.failure.count);
  });
});
