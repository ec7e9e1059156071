import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import type { SecretSet } from './secret-scan.ts';

function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The credential part of an Authorization value (`Basic <b64>` → `<b64>`). */
function credentialOf(authorization: string): string {
  return authorization.replace(/^\S+\s+/, '');
}

/**
 * A hostile tenant: every response carries the request's `Authorization` value back, in the
 * places a failure report quotes and in the transformed forms a server might use: as is in
 * `Correlation-Id`, URL-encoded in `WWW-Authenticate`, and, in a JSON object body, as is, JSON
 * in a string, base64url of the credential and, for an error (4xx/5xx), inside its `message`.
 * Benign in the sense that a conforming client tolerates it: nothing it checks changes.
 */
export function echoAuthorization(): EmulatorFault {
  return {
    name: 'echo-authorization',
    description: 'copies the Authorization header of every request into the response',
    harmful: false,
    intercept: async (request, next) => {
      const response = await next();
      const authorization = request.headers.authorization;
      if (authorization === undefined) return response;
      const credential = credentialOf(authorization);
      response.headers = {
        ...response.headers,
        'correlation-id': authorization,
        'www-authenticate': `Bearer realm="echo", error_description="${encodeURIComponent(authorization)}"`,
      };
      const body = jsonObject(response.body);
      if (body !== undefined) {
        const echoed: Record<string, unknown> = {
          ...body,
          requestAuthorization: authorization,
          requestAuthorizationJson: JSON.stringify({ authorization }),
          credentialBase64Url: Buffer.from(credential).toString('base64url'),
        };
        if (response.status >= 400 && typeof body.message === 'string')
          echoed.message = `${body.message} (request sent ${authorization})`;
        response.body = echoed;
      }
      return response;
    },
  };
}

/** Request fields that hold a secret (passwords, OTPs, passcodes, client secrets) in either target. */
const REQUEST_FIELDS = [
  'value',
  'otp',
  'password',
  'passcode',
  'recoveryCode',
  'clientSecret',
  'refreshToken',
  'mfaToken',
  'secret',
];
/** Response fields either target issues secrets in. */
const RESPONSE_FIELDS = [
  'secret',
  'keyUri',
  'access_token',
  'accessToken',
  'refreshToken',
  'idToken',
  'mfaToken',
  'url',
];

/**
 * Not a defect: remembers every secret crossing the emulator, for the leak scan. Requests a
 * successful answer accepted only: a probe's made-up password is no secret. Put it innermost,
 * so it sees what the server really issued.
 */
export function secretTap(secrets: SecretSet): EmulatorFault {
  return {
    name: 'secret-tap',
    description: 'records passwords, OTPs, tokens and TOTP secrets for the leak scan',
    harmful: false,
    intercept: async (request, next) => {
      let sent: Record<string, unknown> | undefined;
      try {
        sent = jsonObject(JSON.parse(request.rawBody.toString()));
      } catch {
        sent = undefined;
      }
      const response = await next();
      const answer = jsonObject(response.body);
      if (sent && response.status < 300 && answer?.verified !== false) {
        for (const field of REQUEST_FIELDS) secrets.add(`request ${field}`, sent[field]);
      }
      for (const field of RESPONSE_FIELDS) secrets.add(`response ${field}`, answer?.[field]);
      secrets.addAll('response recoveryCodes', answer?.recoveryCodes);
      return response;
    },
  };
}
