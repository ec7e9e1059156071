import { computedValueInput, type ComputedValue } from '../flow/step/computed-value.ts';
import { literal } from './script-literal.ts';

/**
 * The pre-request line that computes a value just before the request is sent, into a variable
 * only this request sees: a TOTP code, a wrong code, a tampered token, a rewritten value.
 */
export function computedLine(value: ComputedValue): string {
  const head = `idflow.compute(${literal(value.variable)}, ${literal(value.kind)}, ${literal(computedValueInput(value))}`;
  if (value.kind !== 'replaced') return `${head});`;
  const rewrite = {
    source: value.pattern.source,
    flags: value.pattern.flags,
    replacement: value.replacement,
  };
  return `${head}, ${literal(rewrite)});`;
}
