import type { EmulatorRequest } from '../../http/index.ts';
import { fail, invalidRequest } from './p1-error.ts';

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

export interface Page<T> {
  items: T[];
  /** Query string (without `?`) of the next page, when there is one. */
  nextQuery?: string;
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const offset = typeof value === 'object' && value !== null ? (value as { o?: unknown }).o : undefined;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

function badParameter(target: string, message: string): never {
  return fail(invalidRequest([{ code: 'INVALID_PARAMETER', target, message }]));
}

/**
 * Cuts one page out of `items` using `limit` and the opaque `cursor` query parameters. The next
 * page's query keeps every other parameter (such as `filter`) so its href can be followed verbatim.
 */
export function paginate<T>(req: EmulatorRequest, items: readonly T[], limits: PageLimits): Page<T> {
  const limitText = req.query.get('limit');
  let limit = limits.defaultLimit;
  if (limitText !== null) {
    const parsed = Number(limitText);
    if (!Number.isInteger(parsed) || parsed < 1) badParameter('limit', 'limit must be a positive integer.');
    limit = Math.min(parsed, limits.maxLimit);
  }
  const cursorText = req.query.get('cursor');
  const offset = cursorText === null ? 0 : decodeCursor(cursorText);
  if (offset === undefined)
    badParameter('cursor', 'cursor is not a cursor this server issued; follow _links.next.href as is.');
  const pageItems = items.slice(offset, offset + limit);
  if (offset + limit >= items.length) return { items: pageItems };
  const next = new URLSearchParams(req.query);
  next.delete('cursor');
  next.delete('limit');
  next.set('cursor', encodeCursor(offset + limit));
  next.set('limit', String(limit));
  return { items: pageItems, nextQuery: next.toString() };
}
