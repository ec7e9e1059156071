import type { EmulatorRequest } from '../../http/index.ts';
import { identityError, refuse } from './lerian-error.ts';

/** Which page of a list a request asks for, 1-based. */
export interface PageQuery {
  readonly page: number;
  readonly limit: number;
}

/**
 * Defaults and bounds of `page`/`limit`, as Lerian's pagination page documents them (default 10, at most
 * 100).
 */
export const PAGE_DEFAULTS = { page: 1, limit: 10, maxLimit: 100 } as const;

function positiveInteger(text: string | null): number | undefined {
  if (text === null) return undefined;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Reads `page` and `limit` from the query: absent ones take their defaults; anything but a
 * positive integer, or a `limit` above the maximum, answers 400 IDE-0005 naming each bad one.
 */
export function readPageQuery(req: EmulatorRequest): PageQuery {
  const page = positiveInteger(req.query.get('page'));
  const limit = positiveInteger(req.query.get('limit'));
  const fields: Record<string, string> = {};
  if (Number.isNaN(page)) fields.page = 'page must be a positive integer';
  if (Number.isNaN(limit)) fields.limit = `limit must be an integer from 1 to ${PAGE_DEFAULTS.maxLimit}`;
  else if (limit !== undefined && limit > PAGE_DEFAULTS.maxLimit)
    fields.limit = `limit must be an integer from 1 to ${PAGE_DEFAULTS.maxLimit}`;
  if (Object.keys(fields).length > 0) refuse(identityError('0005', { fields }));
  return { page: page ?? PAGE_DEFAULTS.page, limit: limit ?? PAGE_DEFAULTS.limit };
}
