import { describe, expect, test } from 'vitest';
import { pingOneProbes, pingOneProbesByStep } from '../../src/targets/pingone/probes/index.ts';
import { pingOneFlow } from '../../src/targets/pingone/catalogue.ts';
import { BULLETS } from '../../src/targets/pingone/probes/bullets.ts';

/** Every documented step lists the same troubleshooting bullets; none may be silently absent. */
describe('the PingOne probe catalogue', () => {
  const managementSteps = pingOneProbesByStep.filter(([stepId]) => stepId !== '01-get-access-token');

  test('probe ids are unique and name their documented step, which is a step of the flow', () => {
    const ids = pingOneProbes.map((probe) => probe.id);
    expect(new Set(ids).size).toBe(ids.length);
    const flowIds = new Set(pingOneFlow.map((step) => step.id));
    for (const probe of pingOneProbes) {
      expect(probe.id.startsWith(`${probe.stepId}/`), probe.id).toBe(true);
      expect(flowIds.has(probe.stepId), probe.stepId).toBe(true);
      expect(probe.step.id).toBe(probe.id);
    }
  });

  test('every management step probes the bearer, expiry, apiPath and role bullets', () => {
    for (const [stepId, probes] of managementSteps) {
      const slugs = probes.map((probe) => probe.id.slice(stepId.length + 1));
      expect(slugs, stepId).toEqual(
        expect.arrayContaining([
          'missing-bearer',
          'basic-scheme',
          'malformed-token',
          'tampered-signature',
          'expired-token',
          'without-v1',
        ]),
      );
      expect(
        slugs.some((slug) => slug.startsWith('identity-data-admin-')),
        `${stepId} has a role probe`,
      ).toBe(true);
    }
  });

  test('every step that addresses {{envID}} or {{sharedUserID}} probes an unknown one', () => {
    for (const [stepId, probes] of managementSteps) {
      const step = pingOneFlow.find((candidate) => candidate.id === stepId);
      const url = step?.request.url ?? '';
      const slugs = probes.map((probe) => probe.id.slice(stepId.length + 1));
      if (url.includes('{{envID}}') || stepId === '03-create-environment')
        expect(slugs, stepId).toContain('unknown-env');
      if (url.includes('{{sharedUserID}}') || stepId === '05-create-user')
        expect(slugs, stepId).toContain('unknown-user');
      for (const probe of probes.filter((each) => each.bullet === BULLETS.envID && !each.skip))
        expect(probe.expected).toMatch(/^404 NOT_FOUND/);
    }
  });

  test('the issue’s request-model cases are all probed', () => {
    const ids = pingOneProbes.filter((probe) => !probe.skip).map((probe) => probe.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        '06-set-user-password/json-media-type',
        '11-activate-totp-device/json-media-type',
        '07-enable-user-mfa/mfa-enabled-not-boolean',
        '08-update-mfa-settings/max-devices-out-of-range',
        '08-update-mfa-settings/pairing-key-format-outside-enum',
        '11-activate-totp-device/missing-otp',
        '11-activate-totp-device/wrong-otp',
        '11-activate-totp-device/otp-after-lockout',
        '01-get-access-token/no-role-actor',
      ]),
    );
  });

  test('a named skip always says why, and a run probe always says what it expects', () => {
    for (const probe of pingOneProbes) {
      if (probe.skip) expect(probe.skip.length, probe.id).toBeGreaterThan(40);
      else expect(probe.expected, probe.id).toMatch(/^\d{3}\b/);
    }
  });
});
