import { requestInputs } from '../step/build-request.ts';
import { changeRequest, type RequestChange } from './probe-request.ts';
import type { Check } from '../step/checks.ts';
import type { ExpiredTokenSource, ProbeActor, ProbeDefinition } from './probe.ts';
import type { ComputedValue } from '../step/computed-value.ts';
import type { AlternativeAnswer, Expectation, StepDefinition } from '../step/step.ts';

/** The documented answer to a provoked condition: expectations, checks, and how to say it. */
export interface ProbeAnswer {
  readonly expect: Expectation;
  readonly checks: readonly Check[];
  /** `401 ACCESS_FAILED, detail INVALID_TOKEN`. */
  readonly summary: string;
  /** Other answers a vendor source allows for the same condition (403 for an unknown environment). */
  readonly alternatives?: readonly AlternativeAnswer[];
}

/** What makes one probe out of a positive step. */
export interface ProbeSpec {
  /** The documented step the condition belongs to (its troubleshooting list). */
  readonly stepId: string;
  /** Last part of the probe id: `unknown-user`. */
  readonly slug: string;
  readonly bullet: string;
  readonly provoked: string;
  /** The positive step whose request is changed (the step itself or its read-back). */
  readonly from: StepDefinition;
  readonly changes?: readonly RequestChange[];
  readonly answer: ProbeAnswer;
  /** Replaces the positive step's derivations (for example a code for another device). */
  readonly derive?: readonly ComputedValue[];
  readonly actor?: ProbeActor;
  readonly values?: readonly ComputedValue[];
  readonly before?: readonly StepDefinition[];
  readonly expiredToken?: ExpiredTokenSource;
  readonly skip?: string;
}

/**
 * Derives a probe from a positive step: same docs and roles (for hints), the changed request,
 * the documented answer instead of the success expectations, and no captures or cleanup (a probe
 * creates nothing the flow relies on). A computed value of the positive step is kept only when
 * the request still uses it.
 * Nor does it settle: a probe expects its 401/403/404 on the first answer, so the positive step's
 * `settle` is deliberately not carried over (asking again would only slow it down or mask it).
 */
export function deriveProbe(spec: ProbeSpec): ProbeDefinition {
  const id = `${spec.stepId}/${spec.slug}`;
  const request = changeRequest(spec.from.request, spec.changes ?? []);
  const used = new Set(requestInputs(request));
  const derive = (spec.derive ?? spec.from.derive ?? []).filter((value) => used.has(value.variable));
  const step: StepDefinition = {
    id,
    title: spec.provoked,
    ...(spec.from.docs ? { docs: spec.from.docs } : {}),
    ...(spec.from.roles ? { roles: spec.from.roles } : {}),
    ...(derive.length > 0 ? { derive } : {}),
    request,
    expect: spec.answer.expect,
    checks: spec.answer.checks,
    ...(spec.answer.alternatives ? { alternatives: spec.answer.alternatives } : {}),
  };
  return {
    id,
    stepId: spec.stepId,
    bullet: spec.bullet,
    provoked: spec.provoked,
    expected: [spec.answer.summary, ...(spec.answer.alternatives ?? []).map((other) => other.summary)].join(
      ' or ',
    ),
    step,
    ...(spec.actor ? { actor: spec.actor } : {}),
    ...(spec.values ? { values: spec.values } : {}),
    ...(spec.before ? { before: spec.before } : {}),
    ...(spec.expiredToken ? { expiredToken: spec.expiredToken } : {}),
    ...(spec.skip ? { skip: spec.skip } : {}),
  };
}
