import { cited, equals, inferredCheck, listContains, present } from '../../../flow/step/checks.ts';
import { documented, inferred, type Source } from '../../../flow/step/source.ts';
import { CORRELATED, JSON_BODY } from '../conventions.ts';
import { OAS_P1 } from '../sources.ts';
import type { Check } from '../../../flow/step/checks.ts';
import type { ProbeAnswer } from '../../../flow/probe/probe-derive.ts';

/** A P1Error detail the answer must list; the reference gives `code`, and `target` for fields. */
export interface DetailExpectation {
  readonly code: string;
  readonly target?: string;
}

function describeDetail(detail: DetailExpectation): string {
  return detail.target === undefined ? detail.code : `${detail.code} on ${detail.target}`;
}

/** Where Ping's OpenAPI defines the error bodies (the pingone-go-client's `openapi.yaml`). */
const OAS_SCHEMAS = `${OAS_P1} #/components/schemas`;
/** The community OAS's shared error responses, which every management operation lists. */
const MGMT_RESPONSES =
  'PingOne Management OpenAPI (pingone-go-sdk-v2 management/generate/pingone-management.yml) ' +
  '#/components/responses';

/** Where an error status (and its P1Error body) is documented. */
const STATUS_SOURCES: Readonly<Record<number, Source>> = {
  400: documented(
    `${MGMT_RESPONSES}/400`,
    "'400': description: Invalid request received. Malformed JSON, malformed HTTP request. content: application/json: schema: $ref: '#/components/schemas/P1Error'",
  ),
  401: documented(
    `${MGMT_RESPONSES}/401`,
    "'401': description: Request failed due to authorization issue. content: application/json: schema: $ref: '#/components/schemas/P1Error'",
  ),
  403: documented(
    `${MGMT_RESPONSES}/403`,
    "'403': description: Request failed due to authorization issue. content: application/json: schema: $ref: '#/components/schemas/P1Error'",
  ),
  404: documented(
    `${MGMT_RESPONSES}/404`,
    "'404': description: Not found. content: application/json: schema: $ref: '#/components/schemas/P1Error'",
  ),
  415: documented(
    `${OAS_P1} #/components/responses/http.415.UnsupportedMediaType`,
    'schema: $ref: "#/components/schemas/UnsupportedMediaTypeError" description: Unsupported Media Type',
  ),
};

/** Where a top-level error code is documented for its status. */
function codeSource(status: number, code: string): Source {
  if (status === 400 && code === 'INVALID_DATA')
    return documented(
      'https://developer.pingidentity.com/pingone-api/platform/reference/error-codes.html',
      '| 400 | `INVALID_DATA` | "The request could not be completed. One or more validation errors were ' +
        'in the request." | DOCS error-codes |',
    );
  const enums: Record<number, string> = {
    401: 'Unauthorized_Error_Code',
    403: 'Forbidden_Error_Code',
    404: 'Not_Found_Error_Code',
    415: 'Unsupported_Media_Type_Error_Code',
  };
  const name = enums[status];
  return name
    ? documented(`${OAS_SCHEMAS}/${name}`, `${name}: enum: - ${code}`)
    : inferred(`no source gives ${code} for ${status}`);
}

/**
 * Why a validation detail's `code`/`target` pair is only inferred where the pages give none: the
 * request model says what is required or allowed, not which detail the refusal carries.
 */
export const VALIDATION_DETAIL_REASON =
  'the request model documents the rule, not the detail code/target of its refusal; our emulator answers ' +
  'this pair';

/** Why a 403's INSUFFICIENT_PERMISSIONS detail is only inferred. */
export const FORBIDDEN_DETAIL_REASON = `${OAS_SCHEMAS}/ForbiddenError makes details optional (only code and message are required); INSUFFICIENT_PERMISSIONS is the reference's reading of the OAS enum and Terraform's retry regexes`;

/** Why a 403 body's `id` is only inferred. */
export const FORBIDDEN_ID_REASON = `${OAS_SCHEMAS}/ForbiddenError requires only code and message; our emulator adds id, as the 401/400/404 bodies carry`;

/** Why a 401's INVALID_TOKEN detail is only inferred. */
export const INVALID_TOKEN_DETAIL_REASON = `${OAS_SCHEMAS}/UnauthorizedError makes details optional (it requires code, id and message); the detail code is the reference's reading (§3.5), not a promise`;

/**
 * Statuses whose OAS error schema requires `id` (BadRequest, Unauthorized, NotFound, UnsupportedMediaType,
 * InternalServer).
 */
const ID_REQUIRED = new Set([400, 401, 404, 415, 500]);

/** How a P1Error answer is held: which of its details no vendor source backs. */
export interface P1ErrorOptions {
  /** Why the detail is expected although no source promises it (default: VALIDATION_DETAIL_REASON). */
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
  const schemaName = errorSchemaName(status);
  const checks: Check[] = [
    ...cited(codeSource(status, code), equals('/code', code, `code is ${code}`)),
    ID_REQUIRED.has(status)
      ? {
          ...idCheck,
          source: documented(
            `${OAS_SCHEMAS}/${schemaName}`,
            `required: - code - id - message title: ${schemaName.replace(/([a-z])([A-Z])/g, '$1 $2')}`,
          ),
        }
      : inferredCheck(idCheck, FORBIDDEN_ID_REASON),
  ];
  if (detail) {
    const where: Record<string, string> =
      detail.target === undefined
        ? { '/code': detail.code }
        : { '/code': detail.code, '/target': detail.target };
    const check = listContains('/details', where, `details list ${describeDetail(detail)}`);
    checks.push(inferredCheck(check, options.detailInferred ?? VALIDATION_DETAIL_REASON));
  }
  return {
    expect: {
      status,
      contentType: JSON_BODY,
      schema: 'pingone/p1-error',
      headers: CORRELATED,
      source: STATUS_SOURCES[status] ?? inferred(`no source lists ${status} for this call`),
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

/**
 * 401 for every bad or missing token (reference §3.4, §3.5): ACCESS_FAILED; the INVALID_TOKEN detail is
 * inferred.
 */
export const INVALID_TOKEN = p1Error(
  401,
  'ACCESS_FAILED',
  { code: 'INVALID_TOKEN' },
  { detailInferred: INVALID_TOKEN_DETAIL_REASON },
);

/** 403 for a role the actor lacks (reference §12): ACCESS_FAILED, detail INSUFFICIENT_PERMISSIONS. */
export const INSUFFICIENT_PERMISSIONS = p1Error(
  403,
  'ACCESS_FAILED',
  { code: 'INSUFFICIENT_PERMISSIONS' },
  { detailInferred: FORBIDDEN_DETAIL_REASON },
);

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
        'PingOne OpenAPI (pingone-go-client pingone/api/openapi.yaml) ' +
          '#/components/responses/http.403.Forbidden.P14C63085',
        "Forbidden - Note: This may occur if the environment doesn't exist.",
      ),
    },
  ],
};

/**
 * 400 for a body that breaks the request model: INVALID_DATA with the detail on the field (inferred with a
 * reason).
 */
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

/** Why a 415 for the wrong password media type is only inferred. */
export const PASSWORD_415_REASON =
  'PUT …/password lists no 415 in the community OAS (200, 400, 401, 403, 404, 409, 429, 500); the ' +
  'reference (§3.4) documents 415 INVALID_REQUEST for a media type a call does not accept';

/** 415 where the operation documents no 415 (device activation, password set): the status is inferred. */
export function unsupportedMediaType(reason: string): ProbeAnswer {
  return p1Error(415, 'INVALID_REQUEST', undefined, { statusInferred: reason, refusalDocumented: true });
}

/** The device activation's 415. */
export const UNSUPPORTED_MEDIA_TYPE_INFERRED = unsupportedMediaType(ACTIVATION_415_REASON);

/** Why a token error's status and `error` are only inferred. */
export const OAUTH_ERROR_REASON =
  "the reference gives no token error's exact status or error code (invalid_client 400 vs 401, the no-role refusal); our emulator answers this pair";

/**
 * An auth-server error (RFC 6749 §5.2 shape, schema `pingone/oauth-error`), not a P1Error. The
 * refusal is documented (the token request fails); its status and `error` are inferred.
 */
export function oauthError(status: number, error: string): ProbeAnswer {
  return {
    expect: {
      status,
      contentType: JSON_BODY,
      schema: 'pingone/oauth-error',
      headers: CORRELATED,
      source: documented(
        'https://datatracker.ietf.org/doc/html/rfc6749#section-5.2',
        'Token errors are *not* the P1Error shape.',
      ),
      inferred: { status: OAUTH_ERROR_REASON, refusalDocumented: true },
    },
    checks: [inferredCheck(equals('/error', error, `error is ${error}`), OAUTH_ERROR_REASON)],
    summary: `${status} OAuth error ${error}`,
  };
}

/** A path that exists nowhere: only the status is documented (a gateway may answer it). */
export const NO_SUCH_PATH: ProbeAnswer = {
  expect: {
    status: 404,
    source: documented(
      'https://developer.pingidentity.com/pingone-api/foundations/conventions/pingone-api-requests.html',
      '`/v1` is required on apiPath/orchestratePath and must be omitted from authPath/scimPath.',
    ),
    inferred: {
      status: 'the docs say /v1 is required, not what a path without it answers; our emulator answers 404',
      refusalDocumented: true,
    },
  },
  checks: [],
  summary: '404 (any body: nothing is served there)',
};

/** The call succeeds for an actor holding one of the roles the docs name. */
export function allowed(expect: ProbeAnswer['expect'], checks: readonly Check[] = []): ProbeAnswer {
  return { expect, checks, summary: `${expect.status}, as for the admin` };
}
