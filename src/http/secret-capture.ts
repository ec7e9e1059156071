import { registerSecret } from '../redact/secrets.ts';
import type { Middleware } from './types.ts';

/** Token-endpoint fields whose values are secrets, wherever the suite obtained them. */
const RESPONSE_JSON_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;
const REQUEST_FORM_FIELDS = ['client_secret', 'password', 'refresh_token', 'client_assertion'];

function isFormRequest(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );
}

/**
 * Registers the OAuth secrets an exchange carries (a token response's `access_token`,
 * `refresh_token` and `id_token`; a form body's `client_secret`, `password`, `refresh_token`,
 * `client_assertion`) before the recording piece, which sits outside it, copies the exchange.
 * Without it a freshly issued token would reach the recording unredacted.
 */
export const secretCapture: Middleware = async (request, next) => {
  if (request.body !== undefined && isFormRequest(request.headers)) {
    const form = new URLSearchParams(request.body);
    for (const field of REQUEST_FORM_FIELDS) registerSecret(form.get(field));
  }
  const response = await next(request);
  const json = response.json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    for (const field of RESPONSE_JSON_FIELDS) {
      const value = record[field];
      if (typeof value === 'string') registerSecret(value);
    }
  }
  return response;
};
