import { StepFailedError } from '../../flow/step/step-failed-error.ts';
import { buildRequest } from '../../flow/step/build-request.ts';
import { describeValue } from '../../flow/step/checks.ts';
import { collectEvidence, formatEvidence } from '../../flow/step/evidence.ts';
import { executeStep } from '../../flow/step/execute-step.ts';
import { listUsersPage } from './list-users-step.ts';
import type { FlowSession } from '../../flow/run/session.ts';
import type { HttpResponse } from '../../http/types.ts';

/** What the sweep needs to know of a user. */
export interface ListedUser {
  readonly id: string;
  readonly username: string;
}

/** Every user the listing could read, and notes about what it could not. */
export interface UserListing {
  readonly users: readonly ListedUser[];
  readonly notes: readonly string[];
}

/** Users asked for per page: the largest page Lerian documents (`MAX_PAGINATION_LIMIT` default). */
export const USERS_PAGE_LIMIT = 100;
/** Asked for instead when a deployment refuses {@link USERS_PAGE_LIMIT}: Lerian's default page size. */
export const FALLBACK_PAGE_LIMIT = 10;
/** Pages read at most, so a server that never answers an empty page cannot keep the sweep going. */
export const MAX_USER_PAGES = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The users of one page. The list's shape is not documented: the Console types its `fetchAll`
 * as a bare array, and its pagination wrapper as `{items, page, limit}`; both are accepted.
 */
function itemsOf(body: unknown): readonly unknown[] | undefined {
  if (Array.isArray(body)) return body;
  return isRecord(body) && Array.isArray(body.items) ? body.items : undefined;
}

function listed(item: unknown): ListedUser | undefined {
  if (!isRecord(item)) return undefined;
  const { id, username } = item;
  return typeof id === 'string' && typeof username === 'string' ? { id, username } : undefined;
}

function unexpectedShape(session: FlowSession, response: HttpResponse): StepFailedError {
  const step = listUsersPage;
  const evidence = collectEvidence(buildRequest(step.request, session.context.vars.lookup), response);
  const result = {
    name: 'list shape',
    passed: false,
    expected: 'an array of users or {items: [...]}',
    given: describeValue(response.json),
  };
  return new StepFailedError({
    code: 'CHECK_FAILED',
    stepId: step.id,
    message:
      `${step.id} (${step.title}) failed: ${result.name}: expected ${result.expected}, given ` +
      `${result.given}\nEvidence:\n${formatEvidence(evidence)}`,
    results: [result],
    evidence,
  });
}

/** Lerian's "No users were found in the search" (404 IDE-1004): a page past the end. */
function isNoUsersFound(error: unknown): boolean {
  return (
    error instanceof StepFailedError &&
    error.evidence.status === 404 &&
    error.evidence.vendorCode === 'IDE-1004'
  );
}

/** A 400 to the first page: the deployment's `MAX_PAGINATION_LIMIT` is below what was asked. */
function isLimitRefused(error: unknown): boolean {
  return error instanceof StepFailedError && error.evidence.status === 400;
}

async function readPage(session: FlowSession, page: number, limit: number): Promise<readonly unknown[]> {
  const { vars } = session.context;
  vars.set('usersPage', String(page), { from: listUsersPage.id });
  vars.set('usersLimit', String(limit), { from: listUsersPage.id });
  try {
    const { response } = await executeStep(listUsersPage, session.context);
    const items = itemsOf(response.json);
    if (items === undefined) throw unexpectedShape(session, response);
    return items;
  } catch (error) {
    if (isNoUsersFound(error)) return [];
    throw error;
  }
}

/**
 * Every user of the tenant, read page by page (`page`, `limit`) with the session's token before
 * anything is deleted, since deleting shifts later pages. A 400 to the first page of 100 (a
 * deployment with a lower `MAX_PAGINATION_LIMIT`) is asked again with Lerian's default of 10. Stops at an
 * empty page, at a page that
 * lists only users already seen (a server that ignores `page`), or after {@link MAX_USER_PAGES},
 * saying so in a note. Throws StepFailedError (with evidence) when a page cannot be read.
 */
export async function listLerianUsers(session: FlowSession): Promise<UserListing> {
  const seen = new Map<string, ListedUser>();
  const notes: string[] = [];
  const listing = (note?: string): UserListing => ({
    users: [...seen.values()],
    notes: note ? [...notes, note] : notes,
  });
  let limit = USERS_PAGE_LIMIT;
  for (let page = 1; page <= MAX_USER_PAGES; page += 1) {
    let items: readonly unknown[];
    try {
      items = await readPage(session, page, limit);
    } catch (error) {
      if (page !== 1 || limit === FALLBACK_PAGE_LIMIT || !isLimitRefused(error)) throw error;
      notes.push(
        `the deployment refused limit=${limit} (MAX_PAGINATION_LIMIT is lower); read ` +
          `${FALLBACK_PAGE_LIMIT} users a page`,
      );
      limit = FALLBACK_PAGE_LIMIT;
      items = await readPage(session, page, limit);
    }
    if (items.length === 0) return listing();
    const users = items.map(listed).filter((user): user is ListedUser => user !== undefined);
    if (users.length < items.length)
      notes.push(
        `page ${page}: ${items.length - users.length} entries without an id or username were left alone`,
      );
    if (users.length === 0) return listing(`page ${page} had no readable user; stopped there`);
    const fresh = users.filter((user) => !seen.has(user.id));
    if (fresh.length === 0) {
      return listing(
        `page ${page} listed only users already seen: the server seems to ignore page=, so users beyond ` +
          `the first ${seen.size} (if any) were not looked at`,
      );
    }
    for (const user of fresh) seen.set(user.id, user);
  }
  return listing(`stopped after ${MAX_USER_PAGES} pages of ${limit} users; run sweep again for the rest`);
}
