import { equals, matches } from '../../flow/step/checks.ts';
import type { Check } from '../../flow/step/checks.ts';
import { inferred, type Source } from '../../flow/step/source.ts';
import type { AlternativeAnswer, AuthTemplate, Expectation } from '../../flow/step/step.ts';

/** Every Identity call and `/v1/userinfo`: `Authorization: Bearer {{accessToken}}`. */
export const BEARER: AuthTemplate = { type: 'bearer', token: '{{accessToken}}' };

/** The Access Manager answers JSON as `application/json`. */
export const JSON_BODY = /^application\/json\b/i;

/** Lerian's Access Manager API reference: `${DOCS}/enable-mfa`. */
export const DOCS = 'https://docs.lerian.studio/en/reference/access-manager';

/** The header the idflow emulator honours to answer a server-side error on demand. */
export const FORCE_ERROR_HEADER = 'x-idflow-force-error';

/** Expectation for a JSON answer validated against `lerian-identity/<schema>`, with its source. */
export function jsonAnswer(status: number, schema: string, source: Source): Expectation {
  return { status, contentType: JSON_BODY, schema: `lerian-identity/${schema}`, source };
}

/** Expectation for an ErrorMessage `{code, title, message}` with this status. */
export function errorAnswer(status: number, source: Source): Expectation {
  return jsonAnswer(status, 'error-message', source);
}

/** The exact documented error code. */
export function errorCode(code: string): Check {
  return equals('/code', code, `code is ${code}`);
}

/** An error of the service's family whose number the public docs do not give. */
export function errorFamily(prefix: 'IDE' | 'AUT'): Check {
  return matches('/code', new RegExp(`^${prefix}-\\d{4}$`), `code is an ${prefix}-NNNN code`);
}

/**
 * A 401 from the auth middleware Lerian's plugins sit behind, which answers plain text
 * (`Missing Token`, `Unauthorized`) rather than an ErrorMessage: as valid as IDE-0008/0009.
 */
export const PLAIN_TEXT_UNAUTHORIZED: AlternativeAnswer = {
  expect: { status: 401, contentType: /^text\/plain\b/i },
  summary: '401 as plain text (the auth middleware)',
  source: inferred(
    "a 401 as plain text (Missing Token / Unauthorized) from the auth middleware is the issue review's reading of lib-auth (auth/middleware/middleware.go); the reference does not quote it",
  ),
};
