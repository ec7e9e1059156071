import type { TransportError } from '../../http/transport-error.ts';
import type { HttpResponse } from '../../http/types.ts';
import { variablesIn } from './template.ts';
import type { StepDefinition } from './step.ts';
import type { TokenRetry } from './run-tokens.ts';

/** What a failed exchange offers for a hint: the response, or why there was none. */
export interface HintInput {
  readonly response?: HttpResponse;
  readonly transport?: TransportError;
  /** What the token keeper did about the request; undefined when the run has no keeper. */
  readonly tokenRetry?: TokenRetry;
  /** The step that set a run variable (`envID` → `03-create-environment`), or `config`/`data`. */
  readonly origin?: (name: string) => string | undefined;
  /** The configuration variable a run variable came from (`apiPath` → the target's URL setting). */
  readonly source?: (name: string) => string | undefined;
  /** The target's words for its API; default {@link GENERIC_HINTS}. */
  readonly vocabulary?: HintVocabulary;
}

/** What a target calls things in its hints: each target's session passes its own. */
export interface HintVocabulary {
  /** Collection names in request paths, and what one item of them is called (`users` → `user`). */
  readonly resources: Readonly<Record<string, string>>;
  /** How long the target's tokens live, in words (`tokens live one hour`); empty when unknown. */
  readonly tokenLifetime: string;
  /** How the target's 401 says the token itself was refused (`detail INVALID_TOKEN`). */
  readonly tokenRefusal: string;
  /** The 403 hint after `missing role: `, given the roles the step needs in words. */
  missingRole(roles: string): string;
}

/** The words of a target that gives none: nothing a vendor alone says. */
export const GENERIC_HINTS: HintVocabulary = {
  resources: {},
  tokenLifetime: '',
  tokenRefusal: "the target's token-refusal code",
  missingRole: (roles) =>
    `the client lacks ${roles} (the token is valid but not allowed this call); assign the role.`,
};

/** `apiPath (ACME_API_URL)`: a variable with the setting a user edits, when known. */
function withSource(name: string, source: HintInput['source']): string {
  const setting = source?.(name);
  return setting ? `${name} (${setting})` : name;
}

/** The configured base URL variables a step's URL starts with, named with their settings. */
function basePaths(step: StepDefinition, input: HintInput): string {
  const configured = variablesIn(step.request.url).filter((name) => input.source?.(name) !== undefined);
  const [first] = variablesIn(step.request.url);
  const names = configured.length > 0 ? configured.slice(0, 1) : first ? [first] : [];
  return names.length > 0 ? names.map((name) => withSource(name, input.source)).join(', ') : 'the base URL';
}

/** The configured values a step authenticates with (client id, secret, environment), named. */
function credentials(step: StepDefinition, input: HintInput): string {
  const auth = step.request.auth;
  const names = [
    ...(auth.type === 'basic' ? [...variablesIn(auth.username), ...variablesIn(auth.password)] : []),
    ...variablesIn(step.request.url),
  ].filter((name) => input.source?.(name) !== undefined);
  return names.length > 0
    ? names.map((name) => withSource(name, input.source)).join(', ')
    : 'the configured client credentials';
}

/** `/users/{{sharedUserID}}` pairs of a URL template, outermost first. */
function addressedIds(
  url: string,
  resources: HintVocabulary['resources'],
): Array<{ resource: string; variable: string }> {
  return [...url.matchAll(/\/([A-Za-z]+)\/\{\{\s*([\w.$-]+)\s*\}\}/g)].map((match) => ({
    resource: resources[match[1] as string] ?? (match[1] as string),
    variable: match[2] as string,
  }));
}

function describeOrigin(variable: string, origin: HintInput['origin']): string {
  const from = origin?.(variable);
  if (from === undefined || from === 'data') return `${variable}`;
  return from === 'config' ? `${variable} (configured)` : `${variable} (from ${from})`;
}

function notFound(step: StepDefinition, input: HintInput): string {
  const origin = input.origin;
  const ids = addressedIds(step.request.url, (input.vocabulary ?? GENERIC_HINTS).resources);
  const target = ids.at(-1);
  if (!target) {
    const named = variablesIn(step.request.url).filter((name) => name !== 'apiPath' && name !== 'authPath');
    const ids =
      named.length > 0
        ? `${named.map((name) => describeOrigin(name, origin)).join(', ')} is not right for this tenant, or `
        : '';
    return (
      `404 Not Found: ${ids}the path does not exist on this host; check that ` +
      `${basePaths(step, input)} points at your tenant (and its region).`
    );
  }
  const source = describeOrigin(target.variable, origin);
  const from = origin?.(target.variable);
  const created =
    from !== undefined && from !== 'config' && from !== 'data'
      ? `the ${target.resource} created in step ${from}`
      : `a ${target.resource} of this run`;
  const parents = ids.slice(0, -1).map((id) => describeOrigin(id.variable, origin));
  const within = parents.length > 0 ? ` under ${parents.join(', ')}` : '';
  return (
    `404 Not Found on the ${target.resource}: ${source} is not ${created}${within} (wrong id, ` +
    `already deleted, or ${basePaths(step, input)} points at another tenant or region).`
  );
}

function unauthorized(retry: TokenRetry | undefined, words: HintVocabulary): string {
  const lifetime = words.tokenLifetime ? ` (${words.tokenLifetime})` : '';
  const base = `401 Unauthorized: the access token is expired or invalid${lifetime}; step 01 gets a new one.`;
  switch (retry) {
    case 'replayed':
      return (
        `${base} The token keeper already got a new token from step 01 and replayed this request ` +
        `once; it was rejected again, so age is not the cause: check that the client is enabled and ` +
        `that the token step issues tokens for this API.`
      );
    case 'refresh-failed':
      return (
        `${base} The token keeper tried to get a new token from step 01 and could not: see step ` +
        `01's failure for its credentials.`
      );
    case 'foreign-token':
      return `${base} The keeper did not retry: this request carried a token other than the run's own.`;
    case 'not-retried':
      return (
        `${base} The keeper did not retry: the 401 did not say the token itself was refused ` +
        `(${words.tokenRefusal}).`
      );
    default:
      return base;
  }
}

function noResponse(step: StepDefinition, input: HintInput): string {
  const transport = input.transport;
  if (transport?.code === 'TIMEOUT') {
    const waited = /after (\d+) ms/.exec(transport.message)?.[1];
    return `Timeout: the server accepted the connection but did not answer within ${waited ? `${waited} ms` : 'the client timeout'}; the tenant (or a proxy) is slow or stuck, not misaddressed. Retry, or raise the timeout if this host is known to be slow.`;
  }
  if (transport?.code === 'RUN_DEADLINE')
    return (
      'The run used up the time idflow run --deadline gives it: the tenant (or a proxy) is slow or ' +
      'stuck, or a long Retry-After stretched the run. Raise --deadline if this tenant is known to ' +
      'be this slow.'
    );
  if (transport?.code === 'BODY_TOO_LARGE')
    return (
      'The response body was larger than the client reads; the endpoint answered with far more than ' +
      'the docs describe.'
    );
  return (
    `No response: check that ${basePaths(step, input)} points at your tenant (and its region), and ` +
    `that the host is reachable from here.`
  );
}

/**
 * Maps a failed exchange to the documented troubleshooting condition it matches, so a red
 * nightly run says which condition it is before anyone reads the evidence. Every hint ends with
 * the step's docs link. A response with the expected status gets no status hint.
 */
export function hintFor(step: StepDefinition, input: HintInput): string | undefined {
  const docs = step.docs ? ` See ${step.docs}` : '';
  const { response } = input;
  const words = input.vocabulary ?? GENERIC_HINTS;
  if (!response) return `${noResponse(step, input)}${docs}`;
  if (step.expect.schema !== undefined && response.json === undefined && response.bodyText.trim() !== '') {
    return (
      `Not JSON: the answer is ${response.headers['content-type'] ?? 'untyped'} where the docs ` +
      `promise JSON, so ${basePaths(step, input)} probably names something other than the API (a ` +
      `web page, a proxy or another service).${docs}`
    );
  }
  if (response.status === step.expect.status) return docs ? docs.trim() : undefined;
  switch (response.status) {
    case 401:
      if (step.request.auth.type === 'basic') {
        return (
          `401 Unauthorized: the client credentials were refused: check ` +
          `${credentials(step, input)}.${docs}`
        );
      }
      return `${unauthorized(input.tokenRetry, words)}${docs}`;
    case 403: {
      const roles = step.roles?.length ? step.roles.join(' or ') : 'the role this call needs';
      return `403 Forbidden: missing role: ${words.missingRole(roles)}${docs}`;
    }
    case 404:
      return `${notFound(step, input)}${docs}`;
    case 415:
      return `415 Unsupported Media Type: this call needs the Content-Type the docs give.${docs}`;
    default:
      return docs ? docs.trim() : undefined;
  }
}
