import { StepFailedError } from './step-failed-error.ts';
import { TransportError } from '../../http/transport-error.ts';
import { registerSecret } from '../../redact/secrets.ts';
import { buildRequest, requestInputs } from './build-request.ts';
import { captureValue } from './captures.ts';
import { describeValue, variablesInCheck, type CheckResult } from './checks.ts';
import { failsStep, judgeAnswer } from './judge-answer.ts';
import type { DriftField } from './response-drift.ts';
import { computedValueInput, computeValue } from './computed-value.ts';
import { collectEvidence, formatEvidence } from './evidence.ts';
import { hintFor } from './hints.ts';
import { ID_FORM, isWellFormedId } from './id-format.ts';
import {
  describeSettling,
  sendSettling,
  settlingNow,
  settlingWorthTelling,
  type SettleRecord,
} from './settle.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/types.ts';
import type { RunVariables } from './variables.ts';
import type { StepDefinition } from './step.ts';
import type { StepContext } from './step-context.ts';

export interface StepOutcome {
  readonly response: HttpResponse;
  readonly results: readonly CheckResult[];
  /** Present when the step's `settle` policy applied: every ask's status and how long it took. */
  readonly settling?: SettleRecord;
  /** Every inferred expectation's result, held or not (a miss here was unconfirmed, not failed). */
  readonly inferred: readonly CheckResult[];
  /** The documented alternative answer that held instead of the expected one, in words. */
  readonly alternative?: string;
  /** Response fields the answer's schema does not declare: reported as drift, never failed. */
  readonly drift: readonly DriftField[];
}

/** Every run variable a step needs before it can run (derived values excluded). */
export function stepInputs(step: StepDefinition): string[] {
  const derived = new Set((step.derive ?? []).map((derivation) => derivation.variable));
  const names = new Set<string>([
    ...requestInputs(step.request),
    ...(step.derive ?? []).map(computedValueInput),
    ...(step.checks ?? []).flatMap(variablesInCheck),
  ]);
  return [...names].filter((name) => !derived.has(name));
}

/** The step documents a JSON body, and a non-empty body came that is not JSON. */
function isNotJson(step: StepDefinition, response: HttpResponse): boolean {
  return step.expect.schema !== undefined && response.json === undefined && response.bodyText.trim() !== '';
}

/** The failure code a failed check gives its step (`STATUS_MISMATCH`, …, else `CHECK_FAILED`). */
export function failureCode(failed: CheckResult): string {
  if (failed.name === 'status') return 'STATUS_MISMATCH';
  if (failed.name === 'content type') return 'CONTENT_TYPE_MISMATCH';
  if (failed.name.startsWith('schema ')) return 'SCHEMA_MISMATCH';
  return 'CHECK_FAILED';
}

function formatResults(results: readonly CheckResult[]): string {
  return results
    .map((result) =>
      result.passed
        ? `  ✓ ${result.name}`
        : `  ✗ ${result.name}: expected ${result.expected}, given ${result.given}${result.inferred ? ` (inferred: ${result.inferred})` : ''}`,
    )
    .join('\n');
}

/** Sends the request; a transport failure becomes a step failure with a hint and evidence. */
async function sendOrExplain(
  step: StepDefinition,
  request: HttpRequest,
  client: HttpClient,
  vars: RunVariables,
): Promise<HttpResponse> {
  try {
    return await client.send(request);
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    const hint = hintFor(step, { transport: error, source: (name) => vars.origin(name)?.source });
    const message = [
      `${step.id} (${step.title}) failed: no response: ${error.message}`,
      ...(hint ? [`Hint: ${hint}`] : []),
      'Evidence:',
      formatEvidence(collectEvidence(request)),
    ].join('\n');
    const result = { name: 'response', passed: false, expected: 'an HTTP response', given: error.code };
    throw new StepFailedError({
      code: error.code,
      stepId: step.id,
      message,
      results: [result],
      evidence: collectEvidence(request),
      hint,
      fault: error.fault,
      cause: error,
    });
  }
}

/**
 * Runs one step: derive, render, send (again while a resource this run created settles, when
 * the step opts in with `settle`), then check status, content type, headers, schema and the
 * step's semantic checks, and capture what later steps need. `onAnswer` sees the final answer
 * before any check (the session records what it created there). Throws StepFailedError with
 * expected/given per check, a hint and redacted evidence when anything does not hold.
 */
export async function executeStep(
  step: StepDefinition,
  context: StepContext,
  onAnswer?: (response: HttpResponse) => void,
): Promise<StepOutcome> {
  const { client, vars } = context;
  for (const derivation of step.derive ?? []) {
    const { value, secret } = computeValue(derivation, vars.lookup);
    vars.set(derivation.variable, value, { from: step.id, secret });
  }
  let request = buildRequest(step.request, vars.lookup);
  const policy = settlingNow(step.settle, vars);
  // Each ask is rendered afresh (the token may have been refreshed meanwhile); evidence shows the last.
  const ask = (): Promise<HttpResponse> => {
    request = buildRequest(step.request, vars.lookup);
    return sendOrExplain(step, request, client, vars);
  };
  const { response, settling } = policy
    ? await sendSettling(policy, ask)
    : { response: await sendOrExplain(step, request, client, vars), settling: undefined };
  // Before any check: what the answer shows was created must be known even if a check fails.
  onAnswer?.(response);

  const { results, alternative, drift } = judgeAnswer(step, response, context);
  const statusOk = results[0]?.passed === true;

  // Secrets are registered as soon as they are seen, pass or fail, so evidence cannot quote them.
  for (const capture of step.captures ?? []) {
    const value = capture.secret ? captureValue(capture, response) : undefined;
    if (typeof value === 'string') registerSecret(value);
  }
  const captured: Array<[string, unknown, boolean]> = [];
  if (statusOk) {
    for (const capture of step.captures ?? []) {
      if (capture.keepExisting && vars.has(capture.variable)) continue;
      const value = captureValue(capture, response);
      const present = value !== undefined && value !== null;
      if (!present && capture.optional) continue;
      results.push({
        name: `capture ${capture.variable}`,
        passed: present && (!capture.id || isWellFormedId(value)),
        expected: capture.id
          ? `${ID_FORM} at ${capture.pointer} (an id later URLs carry)`
          : `a value at ${capture.pointer}`,
        given: value === undefined ? 'missing' : capture.secret ? '[captured]' : describeValue(value),
      });
      captured.push([capture.variable, value, capture.secret ?? false]);
    }
  }

  const failed = results.find((result) => failsStep(result, context));
  if (failed) {
    const hint = hintFor(step, {
      response,
      tokenRetry: context.tokens?.retryOf(request),
      origin: (name) => vars.origin(name)?.from,
      source: (name) => vars.origin(name)?.source,
      ...(context.hints ? { vocabulary: context.hints } : {}),
    });
    const evidence = collectEvidence(request, response);
    const message = [
      `${step.id} (${step.title}) failed: ${failed.name}: expected ${failed.expected}, given ${failed.given}`,
      formatResults(results),
      ...(policy && settlingWorthTelling(settling)
        ? [`Settling: ${describeSettling(settling)}; ${policy.why}`]
        : []),
      ...(hint ? [`Hint: ${hint}`] : []),
      'Evidence:',
      formatEvidence(evidence),
    ].join('\n');
    // A body that is not JSON where the docs promise JSON (a web page, a proxy's error page)
    // means the URL names something other than the API: the configuration's fault, exit 2.
    const notJson = isNotJson(step, response);
    throw new StepFailedError({
      code: notJson ? 'NOT_JSON' : failureCode(failed),
      stepId: step.id,
      message,
      results,
      evidence,
      hint,
      ...(notJson ? { fault: 'config' as const } : {}),
    });
  }
  for (const [name, value, secret] of captured)
    vars.set(name, value, { from: step.id, secret, captured: true });
  // Only a configured run calibrates; against the embedded emulator every expectation was strict.
  const inferred = context.calibration ? results.filter((result) => result.inferred !== undefined) : [];
  return {
    response,
    results,
    inferred,
    drift,
    ...(alternative ? { alternative } : {}),
    ...(settling ? { settling } : {}),
  };
}
