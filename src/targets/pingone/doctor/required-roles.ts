import { pingOneFlow } from '../catalogue.ts';
import { readExistingEnvironment } from '../existing-environment.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';

/**
 * Where a need must be met: `organization` calls (licenses, creating an environment) need an
 * assignment at Organization scope; `environment` calls need one whose scope covers the
 * environment the run works in.
 */
export type NeedLevel = 'organization' | 'environment';

/** One role the flow needs: any of `roles`, at `level`, for the steps named. */
export interface RoleNeed {
  /** Any one of these roles will do, as the steps' troubleshooting bullets say. */
  readonly roles: readonly string[];
  readonly level: NeedLevel;
  /** The steps that need it, in flow order. */
  readonly steps: readonly string[];
}

function levelOf(step: StepDefinition): NeedLevel {
  return /\{\{(envID|existingEnvID)\}\}/.test(step.request.url) ? 'environment' : 'organization';
}

/**
 * The roles the flow's steps declare (`StepDefinition.roles`, from the docs' troubleshooting
 * bullets), grouped by the set of roles and the level: with an existing environment
 * (PINGONE_ENV_ID) step 03 reads it instead of creating one.
 */
export function flowRoleNeeds(existingEnvironment: boolean): RoleNeed[] {
  const steps = pingOneFlow.map((step) =>
    existingEnvironment && step.id === '03-create-environment' ? readExistingEnvironment : step,
  );
  const needs = new Map<string, { roles: readonly string[]; level: NeedLevel; steps: string[] }>();
  for (const step of steps) {
    if (!step.roles?.length) continue;
    const level = levelOf(step);
    const key = `${level}:${[...step.roles].sort().join('|')}`;
    const need = needs.get(key) ?? { roles: step.roles, level, steps: [] };
    need.steps.push(step.id);
    needs.set(key, need);
  }
  return [...needs.values()];
}
