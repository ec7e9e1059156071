import { formatEvidence } from '../flow/step/evidence.ts';
import type { CheckRun, Expectation, Failure } from './results.ts';

function describeExpectation(expectation: Expectation): string {
  const line = `${expectation.name}: expected ${expectation.expected}, given ${expectation.given}`;
  return expectation.inferred ? `${line} (inferred: ${expectation.inferred})` : line;
}

/**
 * A failed check in plain lines, for a report's failure body: expected/given of each expectation
 * that did not hold (the summary when none was judged), the hint, then the evidence as the
 * failure printed it (request, status, vendor code and message, Correlation-Id, body, curl).
 */
export function failureText(check: CheckRun, failure: Failure): string {
  const failed = check.expectations.filter((expectation) => !expectation.passed);
  const lines = failed.length > 0 ? failed.map(describeExpectation) : [failure.summary];
  if (failure.hint) lines.push(`hint: ${failure.hint}`);
  if (failure.evidence) lines.push('evidence:', formatEvidence(failure.evidence));
  return lines.join('\n');
}
