import { registerSecret } from '../redact/secrets.ts';
import type { Middleware } from './types.ts';

/**
 * Fields a target adds to the defaults below (never replaces them): the defaults keep every
 * client safe, a target names what only its vendor sends.
 */
export interface SecretFields {
  /** Top-level JSON request fields that hold a secret when the body has this media type (prefix). */
  readonly requestJsonByMediaType?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Top-level JSON fields whose values are secrets wherever they appear: OAuth tokens (in OAuth's
 * snake_case and the camelCase some APIs use), a TOTP device's shared secret and otpauth URI,
 * OTPs, passwords and recovery codes.
 */
const RESPONSE_JSON_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'secret',
  'keyUri',
  'mfaToken',
  'recoveryCodes',
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

/** The JSON request fields that hold secrets in a body of media type `type`. */
function requestJsonFields(type: string, extra: SecretFields): readonly string[] {
  const byType = Object.entries(extra.requestJsonByMediaType ?? {})
    .filter(([mediaType]) => type.startsWith(mediaType.toLowerCase()))
    .flatMap(([, fields]) => fields);
  return [...REQUEST_JSON_FIELDS, ...byType];
}

/**
 * Registers the secrets an exchange carries before the recording piece, which sits outside it,
 * copies the exchange, and before any failure evidence can quote a body: form and JSON request
 * fields (client secrets, passwords, OTPs) and JSON response fields (tokens, TOTP secrets), plus
 * the target's `extra` fields.
 */
export function secretCapture(extra: SecretFields = {}): Middleware {
  return async function capturingSecrets(request, next) {
    const type = contentType(request.headers);
    if (request.body !== undefined && type.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(request.body);
      for (const field of REQUEST_FORM_FIELDS) registerSecret(form.get(field));
    } else if (request.body !== undefined && type.includes('json')) {
      registerFields(parseJson(request.body), requestJsonFields(type, extra));
    }
    const response = await next(request);
    registerFields(response.json, RESPONSE_JSON_FIELDS);
    return response;
  };
}
