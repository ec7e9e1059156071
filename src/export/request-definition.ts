import type { AuthTemplate, RequestTemplate } from '../flow/step/step.ts';

/** A request in Postman's collection format (v2.1), as postman-collection's `Request` reads it. */
export interface PostmanRequest {
  readonly method: string;
  readonly url: string;
  readonly header: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly auth: PostmanAuth;
  readonly body?:
    | { readonly mode: 'raw'; readonly raw: string; readonly options: { raw: { language: 'json' } } }
    | {
        readonly mode: 'urlencoded';
        readonly urlencoded: ReadonlyArray<{ readonly key: string; readonly value: string }>;
      };
}

type PostmanAuth =
  | { readonly type: 'noauth' }
  | { readonly type: 'bearer'; readonly bearer: ReadonlyArray<AuthParameter> }
  | { readonly type: 'basic'; readonly basic: ReadonlyArray<AuthParameter> };

interface AuthParameter {
  readonly key: string;
  readonly value: string;
  readonly type: 'string';
}

function authOf(auth: AuthTemplate): PostmanAuth {
  const parameter = (key: string, value: string): AuthParameter => ({ key, value, type: 'string' });
  switch (auth.type) {
    case 'bearer':
      return { type: 'bearer', bearer: [parameter('token', auth.token)] };
    case 'basic':
      return {
        type: 'basic',
        basic: [parameter('username', auth.username), parameter('password', auth.password)],
      };
    case 'none':
      return { type: 'noauth' };
  }
}

/**
 * The request as idflow sends it (`Accept: application/json`, the body's media type, the
 * template's own headers), its `{{variables}}` left for Postman to fill: the syntax is the same.
 */
export function postmanRequest(template: RequestTemplate): PostmanRequest {
  const headers = new Map<string, { key: string; value: string }>([
    ['accept', { key: 'Accept', value: 'application/json' }],
  ]);
  const body = template.body;
  if (body && 'json' in body)
    headers.set('content-type', { key: 'Content-Type', value: body.contentType ?? 'application/json' });
  if (body && 'form' in body)
    headers.set('content-type', { key: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  for (const [key, value] of Object.entries(template.headers ?? {}))
    headers.set(key.toLowerCase(), { key, value });
  return {
    method: template.method,
    url: template.url,
    header: [...headers.values()],
    auth: authOf(template.auth),
    ...(body && 'json' in body
      ? {
          body: {
            mode: 'raw',
            raw: JSON.stringify(body.json, null, 2),
            options: { raw: { language: 'json' } },
          },
        }
      : {}),
    ...(body && 'form' in body
      ? {
          body: {
            mode: 'urlencoded',
            urlencoded: Object.entries(body.form).map(([key, value]) => ({ key, value })),
          },
        }
      : {}),
  };
}
