import { BEARER } from '../conventions.ts';
import type { RequestTemplate } from '../../../flow/step/step.ts';
import type { JsonTemplate } from '../../../flow/step/template.ts';

/** The Enable MFA page's example body, with a syntactically fine recovery code and secret. */
export const EXAMPLE_ENABLE_BODY = {
  recoveryCode: 'a1b2c3d4e5',
  mfaType: 'app',
  secret: 'JBSWY3DPEHPK3PXP',
} as const;

/** `POST {{identityPath}}/v1/users/{userId}/mfa/enable` with `json` as the body. */
export function enableRequest(json: JsonTemplate, userId = '{{userID}}'): RequestTemplate {
  return {
    method: 'POST',
    url: `{{identityPath}}/v1/users/${userId}/mfa/enable`,
    auth: BEARER,
    body: { json },
  };
}
