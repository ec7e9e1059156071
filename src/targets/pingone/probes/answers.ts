import { equals, listContains } from '../../../flow/checks.ts';
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

/**
 * A management API error (reference §3.4): the status, a P1Error body (schema `pingone/p1-error`),
 * its top-level `code`, and the detail with `code`/`target` when the reference gives one.
 */
export function p1Error(status: number, code: string, detail?: DetailExpectation): ProbeAnswer {
  const checks: Check[] = [equals('/code', code, `code is ${code}`)];
  if (detail) {
    const where: Record<string, string> = detail.target === undefined ? { '/code': detail.code } : { '/code': detail.code, '/target': detail.target };
    checks.push(listContains('/details', where, `details list ${describeDetail(detail)}`));
  }
  return {
    expect: { status, contentType: JSON_BODY, schema: 'pingone/p1-error', headers: CORRELATED },
    checks,
    summary: `${status} ${code}${detail ? `, detail ${describeDetail(detail)}` : ''}`,
  };
}

/** 401 for every bad or missing token (reference §3.4, §3.5): ACCESS_FAILED, detail INVALID_TOKEN. */
export const INVALID_TOKEN = p1Error(401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });

/** 403 for a role the actor lacks (reference §12): ACCESS_FAILED, detail INSUFFICIENT_PERMISSIONS. */
export const INSUFFICIENT_PERMISSIONS = p1Error(403, 'ACCESS_FAILED', { code: 'INSUFFICIENT_PERMISSIONS' });

/** 404 for an id that does not exist (reference §3.4). */
export const NOT_FOUND = p1Error(404, 'NOT_FOUND');

/** 400 for a body that breaks the request model: INVALID_DATA with the detail on the field. */
export function invalidData(detailCode: string, target: string): ProbeAnswer {
  return p1Error(400, 'INVALID_DATA', { code: detailCode, target });
}

/** 415 for a media type the call does not accept (reference §3.4: INVALID_REQUEST). */
export const UNSUPPORTED_MEDIA_TYPE = p1Error(415, 'INVALID_REQUEST');

/** An auth-server error (RFC 6749 §5.2 shape, schema `pingone/oauth-error`), not a P1Error. */
export function oauthError(status: number, error: string): ProbeAnswer {
  return {
    expect: { status, contentType: JSON_BODY, schema: 'pingone/oauth-error', headers: CORRELATED },
    checks: [equals('/error', error, `error is ${error}`)],
    summary: `${status} OAuth error ${error}`,
  };
}

/** A path that exists nowhere: only the status is documented (a gateway may answer it). */
export const NO_SUCH_PATH: ProbeAnswer = { expect: { status: 404 }, checks: [], summary: '404 (any body: nothing is served there)' };

/** The call succeeds for an actor holding one of the roles the docs name. */
export function allowed(expect: ProbeAnswer['expect'], checks: readonly Check[] = []): ProbeAnswer {
  return { expect, checks, summary: `${expect.status}, as for the admin` };
}
