import { toCurl } from '../../http/curl.ts';
import { retriesOf } from '../../http/retry.ts';
import { redact } from '../../redact/secrets.ts';
import type { HttpRequest, HttpResponse, RetryRecord } from '../../http/types.ts';

/** At most this much of a response body is shown, so a failure stays readable. */
export const EVIDENCE_BODY_LIMIT = 1024;

/** What a failure shows about the exchange: redacted, truncated, vendor error fields first. */
export interface Evidence {
  readonly request: string;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly details?: string;
  readonly correlationId?: string;
  readonly body?: string;
  /** Every attempt the client repeated, e.g. `429 after 1000 ms (Retry-After)`. */
  readonly retried?: string;
  /** Why the client stopped retrying something it would otherwise retry. */
  readonly retryStopped?: string;
  readonly curl: string;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function truncate(text: string): string {
  return text.length > EVIDENCE_BODY_LIMIT
    ? `${text.slice(0, EVIDENCE_BODY_LIMIT)}… (${text.length} bytes in all)`
    : text;
}

/** `429 after 1000 ms (Retry-After), then 503 after 262 ms (back-off)`, or undefined for none. */
export function describeRetries(record: RetryRecord | undefined): string | undefined {
  if (!record || record.attempts.length === 0) return undefined;
  return record.attempts
    .map((attempt) => `${attempt.outcome} after ${attempt.waitedMs} ms (${attempt.basis})`)
    .join(', then ');
}

/** Collects the evidence of one exchange, redacted, with the retries the client made for it. */
export function collectEvidence(request: HttpRequest, response?: HttpResponse): Evidence {
  const url = new URL(request.url);
  const evidence: { -readonly [K in keyof Evidence]: Evidence[K] } = {
    request: redact(`${request.method} ${url.origin}${url.pathname}${url.search}`),
    curl: toCurl(request),
  };
  const retries = response?.retries ?? retriesOf(request);
  const retried = describeRetries(retries);
  if (retried) evidence.retried = retried;
  if (retries?.stopped) evidence.retryStopped = redact(retries.stopped);
  if (!response) return evidence;
  evidence.status = response.status;
  const body = response.json;
  const code = field(body, 'code') ?? field(body, 'error');
  const message = field(body, 'message') ?? field(body, 'error_description');
  if (typeof code === 'string') evidence.vendorCode = redact(code);
  if (typeof message === 'string') evidence.vendorMessage = redact(message);
  const details = field(body, 'details');
  if (Array.isArray(details) && details.length > 0)
    evidence.details = truncate(redact(JSON.stringify(details)));
  const correlationId = response.headers['correlation-id'];
  // A tenant's value: one echoing the Authorization header back here must not print the credential.
  if (correlationId) evidence.correlationId = redact(correlationId);
  if (response.bodyText) evidence.body = truncate(redact(response.bodyText));
  return evidence;
}

/** Multi-line text of the evidence, for an error message. */
export function formatEvidence(evidence: Evidence): string {
  const lines = [`  request: ${evidence.request}`];
  if (evidence.status !== undefined) lines.push(`  status: ${evidence.status}`);
  if (evidence.vendorCode) lines.push(`  vendor code: ${evidence.vendorCode}`);
  if (evidence.vendorMessage) lines.push(`  vendor message: ${evidence.vendorMessage}`);
  if (evidence.details) lines.push(`  details: ${evidence.details}`);
  if (evidence.correlationId) lines.push(`  Correlation-Id: ${evidence.correlationId}`);
  if (evidence.body) lines.push(`  body: ${evidence.body}`);
  if (evidence.retried) lines.push(`  retried: ${evidence.retried}`);
  if (evidence.retryStopped) lines.push(`  stopped retrying: ${evidence.retryStopped}`);
  lines.push(`  reproduce: ${evidence.curl}`);
  return lines.join('\n');
}
