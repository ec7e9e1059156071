import type { HttpMethod } from '../../http/types.ts';
import type { Check } from './checks.ts';
import type { Capture } from './captures.ts';
import type { ComputedValue } from './computed-value.ts';
import type { SettlePolicy } from './settle.ts';
import type { Source } from './source.ts';
import type { JsonTemplate } from './template.ts';

/** How a request authenticates; credentials are template strings naming run variables. */
export type AuthTemplate =
  | { readonly type: 'bearer'; readonly token: string }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'none' };

export type BodyTemplate =
  | { readonly json: JsonTemplate; readonly contentType?: string }
  | { readonly form: Readonly<Record<string, string>> };

/** A request as the vendor's docs write it: method, `{{variable}}` URL, headers and body. */
export interface RequestTemplate {
  readonly method: HttpMethod;
  readonly url: string;
  readonly auth: AuthTemplate;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: BodyTemplate;
}

/** What every response of the step must satisfy before semantic checks run. */
export interface Expectation {
  /**
   * Where the status, content type, headers and schema come from. Parts named under `inferred`
   * (and `inferredSchema`) carry their own reason; an inferred source makes every part inferred.
   * Optional in the type so that partial expectations can be spread; the provenance test fails
   * on any step or probe whose expectation has none.
   */
  readonly source?: Source;
  readonly status: number;
  /** Media type pattern of `Content-Type`; omitted when the response has no body (204). */
  readonly contentType?: RegExp;
  /** Schema name in the registry, for example `acme/user`. */
  readonly schema?: string;
  /** Headers that must be present and match. */
  readonly headers?: Readonly<Record<string, RegExp>>;
  /** Parts no vendor source backs, each with the reason it is expected anyway. */
  readonly inferred?: {
    readonly status?: string;
    readonly contentType?: string;
    /**
     * With an inferred `status`: the docs still say the call is refused, so any answer below 400
     * fails the step whatever the calibration (a tenant accepting what it must refuse).
     */
    readonly refusalDocumented?: boolean;
  };
  /**
   * A stricter schema than `schema` (which accepts all the vendor's OAS allows), checked as an
   * inferred expectation: what our emulator answers, which the vendor does not promise.
   */
  readonly inferredSchema?: { readonly schema: string; readonly reason: string };
}

/** Another answer a vendor source allows in place of the expected one (403 for an unknown environment). */
export interface AlternativeAnswer {
  readonly expect: Expectation;
  readonly checks?: readonly Check[];
  /** The answer in words: `403 ACCESS_FAILED`. */
  readonly summary: string;
  readonly source: Source;
}

/** Undoes what a step created; registered in the ledger when the step succeeds. */
export interface Cleanup {
  readonly description: string;
  readonly request: RequestTemplate;
  /** Statuses that mean "gone" (204, and 404 when something else already removed it). */
  readonly okStatuses: readonly number[];
  /** Read the resource back until it answers 404, proving the delete took effect. */
  readonly confirmGone?: RequestTemplate;
}

/**
 * One step of a flow, as data. Suites run steps; reports and exports can read them. A step's
 * inputs are the variables its templates and derivations use: when one is missing because an
 * earlier step failed, the step is skipped with that reason.
 */
export interface StepDefinition {
  /** Stable id, also the check-id prefix in reports: `07-enable-user-mfa`. */
  readonly id: string;
  readonly title: string;
  /** The vendor documentation page this step replays. */
  readonly docs?: string;
  /** Roles the docs say the worker app needs for this call (named in 403 hints). */
  readonly roles?: readonly string[];
  /** Values computed just before sending (for example a TOTP code). */
  readonly derive?: readonly ComputedValue[];
  readonly request: RequestTemplate;
  readonly expect: Expectation;
  readonly checks?: readonly Check[];
  /** Answers the vendor documents as just as valid; the step passes when one of them holds. */
  readonly alternatives?: readonly AlternativeAnswer[];
  readonly captures?: readonly Capture[];
  /**
   * Earlier steps whose effect this one observes beyond the variables it reads (a read-back after
   * a write): `idflow run --step` runs them first. Producers of its `{{variables}}` are found alone.
   */
  readonly after?: readonly string[];
  readonly cleanup?: Cleanup;
  /**
   * The step is the first call into something this run just created, which the vendor documents
   * as lagging: while it answers as the lag does, it is asked again until the policy's deadline.
   * Derivations are computed once, before the first ask. Probes never carry it.
   */
  readonly settle?: SettlePolicy;
}
