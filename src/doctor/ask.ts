import { TransportError } from '../http/transport-error.ts';
import { quoteUntrusted } from '../flow/step/id-format.ts';
import { redact } from '../redact/secrets.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/types.ts';

/** An answer, or why there was none: `unreachable` (DNS, refused, TLS) or another transport failure. */
export type Asked =
  | { readonly kind: 'answer'; readonly response: HttpResponse }
  | { readonly kind: 'unreachable' | 'no answer'; readonly error: TransportError };

/**
 * Sends one preflight request. A host that cannot be reached or whose TLS fails is the
 * `unreachable` case (exit 3); a timeout or a cut-off answer is `no answer`, which the tenant
 * owes (exit 1). Anything else that throws is a bug of idflow and propagates.
 */
export async function ask(client: HttpClient, request: HttpRequest): Promise<Asked> {
  try {
    return { kind: 'answer', response: await client.send(request) };
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    const unreachable =
      error.fault === 'unreachable' ||
      error.code === 'TLS_FAILED' ||
      (error.code === 'CONNECTION_FAILED' && error.fault === 'config');
    return { kind: unreachable ? 'unreachable' : 'no answer', error };
  }
}

/**
 * The fix of an `unreachable` finding: `urlFix` (the target's URL variables), led by the TLS
 * options when the handshake failed, whose message names the cause.
 */
export function unreachableFix(error: TransportError, urlFix: string): string {
  if (error.code !== 'TLS_FAILED') return urlFix;
  return (
    `as the message says: trust the host's CA with --ca FILE (or NODE_EXTRA_CA_CERTS), present a ` +
    `client certificate with --cert FILE --key FILE, or ${urlFix}`
  );
}

/** `{ noAnswer: true }` for a finding about a request that got no answer, else nothing. */
export function unanswered(asked: Asked): { noAnswer?: true } {
  return asked.kind === 'answer' ? {} : { noAnswer: true };
}

/** A JSON object body as a record, else undefined. */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * A value the tenant sent, as a finding may quote it: redacted first, then quoted and cut, since a
 * cut secret no longer matches the redactor (a tenant echoing the bearer token in an error body).
 */
export function quoteAnswer(value: unknown): string {
  return quoteUntrusted(redact(typeof value === 'string' ? value : String(JSON.stringify(value))));
}

/**
 * Why an answer that should be JSON is not, naming the variable that probably points elsewhere
 * (a web page, a proxy, another service): a configuration to fix, not a tenant's break of its
 * docs. Undefined when the body is JSON or empty.
 */
export function notJsonAnswer(response: HttpResponse, urlVariable: string): string | undefined {
  if (response.json !== undefined || response.bodyText.trim() === '') return undefined;
  return (
    `Not JSON: the answer is ${response.headers['content-type'] ?? 'untyped'} where the docs ` +
    `promise JSON, so ${urlVariable} probably names something other than the API (a web page, a ` +
    `proxy or another service)`
  );
}
