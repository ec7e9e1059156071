import type { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { IdflowError } from '../errors/idflow-error.ts';
import { registerBasicCredentials, registerSecret } from '../redact/secrets.ts';
import { ajvModules } from '../schema/ajv-modules.ts';
import { cachedValidator } from '../schema/validator-cache.ts';
import { configErrorFor } from './config-problem.ts';
import type { ConfigProblem } from './config-problem.ts';
import type { VariableRules, VariableSpec } from './variable-rules.ts';

/** A target's variables after validation: only its own, trimmed, empty ones dropped. */
export interface ValidatedVariables {
  /** The value, or `undefined` when the variable is not set. */
  get(name: string): string | undefined;
  /** The value of a variable the schema requires; a suite bug if absent. */
  require(name: string): string;
}

/** Validates a variable map against a target's rules; throws ConfigError on the first call with problems. */
export type VariableValidator = (variables: Record<string, string>, source: string) => ValidatedVariables;

/** True when any variable named with `prefix` has a non-blank value. */
export function hasVariableWithPrefix(variables: Record<string, string>, prefix: string): boolean {
  return Object.entries(variables).some(([name, value]) => name.startsWith(prefix) && value.trim() !== '');
}

function schemaOf(rules: VariableRules): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const spec of rules.variables) properties[spec.name] = spec.schema;
  const dependencies: Record<string, string[]> = {};
  for (const pair of rules.pairs) {
    dependencies[pair.first] = [pair.second];
    dependencies[pair.second] = [pair.first];
  }
  return {
    type: 'object',
    properties,
    required: rules.variables.filter((spec) => spec.required).map((spec) => spec.name),
    dependencies,
  };
}

/** Registers every secret before anything can echo it; a Basic secret with its client id. */
function registerSecrets(values: Record<string, string>, rules: VariableRules): void {
  for (const spec of rules.variables) {
    const secret = values[spec.name];
    if (!spec.secret || secret === undefined) continue;
    const clientId = spec.clientIdVariable === undefined ? undefined : values[spec.clientIdVariable];
    if (clientId === undefined) registerSecret(secret);
    else registerBasicCredentials(clientId, secret);
  }
}

function presentValues(variables: Record<string, string>, rules: VariableRules): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of rules.variables) {
    const value = variables[spec.name]?.trim();
    if (value) values[spec.name] = value;
  }
  return values;
}

function problemOf(
  error: ErrorObject,
  specs: ReadonlyMap<string, VariableSpec>,
  rules: VariableRules,
  values: Record<string, string>,
): ConfigProblem | undefined {
  if (error.keyword === 'required' || error.keyword === 'dependencies') {
    const params = error.params as { missingProperty?: string; property?: string };
    const spec = specs.get(params.missingProperty ?? '');
    if (spec === undefined) return undefined;
    if (error.keyword === 'required') return { kind: 'missing', spec };
    const partner = params.property ?? '';
    const pair = rules.pairs.find((candidate) => candidate.first === partner || candidate.second === partner);
    return { kind: 'unpaired', spec, partner, purpose: pair?.purpose ?? 'a pair' };
  }
  const name = error.instancePath.replace(/^\//, '');
  const spec = specs.get(name);
  if (spec === undefined) return undefined;
  return { kind: 'invalid', spec, given: values[name] ?? '' };
}

/** The ajv the rules' schema is compiled with (draft-07: `dependencies` pairs variables). */
function rulesAjv(source: boolean): Ajv {
  const { Ajv, addFormats } = ajvModules();
  const ajv = new Ajv({ allErrors: true, strict: true, ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  return ajv;
}

/** The rules' JSON Schema validator: compiled (~50 ms) once for all processes, then loaded. */
function compile(rules: VariableRules) {
  return cachedValidator('Ajv draft-07 strict allErrors ajv-formats', schemaOf(rules), rulesAjv);
}

/**
 * Compiles a target's variable rules into a JSON Schema validator, once, on first use: every
 * target's rules are made when the registry loads, in commands that validate none (`list`,
 * `--version`) or one. The returned function trims the target's variables, registers its
 * secrets, validates, and either returns the values or throws a ConfigError naming the variable,
 * the file to edit and an example value.
 */
export function createVariableValidator(rules: VariableRules): VariableValidator {
  let compiled: ReturnType<typeof compile> | undefined;
  const specs = new Map(rules.variables.map((spec) => [spec.name, spec]));
  const order = new Map(rules.variables.map((spec, index) => [spec.name, index]));

  return (variables, source) => {
    const values = presentValues(variables, rules);
    registerSecrets(values, rules);
    const validate = (compiled ??= compile(rules));
    if (!validate(values)) {
      const seen = new Set<string>();
      const problems = (validate.errors ?? [])
        .map((error) => problemOf(error, specs, rules, values))
        .filter((problem): problem is ConfigProblem => {
          if (problem === undefined || seen.has(problem.spec.name)) return false;
          seen.add(problem.spec.name);
          return true;
        })
        .sort((a, b) => (order.get(a.spec.name) ?? 0) - (order.get(b.spec.name) ?? 0));
      if (problems.length === 0) {
        throw new IdflowError('SUITE_BUG', `Unexplained ${rules.target} configuration schema error.`, {
          fault: 'suite',
        });
      }
      throw configErrorFor(problems, rules, source);
    }
    return {
      get: (name) => values[name],
      require: (name) => {
        const value = values[name];
        if (value === undefined) {
          throw new IdflowError('SUITE_BUG', `${name} was validated as required but is absent.`, {
            fault: 'suite',
          });
        }
        return value;
      },
    };
  };
}
