import { formatSchemaProblems } from '../../schema/format-problems.ts';
import { describeValue, evaluateCheck, type CheckResult } from './checks.ts';
import { responseDrift, type DriftField } from './response-drift.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { SchemaRegistry } from '../../schema/registry.ts';
import type { StepContext } from './step-context.ts';
import type { Expectation, StepDefinition } from './step.ts';

/** What came instead of JSON: the content type and size, so a web page or proxy error stands out. */
function describeNonJson(response: HttpResponse): string {
  if (!response.bodyText.trim()) return 'no body';
  const type = response.headers['content-type'] ?? 'no Content-Type';
  return (
    `a body that is not JSON (${type}, ${Buffer.byteLength(response.bodyText)} bytes; it is quoted ` +
    `under Evidence)`
  );
}

/** Status, content type, headers and schema: the expectations every response must meet. */
function expectationResults(
  expect: Expectation,
  response: HttpResponse,
  schemas: SchemaRegistry,
): CheckResult[] {
  // An inferred source covers the whole expectation; a part's own reason is more specific.
  const whole = expect.source?.kind === 'inferred' ? expect.source.reason : undefined;
  const inferredAs = (reason: string | undefined): { inferred?: string } =>
    reason === undefined ? {} : { inferred: reason };
  const results: CheckResult[] = [
    {
      name: 'status',
      passed: response.status === expect.status,
      expected: String(expect.status),
      given: String(response.status),
      ...inferredAs(expect.inferred?.status ?? whole),
    },
  ];
  if (expect.inferred?.status && expect.inferred.refusalDocumented)
    results.push({
      name: 'refused',
      passed: response.status >= 400,
      expected: 'a 4xx refusal',
      given: String(response.status),
    });
  if (expect.contentType) {
    const contentType = response.headers['content-type'] ?? '';
    results.push({
      name: 'content type',
      passed: expect.contentType.test(contentType),
      expected: `matches ${expect.contentType}`,
      given: contentType || 'missing',
      ...inferredAs(expect.inferred?.contentType ?? whole),
    });
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = response.headers[name.toLowerCase()];
    results.push({
      name: `header ${name}`,
      passed: value !== undefined && pattern.test(value),
      expected: `matches ${pattern}`,
      given: describeValue(value),
      ...inferredAs(whole),
    });
  }
  if (expect.schema) {
    if (response.json === undefined) {
      results.push({
        name: `schema ${expect.schema}`,
        passed: false,
        expected: 'a JSON body',
        given: describeNonJson(response),
        ...inferredAs(whole),
      });
    } else {
      const validation = schemas.validate(expect.schema, response.json);
      results.push({
        name: `schema ${expect.schema}`,
        passed: validation.valid,
        expected: 'valid',
        given: validation.valid ? 'valid' : formatSchemaProblems(validation),
        ...inferredAs(whole),
      });
    }
  }
  const strict = expect.inferredSchema;
  if (strict && response.json !== undefined) {
    const validation = schemas.validate(strict.schema, response.json);
    results.push({
      name: `schema ${strict.schema}`,
      passed: validation.valid,
      expected: 'valid',
      given: validation.valid ? 'valid' : formatSchemaProblems(validation),
      inferred: strict.reason,
    });
  }
  return results;
}

/** The results of one answer the step accepts: its expectations, then (right status only) its checks. */
function answerResults(
  expect: Expectation,
  checks: StepDefinition['checks'],
  response: HttpResponse,
  context: StepContext,
): CheckResult[] {
  const results = expectationResults(expect, response, context.schemas);
  // A wrong status means the body is some other shape; checking it further only adds noise.
  if (results[0]?.passed === true)
    results.push(...(checks ?? []).map((check) => evaluateCheck(check, response, context.vars.lookup)));
  return results;
}

/** A result that fails the step: any miss, except an inferred one in a lenient run. */
export function failsStep(result: CheckResult, context: StepContext): boolean {
  return !result.passed && !(result.inferred !== undefined && context.calibration?.lenient === true);
}

/**
 * The expected answer's results, or those of the first documented alternative that holds when
 * the expected one does not (a tenant answering 403 where the OAS allows it instead of 404),
 * with the answer's fields its schema does not declare (drift, never a failure).
 */
export function judgeAnswer(
  step: StepDefinition,
  response: HttpResponse,
  context: StepContext,
): { results: CheckResult[]; alternative?: string; drift: DriftField[] } {
  const results = answerResults(step.expect, step.checks, response, context);
  if (!results.some((result) => failsStep(result, context)))
    return { results, drift: responseDrift(step.expect, response, context.schemas) };
  let closest = results;
  for (const alternative of step.alternatives ?? []) {
    const other = answerResults(alternative.expect, alternative.checks, response, context);
    if (!other.some((result) => failsStep(result, context)))
      return {
        results: other,
        alternative: alternative.summary,
        drift: responseDrift(alternative.expect, response, context.schemas),
      };
    // The failure names what broke in the answer the tenant chose (its status), not another one.
    if (closest[0]?.passed !== true && other[0]?.passed === true) closest = other;
  }
  return { results: closest, drift: [] };
}
