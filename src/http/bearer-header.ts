import type { HttpRequest } from './types.ts';

function authorizationName(headers: Readonly<Record<string, string>>): string | undefined {
  return Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
}

/** The token of a request's `Authorization: Bearer <token>` header, or undefined for any other. */
export function bearerOf(request: HttpRequest): string | undefined {
  const name = authorizationName(request.headers);
  const value = name === undefined ? undefined : request.headers[name];
  const match = value === undefined ? null : /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/** A copy of `request` that carries `token` as its bearer token; the original is left as it was. */
export function withBearer(request: HttpRequest, token: string): HttpRequest {
  const headers = { ...request.headers };
  const name = authorizationName(headers);
  if (name !== undefined) delete headers[name];
  return { ...request, headers: { ...headers, authorization: `Bearer ${token}` } };
}
