import { TEARDOWN_GRACE_VARIABLE } from '../../../src/cli/deadline-option.ts';
import type { VariableRules, VariableSpec } from '../../../src/config/variable-rules.ts';
import { STRICT_VARIABLE } from '../../../src/flow/step/source.ts';
import { REQUEST_TIMEOUT_VARIABLE } from '../../../src/http/request-timeout-variable.ts';
import { SMOKE_VARIABLE, SUPERVISOR_ONLY_VARIABLES } from '../../../src/process/run-variables.ts';
import { LERIAN_VARIABLE_RULES } from '../../../src/targets/lerian-identity/variables.ts';
import { PINGONE_VARIABLE_RULES } from '../../../src/targets/pingone/variables.ts';

/** Each target's variables, by target name (a test keeps this equal to the registry). */
export const TARGET_VARIABLE_RULES: Readonly<Record<string, VariableRules>> = {
  pingone: PINGONE_VARIABLE_RULES,
  'lerian-identity': LERIAN_VARIABLE_RULES,
};

/** Variables idflow reads besides the targets' own (README: Retries and deadlines, Behind a proxy). */
export const IDFLOW_VARIABLES: readonly string[] = [
  REQUEST_TIMEOUT_VARIABLE,
  TEARDOWN_GRACE_VARIABLE,
  ...['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'].flatMap((name) => [name, name.toLowerCase()]),
  'NODE_EXTRA_CA_CERTS',
];

/** Variables only `idflow run` sets, for the test process it supervises: never a template's. */
export const INTERNAL_VARIABLES: readonly string[] = [
  ...SUPERVISOR_ONLY_VARIABLES,
  SMOKE_VARIABLE,
  STRICT_VARIABLE,
];

/**
 * The templates' own variables, read by their shell lines and rules, never by idflow. None may
 * start like a variable idflow reads (a test checks), so a misspelt target variable is never
 * mistaken for one of these.
 */
export const PIPELINE_VARIABLES: readonly string[] = [
  'CONFORMANCE_TARGET',
  'TENANT',
  'SMOKE_TARGET',
  'SMOKE_TENANT',
  'npm_config_cache',
];

/** What a variable a template sets is to idflow. */
export type VariableRole =
  { readonly kind: 'target'; readonly spec: VariableSpec } | { readonly kind: 'idflow' | 'pipeline' };

/** The role of `name`, or undefined for a variable neither idflow nor the templates read. */
export function variableRole(name: string): VariableRole | undefined {
  for (const rules of Object.values(TARGET_VARIABLE_RULES)) {
    const spec = rules.variables.find((each) => each.name === name);
    if (spec) return { kind: 'target', spec };
  }
  if (IDFLOW_VARIABLES.includes(name)) return { kind: 'idflow' };
  if (PIPELINE_VARIABLES.includes(name)) return { kind: 'pipeline' };
  return undefined;
}

/**
 * Why a template may not set `name`, or undefined when it may. The message names the variable
 * and what to do instead.
 */
export function variableProblem(name: string): string | undefined {
  if (INTERNAL_VARIABLES.includes(name)) {
    return `${name} is set only by idflow run itself, for the test process it supervises; use the option instead`;
  }
  if (variableRole(name) === undefined) {
    return (
      `${name} is not a variable idflow reads (a typo?): see env/*.env.example for the targets' ` +
      `variables, or add a pipeline variable of the template's own to PIPELINE_VARIABLES`
    );
  }
  return undefined;
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE_KEY/i;

/**
 * True for a variable whose value must never be written in a template nor on a command line:
 * a target's secret, or any name that says it holds one (so a new or misspelt one counts too).
 */
export function isSecretVariable(name: string): boolean {
  const role = variableRole(name);
  return (role?.kind === 'target' && role.spec.secret === true) || SECRET_NAME.test(name);
}

/** The secret variables a script reads (`$NAME` or `${NAME}`), each once. */
export function secretReferences(script: string): string[] {
  const names = [...script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
  return [...new Set(names.filter(isSecretVariable))];
}
