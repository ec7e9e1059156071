import { registerSecret } from '../redact/secrets.ts';
import type { Middleware } from './types.ts';

/**
 * Top-level JSON fields whose values are secrets wherever they appear: OAuth tokens, a TOTP
 * device's shared secret and otpauth URI, OTPs, passwords and recovery codes.
 */
const RESPONSE_JSON_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'secret',
  'keyUri',
  'mfaToken',
  'recoveryCodes',
  // Lerian's Auth plugin names its OAuth2Token fields in camelCase.
  'accessToken',
  'refreshToken',
  'idToken',
  'clientSecret',
];
const REQUEST_JSON_FIELDS = [
  'otp',
  'password',
  'passcode',
  'secret',
  'recoveryCode',
  'client_secret',
  'clientSecret',
  'refreshToken',
  'mfaToken',
];
const REQUEST_FORM_FIELDS = ['client_secret', 'password', 'refresh_token', 'client_assertion'];
/** The password-set action sends the new password as `value`. */
const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';

function contentType(headers: Record<string, string>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type');
  return (entry?.[1] ?? '').toLowerCase();
}

function registerFields(json: unknown, fields: readonly string[]): void {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return;
  const record = json as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string') registerSecret(value);
    if (Array.isArray(value)) value.forEach((item) => typeof item === 'string' && registerSecret(item));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Registers the secrets an exchange carries before the recording piece, which sits outside it,
 * copies the exchange, and before any failure evidence can quote a body: form and JSON request
 * fields (client secrets, passwords, OTPs) and JSON response fields (tokens, TOTP secrets).
 */
export const secretCapture: Middleware = async (request, next) => {
  const type = contentType(request.headers);
  if (request.body !== undefined && type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(request.body);
    for (const field of REQUEST_FORM_FIELDS) registerSecret(form.get(field));
  } else if (request.body !== undefined && type.includes('json')) {
    const json = parseJson(request.body);
    registerFields(
      json,
      type.startsWith(PASSWORD_SET) ? [...REQUEST_JSON_FIELDS, 'value'] : REQUEST_JSON_FIELDS,
    );
  }
  const response = await next(request);
  registerFields(response.json, RESPONSE_JSON_FIELDS);
  return response;
};
