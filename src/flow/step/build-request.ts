import { registerBasicCredentials } from '../../redact/secrets.ts';
import {
  renderString,
  renderUrl,
  renderValue,
  variablesIn,
  variablesInValue,
  type VariableLookup,
} from './template.ts';
import type { HttpRequest } from '../../http/types.ts';
import type { RequestTemplate } from './step.ts';

/** Every run variable a request template needs. */
export function requestInputs(template: RequestTemplate): string[] {
  const names = new Set<string>(variablesIn(template.url));
  const auth = template.auth;
  if (auth.type === 'bearer') variablesIn(auth.token).forEach((name) => names.add(name));
  if (auth.type === 'basic')
    [...variablesIn(auth.username), ...variablesIn(auth.password)].forEach((name) => names.add(name));
  for (const value of Object.values(template.headers ?? {}))
    variablesIn(value).forEach((name) => names.add(name));
  const body = template.body;
  if (body && 'json' in body) variablesInValue(body.json).forEach((name) => names.add(name));
  if (body && 'form' in body)
    Object.values(body.form).forEach((value) => variablesIn(value).forEach((name) => names.add(name)));
  return [...names];
}

/** Renders a request template into a concrete request. */
export function buildRequest(template: RequestTemplate, lookup: VariableLookup): HttpRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  const auth = template.auth;
  if (auth.type === 'bearer') headers.authorization = `Bearer ${renderString(auth.token, lookup)}`;
  if (auth.type === 'basic') {
    const username = renderString(auth.username, lookup);
    const password = renderString(auth.password, lookup);
    registerBasicCredentials(username, password);
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  let body: string | undefined;
  if (template.body && 'json' in template.body) {
    headers['content-type'] = template.body.contentType ?? 'application/json';
    body = JSON.stringify(renderValue(template.body.json, lookup));
  } else if (template.body && 'form' in template.body) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(template.body.form)) form.set(key, renderString(value, lookup));
    body = form.toString();
  }
  for (const [name, value] of Object.entries(template.headers ?? {}))
    headers[name.toLowerCase()] = renderString(value, lookup);
  return {
    method: template.method,
    url: renderUrl(template.url, lookup),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}
