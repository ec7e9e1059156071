import type { ComputedValue } from '../step/computed-value.ts';
import type { RequestTemplate, StepDefinition } from '../step/step.ts';

/**
 * An extra worker app a probe acts as (for example one holding only Identity Data Admin). Its
 * credentials are run variables filled from the configuration; when they are absent the probe is
 * skipped with a reason naming the configuration variables to set.
 */
export interface ProbeActor {
  /** How reports name it: `the Identity Data Admin actor`. */
  readonly name: string;
  /** Run variables holding its credentials: `identityAdminAppID`, `identityAdminAppSecret`. */
  readonly variables: readonly string[];
  /** Configuration variables that provide them: `ACME_AUDITOR_CLIENT_ID`, … */
  readonly configuredBy: readonly string[];
  /** Gets the actor a fresh token before each probe that needs one (tokens expire). */
  readonly tokenStep?: StepDefinition;
}

/**
 * How to obtain a token that has really expired: tokens are signed, so one cannot be forged;
 * a short-lived one is requested and waited out, once per session, and shared by every probe
 * that needs it. A token living longer than `maxWaitSeconds` makes those probes a named skip.
 */
export interface ExpiredTokenSource {
  /** Requests the token; captures `tokenVariable` and `expiresInVariable`. */
  readonly tokenStep: StepDefinition;
  readonly tokenVariable: string;
  readonly expiresInVariable: string;
  /** A cheap call carrying `{{tokenVariable}}`, sent until it answers 401. */
  readonly check: RequestTemplate;
  readonly maxWaitSeconds: number;
}

/**
 * A negative probe, as data: one documented troubleshooting condition of one step, the request
 * that provokes it (a step derived from the positive one, run through the same `executeStep`, so
 * a failure carries the same expected/given results and evidence) and the documented answer.
 */
export interface ProbeDefinition {
  /** `07-enable-user-mfa/unknown-user`: the documented step, then the condition. */
  readonly id: string;
  /** The documented step whose troubleshooting list names the condition. */
  readonly stepId: string;
  /** The troubleshooting bullet (or request-model rule) it provokes, as the docs word it. */
  readonly bullet: string;
  /** How it is provoked, in words (the README table's third column). */
  readonly provoked: string;
  /** The expected answer in words: `401 ACCESS_FAILED, detail INVALID_TOKEN`. */
  readonly expected: string;
  /** The request and its expectations; `step.id` equals `id`. */
  readonly step: StepDefinition;
  readonly actor?: ProbeActor;
  /**
   * Values computed just before a step of the probe that uses them is sent (a tampered token, a
   * wrong OTP): its actor's token step and `before` steps; its own step carries them in `derive`.
   */
  readonly values?: readonly ComputedValue[];
  /** Steps run in order first, through the session (a device of the probe's own, wrong codes). */
  readonly before?: readonly StepDefinition[];
  readonly expiredToken?: ExpiredTokenSource;
  /** When set, the condition cannot be provoked safely here: the probe is skipped with this reason. */
  readonly skip?: string;
}
