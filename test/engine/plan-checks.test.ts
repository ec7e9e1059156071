import { describe, expect, test } from 'vitest';
import { planChecks, type PlannedCheck } from '../../src/engine/plan-checks.ts';
import { probeTouchesState } from '../../src/engine/probe-effects.ts';
import { pingOneSuitePlan } from '../../src/targets/pingone/suite-plan.ts';
import { lerianSuitePlan } from '../../src/targets/lerian-identity/suite-plan.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';
import type { PingOneConfig } from '../../src/targets/pingone/config.ts';
import type { LerianConfig } from '../../src/targets/lerian-identity/config.ts';

// Planning sends nothing: the session is only used once a check runs.
const session = {} as FlowSession;
const baseline = { file: '(none)', deviations: [] };

function plan(options: { selected?: ReadonlySet<string>; smoke?: boolean } = {}): PlannedCheck[] {
  return planChecks(pingOneSuitePlan, {
    target: 'pingone',
    config: {} as PingOneConfig,
    session,
    baseline,
    selected: options.selected ?? null,
    smoke: options.smoke ?? false,
    keep: false,
  });
}

const idOf = (planned: PlannedCheck) => planned.check.name.split(':', 1)[0] ?? '';

describe('planChecks on the PingOne plan', () => {
  const checks = plan();
  const byId = new Map(checks.map((planned) => [idOf(planned), planned]));
  const probes = pingOneSuitePlan.files.flatMap((file) => file.probes);
  const touchingIds = new Set(probes.filter(probeTouchesState).map((probe) => probe.id));

  test('declares every step and probe once, in the suites’ order, then teardown', () => {
    const expected = pingOneSuitePlan.files.flatMap((file) => [
      ...file.steps.map((step) => step.id),
      ...file.probes.map((probe) => probe.id),
    ]);
    expect(checks.map(idOf)).toEqual([...expected, '99-teardown']);
  });

  test('each step waits for the step before it', () => {
    const steps = checks.filter((planned) => !planned.probe && !planned.teardown);
    steps.slice(1).forEach((planned, index) => expect(planned.after).toContain(steps[index]));
    expect(steps[0]?.after).toEqual([]);
  });

  test('a probe that only provokes a refusal waits for the step it probes and nothing else', () => {
    const refusals = probes.filter((probe) => !probeTouchesState(probe) && byId.has(probe.stepId));
    expect(refusals.length).toBeGreaterThan(100);
    for (const probe of refusals)
      expect(byId.get(probe.id)?.after, probe.id).toEqual([byId.get(probe.stepId)]);
  });

  test('only the probes beside the flow wait for a probe slot, never one the flow waits for', () => {
    for (const planned of checks)
      expect(planned.throttled, idOf(planned)).toBe(planned.probe && !touchingIds.has(idOf(planned)));
    expect(checks.filter((planned) => planned.throttled).length).toBeGreaterThan(100);
  });

  test('a probe that touches state runs after its file’s steps, and the next file’s first step waits for it', () => {
    const touching = probes.filter(probeTouchesState);
    // The identity admin's writes and reads, and the activation probes' own devices.
    expect(touching.map((probe) => probe.id)).toEqual(
      expect.arrayContaining([
        '07-enable-user-mfa/identity-data-admin-allowed',
        '11-activate-totp-device/wrong-otp',
        '11-activate-totp-device/otp-after-lockout',
      ]),
    );
    for (const probe of touching) {
      const file = pingOneSuitePlan.files.find((each) => each.probes.includes(probe));
      const lastStep = file?.steps.at(-1);
      expect(byId.get(probe.id)?.after, probe.id).toEqual([byId.get(lastStep?.id ?? '')]);
      const next = pingOneSuitePlan.files[pingOneSuitePlan.files.indexOf(file!) + 1];
      if (next) expect(byId.get(next.steps[0]?.id ?? '')?.after, probe.id).toContain(byId.get(probe.id));
    }
  });

  test('a step probed by the identity admin’s write is not run beside it: 08 waits for it', () => {
    const write = byId.get('07-enable-user-mfa/identity-data-admin-allowed');
    expect(byId.get('08-update-mfa-settings')?.after).toContain(write);
    expect(byId.get('07e-read-user-mfa-disabled')?.after).not.toContain(write);
    expect(write?.after).toEqual([byId.get('07c-read-user-after-mfa')]);
  });

  test('teardown waits for every other check', () => {
    const teardown = checks.at(-1);
    expect(teardown?.teardown).toBe(true);
    expect(teardown?.after).toEqual(checks.slice(0, -1));
  });

  test('--smoke plans no probe; a selection plans only what it chose, teardown always', () => {
    expect(plan({ smoke: true }).filter((planned) => planned.probe)).toEqual([]);
    const chosen = plan({ selected: new Set(['01-get-access-token', '01-get-access-token/wrong-secret']) });
    expect(chosen.map(idOf)).toEqual([
      '01-get-access-token',
      '01-get-access-token/wrong-secret',
      '99-teardown',
    ]);
  });

  test('the read-only smoke’s steps are planned only when named', () => {
    const named = pingOneSuitePlan.files.flatMap((file) => file.namedOnly ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(checks.map(idOf)).not.toEqual(expect.arrayContaining([named[0]?.id]));
    const ids = plan({ selected: new Set([named[0]?.id ?? '']) }).map(idOf);
    expect(ids).toEqual([named[0]?.id, '99-teardown']);
  });
});

describe('planChecks on the Lerian Identity plan', () => {
  const lerian = (config: Partial<LerianConfig>, smoke = false) =>
    planChecks(lerianSuitePlan, {
      target: 'lerian-identity',
      config: config as LerianConfig,
      session,
      baseline,
      selected: null,
      smoke,
      keep: false,
    });

  test('the emulator-only steps are skipped with their reason on another tenant, unrun', async () => {
    const checks = lerian({ idflowEmulator: false });
    const disable = checks.find((planned) => idOf(planned).startsWith('08-'));
    await disable?.check.run(disable.work);
    expect(disable?.check.result()).toEqual({
      state: 'skipped',
      note: expect.stringContaining('only the idflow emulator serves it'),
    });
  });

  test('--smoke skips the error-case file, naming why', async () => {
    const checks = lerian({ idflowEmulator: true }, true);
    const errorCase = checks.find((planned) => planned.file === '03-enable-errors');
    await errorCase?.check.run(errorCase.work);
    expect(errorCase?.check.result()).toEqual({ state: 'skipped', note: expect.stringContaining('--smoke') });
  });
});
