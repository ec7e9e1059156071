import type { Source } from '../../flow/step/source.ts';
import type { AuthTemplate, Expectation } from '../../flow/step/step.ts';

/** Every management call: `Authorization: Bearer {{accessToken}}`. */
export const BEARER: AuthTemplate = { type: 'bearer', token: '{{accessToken}}' };

/** Management API bodies are HAL JSON (`application/hal+json` or `application/json`). */
export const JSON_BODY = /^application\/(hal\+)?json\b/i;

/** Every PingOne response carries a Correlation-Id (the docs' response conventions). */
export const CORRELATED: Expectation['headers'] = { 'correlation-id': /\S/ };

/** Postman template's docs root for the getting-started task these steps replay. */
export const GETTING_STARTED =
  'https://developer.pingidentity.com/pingone-api/getting-started/create-a-test-environment';

/** Role names as the docs' troubleshooting bullets give them, for 403 hints. */
export const ROLES = {
  organizationAdmin: 'Organization Admin',
  environmentAdmin: 'Environment Admin',
  identityDataAdmin: 'Identity Data Admin',
} as const;

/** Expectation for a JSON resource answer, with the source of its status and schema. */
export function jsonResource(status: number, schema: string, source: Source): Expectation {
  return { status, contentType: JSON_BODY, schema, headers: CORRELATED, source };
}
