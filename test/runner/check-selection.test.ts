import { describe, expect, test } from 'vitest';
import { selectChecks } from '../../src/runner/check-selection.ts';
import { findTarget } from '../../src/targets/registry.ts';
import { pingOneProbesByStep } from '../../src/targets/pingone/probes/catalogue.ts';

function catalogue(name: string) {
  const target = findTarget(name);
  if (!target) throw new Error(`no target ${name}`);
  return target.catalogue();
}

const pingone = catalogue('pingone');
const PRODUCERS_OF_07 = [
  '01-get-access-token',
  '01b-discover-organization',
  '02-read-all-licenses',
  '03-create-environment',
  '04-create-population',
  '05-create-user',
];

describe('selectChecks: the chosen steps and probes, after every step they depend on', () => {
  test('a step runs after the producers of each variable it reads, and nothing else', () => {
    const selection = selectChecks(pingone, { ids: ['07-enable-user-mfa'], smoke: false });
    expect(selection.chosen).toEqual(['07-enable-user-mfa']);
    expect(selection.runs).toEqual([...PRODUCERS_OF_07, '07-enable-user-mfa']);
  });

  test('a read-back runs after the write it observes (after), and what that write reads', () => {
    const selection = selectChecks(pingone, { ids: ['07b-read-user-mfa-enabled'], smoke: false });
    expect(selection.runs).toEqual([...PRODUCERS_OF_07, '07-enable-user-mfa', '07b-read-user-mfa-enabled']);
  });

  test("a probe runs after its documented step and that step's producers", () => {
    const probe = pingOneProbesByStep.find(([step]) => step === '07-enable-user-mfa')?.[1][0];
    expect(probe).toBeDefined();
    const selection = selectChecks(pingone, { ids: [probe?.id ?? ''], smoke: false });
    expect(selection.chosen).toEqual([probe?.id]);
    expect(selection.runs).toEqual([...PRODUCERS_OF_07, '07-enable-user-mfa', probe?.id]);
  });

  test('--grep matches ids, titles and probe conditions, case-insensitively; --smoke chooses no probe', () => {
    const all = selectChecks(pingone, { ids: [], grep: /TOTP/, smoke: false });
    expect(all.chosen).toContain('10-create-totp-device');
    expect(all.chosen.some((id) => id.includes('/'))).toBe(true);
    const smoke = selectChecks(pingone, { ids: [], grep: /TOTP/, smoke: true });
    expect(smoke.chosen.length).toBeGreaterThan(0);
    expect(smoke.chosen.some((id) => id.includes('/'))).toBe(false);
    // The TOTP device needs the TOTP policy (04d) for its policy id, so it runs even unmatched.
    expect(smoke.runs).toContain('04d-create-totp-policy');
  });

  test('an id the catalogue does not hold chooses nothing', () => {
    expect(selectChecks(pingone, { ids: ['nope'], smoke: false })).toEqual({ chosen: [], runs: [] });
  });

  test("Lerian's login after MFA is disabled runs the whole chain that enables it first", () => {
    const selection = selectChecks(catalogue('lerian-identity'), {
      ids: ['08c-login-without-challenge'],
      smoke: false,
    });
    for (const id of ['04-mfa-setup', '04d-mfa-verify-passcode', '05b-enable-mfa', '08-disable-mfa'])
      expect(selection.runs).toContain(id);
    expect(selection.runs).not.toContain('06b-complete-challenge-totp');
  });

  test('every step of every target observes only steps that come earlier in its flow', () => {
    for (const name of ['pingone', 'lerian-identity']) {
      const { steps } = catalogue(name);
      const order = steps.map((step) => step.id);
      for (const step of steps)
        for (const id of step.after ?? [])
          expect(order.indexOf(id), `${name}: ${step.id} observes ${id}`).toBeLessThan(
            order.indexOf(step.id),
          );
    }
  });
});
