import type { EmulatorRequest, EmulatorResponse } from '../../http/index.ts';
import { hal } from './hal.ts';
import type { HalLinks } from './hal.ts';
import { paginate } from './paging.ts';
import type { PageLimits } from './paging.ts';

export interface CollectionOptions<T> {
  /** Key under `_embedded`, e.g. `environments`. */
  name: string;
  records: readonly T[];
  render: (record: T) => unknown;
  /** Omit for collections PingOne returns whole (devices, roles, licenses). */
  paging?: PageLimits;
}

/**
 * A HAL collection `{_links{self,next?}, _embedded{<name>:[…]}, count, size}`: `count` is the total
 * after filtering, `size` the number of items on this page.
 */
export function collection<T>(req: EmulatorRequest, options: CollectionOptions<T>): EmulatorResponse {
  const query = req.query.toString();
  const selfHref = `${req.origin}${req.path}${query ? `?${query}` : ''}`;
  const page = options.paging
    ? paginate(req, options.records, options.paging)
    : { items: [...options.records] };
  const links: HalLinks = { self: { href: selfHref } };
  if (page.nextQuery !== undefined) links.next = { href: `${req.origin}${req.path}?${page.nextQuery}` };
  return hal(200, {
    _links: links,
    _embedded: { [options.name]: page.items.map(options.render) },
    count: options.records.length,
    size: page.items.length,
  });
}
