import { ask, type Asked, quoteAnswer } from '../../../doctor/ask.ts';
import type { PingOneConfig } from '../config.ts';
import type { HttpClient } from '../../../http/types.ts';

/** What every PingOne preflight check needs: the configuration and one client. */
export interface PingOneDoctorContext {
  readonly config: PingOneConfig;
  readonly client: HttpClient;
}

/** `GET {apiPath}{path}` with the admin token; `path` is built from validated ids only. */
export function getJson(context: PingOneDoctorContext, token: string, path: string): Promise<Asked> {
  return ask(context.client, {
    method: 'GET',
    url: `${context.config.apiUrl}${path}`,
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
}

/**
 * `METHOD path answered STATUS ("CODE")`, for findings; a body without a code is quoted, cut at 80
 * characters.
 */
export function answered(method: string, path: string, asked: Asked): string {
  if (asked.kind !== 'answer') return `${method} ${path} got no answer: ${asked.error.message}`;
  const { status, json, bodyText } = asked.response;
  const body = json as { code?: unknown; message?: unknown; error?: unknown } | undefined;
  const code =
    typeof body?.code === 'string' ? body.code : typeof body?.error === 'string' ? body.error : undefined;
  const detail = code === undefined ? (bodyText ? quoteAnswer(bodyText) : '') : quoteAnswer(code);
  return `${method} ${path} answered ${status}${detail ? ` (${detail})` : ''}`;
}
