import { describe, expect, test } from 'vitest';
import { pingOneFlow } from '../../src/targets/pingone/catalogue.ts';
import { flowRoleNeeds } from '../../src/targets/pingone/doctor/required-roles.ts';

describe("the roles idflow doctor requires are the flow's own", () => {
  test('every step but the token request declares its roles, so no step escapes the preflight', () => {
    const without = pingOneFlow.filter((step) => !step.roles?.length).map((step) => step.id);
    expect(without).toEqual(['01-get-access-token']);
  });

  test('a run that creates its environment: Organization Admin for the organization calls, Environment Admin inside', () => {
    const needs = flowRoleNeeds(false);
    const organization = needs.find((need) => need.level === 'organization');
    expect(organization?.roles).toEqual(['Organization Admin']);
    expect(organization?.steps).toEqual(
      expect.arrayContaining(['02-read-all-licenses', '03-create-environment']),
    );
    const inside = needs.filter((need) => need.level === 'environment');
    expect(inside.every((need) => need.roles.includes('Environment Admin'))).toBe(true);
    expect(inside.flatMap((need) => need.steps)).toEqual(
      expect.arrayContaining(['04-create-population', '08-update-mfa-settings', '11-activate-totp-device']),
    );
    const counted = needs.flatMap((need) => need.steps);
    expect(new Set(counted).size).toBe(counted.length);
    expect(counted).toHaveLength(pingOneFlow.length - 1);
  });

  test('with PINGONE_ENV_ID, step 03 reads the existing environment instead of creating one', () => {
    const steps = flowRoleNeeds(true).flatMap((need) => need.steps);
    expect(steps).toContain('03-use-existing-environment');
    expect(steps).not.toContain('03-create-environment');
  });
});
