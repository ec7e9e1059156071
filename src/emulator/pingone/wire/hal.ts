import type { EmulatorRequest, EmulatorResponse } from '../../http/index.ts';
import { HAL_JSON } from './media-types.ts';

export interface HalLink {
  href: string;
}
export type HalLinks = Record<string, HalLink>;

/** A rendered resource: JSON with `_links`. */
export type HalResource = { _links: HalLinks } & Record<string, unknown>;

/** Base URL of the management API as the client reached it: `<origin>/v1`. */
export function apiBase(req: EmulatorRequest): string {
  return `${req.origin}/v1`;
}

/** A HAL link to `<origin>/v1<path>`. */
export function link(api: string, path: string): HalLink {
  return { href: `${api}${path}` };
}

/** A successful HAL JSON response. */
export function hal(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'content-type': HAL_JSON, ...headers }, body };
}

/** 201 with `Location` set to the created resource's own `_links.self.href`. */
export function created(body: HalResource): EmulatorResponse {
  const self = body._links.self;
  return hal(201, body, self ? { location: self.href } : {});
}

/** 204 without a body. */
export function noContent(): EmulatorResponse {
  return { status: 204 };
}
