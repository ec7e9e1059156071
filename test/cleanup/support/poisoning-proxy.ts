import { startLocalServer, type LocalServer, type ReceivedRequest } from '../../support/local-server.ts';

/** Rewrites the JSON body of a listing on its way back. */
export type ListingPoison = (body: Record<string, unknown>) => unknown;

const PINGONE_LISTING = /^\/v1\/environments(\?|$)/;

/**
 * A real HTTP proxy on loopback port 0 in front of an emulator: every request is forwarded
 * unchanged (and recorded in `received`), links rewritten to name the proxy, except that the environments
 * listing's body passes
 * through `poison` first (`GET /v1/environments?…` unless `listing` says otherwise; a bare
 * array arrives as `{items}`), the way a hostile or broken tenant would answer.
 */
export async function startPoisoningProxy(
  upstream: string,
  poison: ListingPoison,
  listing: RegExp = PINGONE_LISTING,
): Promise<LocalServer> {
  const proxy: LocalServer = await startLocalServer((request: ReceivedRequest, response) => {
    void (async () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && !['host', 'content-length', 'connection'].includes(entry[0]),
        ),
      );
      const answer = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        headers,
        ...(request.body === '' ? {} : { body: request.body }),
        redirect: 'manual',
      });
      // Links name the proxy, as a tenant's own links name its own origin.
      let text = (await answer.text()).replaceAll(upstream, proxy.url);
      if (request.method === 'GET' && listing.test(request.url) && answer.status === 200) {
        const parsed: unknown = JSON.parse(text);
        text = JSON.stringify(
          poison(Array.isArray(parsed) ? { items: parsed } : (parsed as Record<string, unknown>)),
        );
      }
      const kept: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
          kept[name] = value;
      });
      response.writeHead(answer.status, kept);
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  return proxy;
}

/** The environments of a listing body, to add poisoned ones to. */
export function listedEnvironments(body: Record<string, unknown>): unknown[] {
  const embedded = body._embedded as { environments?: unknown[] } | undefined;
  return embedded?.environments ?? [];
}
