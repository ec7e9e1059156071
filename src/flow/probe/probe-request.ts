import type { AuthTemplate, BodyTemplate, RequestTemplate } from '../step/step.ts';
import { mapTemplate, type JsonTemplate } from '../step/template.ts';

/** Turns a positive request into the one a probe sends. Composable: `[withoutAuth(), …]`. */
export type RequestChange = (request: RequestTemplate) => RequestTemplate;

const placeholder = (name: string): RegExp =>
  new RegExp(`\\{\\{\\s*${name.replace(/[.$]/g, '\\$&')}\\s*\\}\\}`, 'g');

/** The template with `map` applied to every string in it, keys included. */
function mapJson(node: JsonTemplate, map: (text: string) => string): JsonTemplate {
  return mapTemplate(node, map, map) as JsonTemplate;
}

function mapAuth(auth: AuthTemplate, map: (text: string) => string): AuthTemplate {
  if (auth.type === 'bearer') return { type: 'bearer', token: map(auth.token) };
  if (auth.type === 'basic')
    return { type: 'basic', username: map(auth.username), password: map(auth.password) };
  return auth;
}

function mapBody(body: BodyTemplate, map: (text: string) => string): BodyTemplate {
  if ('form' in body)
    return { form: Object.fromEntries(Object.entries(body.form).map(([key, value]) => [key, map(value)])) };
  return { ...body, json: mapJson(body.json, map) };
}

/** Applies `map` to every template string of a request: URL, auth, headers and body. */
function mapStrings(request: RequestTemplate, map: (text: string) => string): RequestTemplate {
  return {
    ...request,
    url: map(request.url),
    auth: mapAuth(request.auth, map),
    ...(request.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([key, value]) => [key, map(value)]),
          ),
        }
      : {}),
    ...(request.body ? { body: mapBody(request.body, map) } : {}),
  };
}

/** `{{name}}` becomes a literal everywhere in the request: an unknown id, for example. */
export function replaceVariable(name: string, literal: string): RequestChange {
  return (request) => mapStrings(request, (text) => text.replace(placeholder(name), literal));
}

/** `{{name}}` becomes `{{other}}` everywhere: another actor's token, a rewritten apiPath. */
export function renameVariable(name: string, other: string): RequestChange {
  return (request) => mapStrings(request, (text) => text.replace(placeholder(name), `{{${other}}}`));
}

/** Sends the request with other credentials, or none. */
export function withAuth(auth: AuthTemplate): RequestChange {
  return (request) => ({ ...request, auth });
}

/** Sends the same JSON body under another media type. */
export function withContentType(contentType: string): RequestChange {
  return (request) => {
    if (!request.body || !('json' in request.body)) throw new Error('withContentType needs a JSON body');
    return { ...request, body: { json: request.body.json, contentType } };
  };
}

/** Sends another JSON body, keeping the media type. */
export function withJsonBody(json: JsonTemplate): RequestChange {
  return (request) => {
    const contentType = request.body && 'json' in request.body ? request.body.contentType : undefined;
    return { ...request, body: contentType === undefined ? { json } : { json, contentType } };
  };
}

/** Sends the request to another URL template. */
export function withUrl(url: string): RequestChange {
  return (request) => ({ ...request, url });
}

/** Applies changes left to right. */
export function changeRequest(request: RequestTemplate, changes: readonly RequestChange[]): RequestTemplate {
  return changes.reduce((current, change) => change(current), request);
}
