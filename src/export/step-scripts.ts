import { stepInputs } from '../flow/step/execute-step.ts';
import { captureTest } from './capture-script.ts';
import { checkTest } from './check-script.ts';
import { computedLine } from './computed-script.ts';
import { expectationTests } from './expectation-script.ts';
import { HELPERS_LINE } from './helpers-script.ts';
import { literal } from './script-literal.ts';
import type { Check } from '../flow/step/checks.ts';
import type { Expectation, StepDefinition } from '../flow/step/step.ts';
import type { SettlePolicy } from '../flow/step/settle.ts';

/**
 * The pre-request script: skip (with the missing variables named) when an earlier request did
 * not set what this one needs, as idflow reports a step skipped, or when a `guard` (a helper
 * call) says so; then the computed values.
 */
export function preRequestScript(step: StepDefinition, guards: readonly string[] = []): string[] {
  const conditions = [`idflow.needs(${literal(stepInputs(step))})`, ...guards].join(' && ');
  const computed = (step.derive ?? []).map(computedLine);
  return [HELPERS_LINE, `if (${conditions}) {`, ...computed.map((line) => `  ${line}`), '}'];
}

/** An answer's tests: its expectations, then (right status only) its semantic checks. */
function answerTests(expect: Expectation, checks: readonly Check[] | undefined): string[] {
  const lines = expectationTests(expect);
  if (checks?.length) {
    lines.push(`if (pm.response.code === ${expect.status}) {`);
    lines.push(...checks.map((check) => `  ${checkTest(check)}`));
    lines.push('}');
  }
  return lines;
}

/** A step's settle policy as the helpers' `settling` reads it. */
function settleSpec(policy: SettlePolicy): Record<string, unknown> {
  return {
    subject: policy.subject,
    statuses: policy.statuses,
    codes: policy.codes,
    deadlineMs: policy.poll.deadlineMs,
    intervalMs: policy.poll.intervalMs,
    growth: policy.poll.growth ?? 1,
    maxIntervalMs: policy.poll.maxIntervalMs ?? policy.poll.deadlineMs,
    why: policy.why,
  };
}

/**
 * The test script: the expected answer's tests, or those of a documented alternative when the
 * response carries the alternative's status instead; then the captures, when the status is the
 * expected one. A step that settles (see SettlePolicy) first sends itself again while the answer
 * is the documented lag's, as `idflow run` does; only the last answer is tested.
 */
export function testScript(step: StepDefinition): string[] {
  const tests = answerAndCaptureTests(step);
  return step.settle
    ? [
        HELPERS_LINE,
        `if (!idflow.settling(${literal(settleSpec(step.settle))})) {`,
        ...tests.map((line) => `  ${line}`),
        '}',
      ]
    : [HELPERS_LINE, ...tests];
}

function answerAndCaptureTests(step: StepDefinition): string[] {
  const lines: string[] = [];
  const expected = answerTests(step.expect, step.checks);
  const alternatives = (step.alternatives ?? []).filter(
    (other) => other.expect.status !== step.expect.status,
  );
  for (const [index, other] of alternatives.entries()) {
    lines.push(
      `${index === 0 ? '' : '} else '}if (pm.response.code === ${other.expect.status}) {`,
      `  console.log(${literal(`${step.id}: the documented alternative answer ${other.summary}`)});`,
      ...answerTests(other.expect, other.checks).map((line) => `  ${line}`),
    );
  }
  if (alternatives.length > 0) lines.push('} else {', ...expected.map((line) => `  ${line}`), '}');
  else lines.push(...expected);
  if (step.captures?.length) {
    lines.push(`if (pm.response.code === ${step.expect.status}) {`);
    lines.push(...step.captures.map((capture) => `  ${captureTest(capture)}`));
    lines.push('}');
  }
  return lines;
}
