import { buildRequest } from '../../flow/step/build-request.ts';
import { followableLink } from '../../guards/same-origin.ts';
import { BEARER } from './conventions.ts';
import type { FlowSession } from '../../flow/run/session.ts';

/** What sweep needs to know of an environment. */
export interface ListedEnvironment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly createdAt: string;
}

const MAX_PAGES = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listed(item: unknown): ListedEnvironment | undefined {
  if (!isRecord(item)) return undefined;
  const { id, name, type, createdAt } = item;
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof type !== 'string' ||
    typeof createdAt !== 'string'
  )
    return undefined;
  return { id, name, type, createdAt };
}

/**
 * Every environment whose name starts with `prefix`, asking the server to filter (`name sw`)
 * and following `_links.next`; the caller still checks each name (and id), since a server may
 * ignore a filter. A `_links.next` off the configured origin or with a malformed path is not
 * followed: GuardError `FOREIGN_ORIGIN_REFUSED`, before anything is deleted.
 */
export async function listEnvironmentsNamed(
  session: FlowSession,
  prefix: string,
): Promise<ListedEnvironment[]> {
  const filter = encodeURIComponent(`name sw "${prefix}"`);
  let request = buildRequest(
    { method: 'GET', url: `{{apiPath}}/environments?filter=${filter}`, auth: BEARER },
    session.vars.lookup,
  );
  const found: ListedEnvironment[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await session.context.client.send(request);
    if (response.status !== 200 || !isRecord(response.json)) {
      throw new Error(
        `listing environments answered ${response.status}; the worker app needs a role that can read ` +
          `environments (Organization Admin or Environment Admin)`,
      );
    }
    const body = response.json;
    const items =
      isRecord(body._embedded) && Array.isArray(body._embedded.environments)
        ? body._embedded.environments
        : [];
    for (const item of items) {
      const environment = listed(item);
      if (environment) found.push(environment);
    }
    const next = isRecord(body._links) && isRecord(body._links.next) ? body._links.next.href : undefined;
    if (next === undefined || next === null) break;
    request = {
      ...request,
      url: followableLink(next, request.url, "the environments listing's _links.next"),
    };
  }
  return found;
}
