import { literal, regexArguments, testCall } from './script-literal.ts';
import type { Check } from '../flow/step/checks.ts';

/** The helper call that evaluates one semantic check against the response. */
export function checkCall(check: Check): string {
  switch (check.kind) {
    case 'equals':
      return `idflow.equals(${literal(check.pointer)}, ${literal(check.expected)})`;
    case 'present':
      return `idflow.present(${literal(check.pointer)})`;
    case 'absent':
      return `idflow.absent(${literal(check.pointer)})`;
    case 'matches':
      return `idflow.matches(${literal(check.pointer)}, ${regexArguments(check.pattern)})`;
    case 'listContains':
      return `idflow.listContains(${literal(check.pointer)}, ${literal(check.where)})`;
    case 'atLeast':
      return `idflow.atLeast(${literal(check.pointer)}, ${literal(check.minimum)})`;
    case 'headerEqualsBody':
      return `idflow.headerEqualsBody(${literal(check.header)}, ${literal(check.pointer)})`;
  }
}

/** One `pm.test` per check, named as idflow names the check. */
export function checkTest(check: Check): string {
  return testCall(check.name, checkCall(check), check.source?.kind === 'inferred');
}
