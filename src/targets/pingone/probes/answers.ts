import { equals, inferredCheck, listContains, present } from '../../../flow/checks.ts';
import { documented } from '../../../flow/source.ts';
import { CORRELATED, JSON_BODY } from '../conventions.ts';
import type { Check } from '../../../flow/checks.ts';
import type { ProbeAnswer } from '../../../flow/probe-derive.ts';

/** A P1Error detail the answer must list; the reference gives `code`, and `target` for fields. */
export interface DetailExpectation {
  readonly code: string;
  readonly target?: string;
}

function describeDetail(detail: DetailExpectation): string {
  return detail.target === undefined ? detail.code : `${detail.code} on ${detail.target}`;
}

/** Where Ping's OpenAPI defines the error bodies (the pingone-go-client's `openapi.yaml`). */
const OAS_SCHEMAS = 'PingOne OpenAPI (pingone-go-client pingone/api/openapi.yaml) #/components/schemas';

/** Why a 403 body's `id` is only inferred. */
export const FORBIDDEN_ID_REASON = `${OAS_SCHEMAS}/ForbiddenError requires only code and message ("required: [code, message]"); our emulator adds id, as the 401/400/404 bodies carry`;

/** Why a 401's INVALID_TOKEN detail is only inferred. */
export const INVALID_TOKEN_DETAIL_REASON = `${OAS_SCHEMAS}/UnauthorizedError makes details optional ("required: [code, id, message]"); the detail code is the reference's reading (§3.5), not a promise`;

/** Statuses whose OAS error schema requires `id` (BadRequest, Unauthorized, NotFound, UnsupportedMediaType, InternalServer). */
const ID_REQUIRED = new Set([400, 401, 404, 415, 500]);

/** How a P1Error answer is held: which of its details no vendor source backs. */
export interface P1ErrorOptions {
  /** The detail is expected although no source promises it: why. */
  readonly detailInferred?: string;
  /** The status (and so the whole answer) is expected although no source promises it: why. */
  readonly statusInferred?: string;
  /** With `statusInferred`: the docs still say the call is refused (any status below 400 fails). */
  readonly refusalDocumented?: boolean;
}

/**
 * A management API error (reference §3.4): the status, a P1Error body (schema `pingone/p1-error`,
 * which requires only what every OAS error schema requires: `code` and `message`), its
 * top-level `code`, its `id` (documented where the status's OAS schema requires it, inferred for
 * 403), and the detail with `code`/`target` when the reference gives one.
 */
export function p1Error(
  status: number,
  code: string,
  detail?: DetailExpectation,
  options: P1ErrorOptions = {},
): ProbeAnswer {
  const idCheck = present('/id');
  const checks: Check[] = [
    equals('/code', code, `code is ${code}`),
    ID_REQUIRED.has(status)
      ? {
          ...idCheck,
          source: documented(`${OAS_SCHEMAS}/${errorSchemaName(status)}`, 'required: [code, id, message]'),
        }
      : inferredCheck(idCheck, FORBIDDEN_ID_REASON),
  ];
  if (detail) {
    const where: Record<string, string> =
      detail.target === undefined
        ? { '/code': detail.code }
        : { '/code': detail.code, '/target': detail.target };
    const check = listContains('/details', where, `details list ${describeDetail(detail)}`);
    checks.push(options.detailInferred ? inferredCheck(check, options.detailInferred) : check);
  }
  return {
    expect: {
      status,
      contentType: JSON_BODY,
      schema: 'pingone/p1-error',
      headers: CORRELATED,
      ...(options.statusInferred
        ? {
            inferred: {
              status: options.statusInferred,
              ...(options.refusalDocumented ? { refusalDocumented: true } : {}),
            },
          }
        : {}),
    },
    checks,
    summary: `${status} ${code}${detail ? `, detail ${describeDetail(detail)}` : ''}`,
  };
}

function errorSchemaName(status: number): string {
  const names: Record<number, string> = {
    400: 'BadRequestError',
    401: 'UnauthorizedError',
    404: 'NotFoundError',
    415: 'UnsupportedMediaTypeError',
    500: 'InternalServerError',
  };
  return names[status] ?? 'GeneralError';
}

/** 401 for every bad or missing token (reference §3.4, §3.5): ACCESS_FAILED; the INVALID_TOKEN detail is inferred. */
export const INVALID_TOKEN = p1Error(
  401,
  'ACCESS_FAILED',
  { code: 'INVALID_TOKEN' },
  { detailInferred: INVALID_TOKEN_DETAIL_REASON },
);

/** 403 for a role the actor lacks (reference §12): ACCESS_FAILED, detail INSUFFICIENT_PERMISSIONS. */
export const INSUFFICIENT_PERMISSIONS = p1Error(403, 'ACCESS_FAILED', { code: 'INSUFFICIENT_PERMISSIONS' });

/** 404 for an id that does not exist (reference §3.4). */
export const NOT_FOUND = p1Error(404, 'NOT_FOUND');

/**
 * An environment id that names nothing: 404 NOT_FOUND, or 403 ACCESS_FAILED, which Ping's OAS
 * documents for the calls under `/environments/{environmentID}`.
 */
export const UNKNOWN_ENVIRONMENT: ProbeAnswer = {
  ...NOT_FOUND,
  alternatives: [
    {
      ...p1Error(403, 'ACCESS_FAILED'),
      summary: '403 ACCESS_FAILED',
      source: documented(
        'PingOne OpenAPI (pingone-go-client pingone/api/openapi.yaml) #/components/responses/http.403.Forbidden.P14C63085',
        "Forbidden - Note: This may occur if the environment doesn't exist.",
      ),
    },
  ],
};

/**
 * Why a validation detail's `code`/`target` pair is only inferred where the pages give none: the
 * request model says what is required or allowed, not which detail the refusal carries.
 */
export const VALIDATION_DETAIL_REASON =
  'the request model documents the rule, not the detail code/target of its refusal; our emulator answers this pair';

/** 400 for a body that breaks the request model: INVALID_DATA with the detail on the field (inferred with a reason). */
export function invalidData(detailCode: string, target: string, inferredReason?: string): ProbeAnswer {
  return p1Error(
    400,
    'INVALID_DATA',
    { code: detailCode, target },
    inferredReason ? { detailInferred: inferredReason } : {},
  );
}

/** Why a 415 for the wrong activation media type is only inferred. */
export const ACTIVATION_415_REASON =
  "the activation operation lists no 415 in Ping's OAS; the reference (§3.4) documents 415 INVALID_REQUEST for a media type a call does not accept";

/** 415 for a media type the call does not accept (reference §3.4: INVALID_REQUEST). */
export const UNSUPPORTED_MEDIA_TYPE = p1Error(415, 'INVALID_REQUEST');

/** 415 where the operation documents no 415 (device activation): the whole answer is inferred. */
export const UNSUPPORTED_MEDIA_TYPE_INFERRED = p1Error(415, 'INVALID_REQUEST', undefined, {
  statusInferred: ACTIVATION_415_REASON,
  refusalDocumented: true,
});

/** An auth-server error (RFC 6749 §5.2 shape, schema `pingone/oauth-error`), not a P1Error. */
export function oauthError(status: number, error: string): ProbeAnswer {
  return {
    expect: { status, contentType: JSON_BODY, schema: 'pingone/oauth-error', headers: CORRELATED },
    checks: [equals('/error', error, `error is ${error}`)],
    summary: `${status} OAuth error ${error}`,
  };
}

/** A path that exists nowhere: only the status is documented (a gateway may answer it). */
export const NO_SUCH_PATH: ProbeAnswer = {
  expect: { status: 404 },
  checks: [],
  summary: '404 (any body: nothing is served there)',
};

/** The call succeeds for an actor holding one of the roles the docs name. */
export function allowed(expect: ProbeAnswer['expect'], checks: readonly Check[] = []): ProbeAnswer {
  return { expect, checks, summary: `${expect.status}, as for the admin` };
}
