import { ConfigError } from '../errors/config-error.ts';
import { sourceKind } from './sources.ts';
import type { VariableRules, VariableSpec } from './variable-rules.ts';

/** One thing wrong with a target's variables. */
export type ConfigProblem =
  | { kind: 'missing'; spec: VariableSpec }
  | { kind: 'unpaired'; spec: VariableSpec; partner: string; purpose: string }
  | { kind: 'invalid'; spec: VariableSpec; given: string; rule?: string };

const MAX_SHOWN_VALUE = 60;

/** The given value, quoted and shortened; nothing for a secret. */
function shown(spec: VariableSpec, given: string): string {
  if (spec.secret) return '';
  const value = given.length > MAX_SHOWN_VALUE ? `${given.slice(0, MAX_SHOWN_VALUE)}…` : given;
  return ` (got ${JSON.stringify(value)})`;
}

/** One line naming the variable and what is wrong, without advice. */
function summary(problem: ConfigProblem): string {
  const { name } = problem.spec;
  switch (problem.kind) {
    case 'missing':
      return `${name} is missing`;
    case 'unpaired':
      return (
        `${name} is missing: ${problem.partner} is set, and the two go together ` +
        `(${problem.purpose}; set both or neither)`
      );
    case 'invalid':
      return `${name} ${problem.rule ?? problem.spec.rule}${shown(problem.spec, problem.given)}`;
  }
}

/** The file to edit and the sentence saying where to set the variable. */
function whereToSet(
  spec: VariableSpec,
  rules: VariableRules,
  source: string,
  verb: string,
): { file: string; advice: string } {
  const origin = sourceKind(source);
  switch (origin.kind) {
    case 'postman': {
      const key = spec.postmanKey
        ? `the Postman variable ${spec.postmanKey} (or ${spec.name})`
        : `a variable named ${spec.name}`;
      return { file: origin.file, advice: `${verb} it in ${origin.file} as ${key}` };
    }
    case 'dotenv':
      return { file: origin.file, advice: `${verb} it in ${origin.file} (see ${rules.exampleFile})` };
    case 'process':
    case 'emulator':
      return {
        file: rules.envFile,
        advice: `${verb} it in ${rules.envFile} (see ${rules.exampleFile}) or in the process environment`,
      };
  }
}

/**
 * Builds the ConfigError for a list of problems: the first in full (variable, file to edit,
 * example), the others listed after it so one run shows everything to fix.
 */
export function configErrorFor(
  problems: readonly ConfigProblem[],
  rules: VariableRules,
  source: string,
): ConfigError {
  const [first, ...others] = problems;
  if (first === undefined) throw new RangeError('configErrorFor needs at least one problem');
  const verb = first.kind === 'invalid' ? 'Fix' : 'Set';
  const { file, advice } = whereToSet(first.spec, rules, source, verb);
  const example = `${first.spec.name}=${first.spec.example}`;
  const lines = [`${summary(first)}. ${advice}, e.g. ${example}`];
  if (others.length > 0) lines.push(`Also: ${others.map(summary).join('; ')}.`);
  return new ConfigError({
    code: first.kind === 'invalid' ? 'CONFIG_INVALID' : 'CONFIG_MISSING',
    message: lines.join('\n'),
    variable: first.spec.name,
    file,
    example,
  });
}
