import { registerProxyCredentials } from '../http/proxy.ts';
import { displayUrl } from '../redact/display-url.ts';
import { UsageError } from './usage-error.ts';

/**
 * `--proxy URL`: every request, http:// and https://, goes through this proxy (`NO_PROXY` still
 * names the hosts reached directly). It beats `HTTP_PROXY` and `HTTPS_PROXY` (either case) by
 * replacing them in this process, so the test process `idflow run` starts uses it too. Its
 * `user:password` is a secret: registered before anything can print it.
 */
export function applyProxyOption(proxy: string | undefined): void {
  if (proxy === undefined) return;
  registerProxyCredentials(proxy);
  let url: URL | undefined;
  try {
    url = new URL(proxy);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(
      `--proxy ${displayUrl(proxy)} is not an http:// or https:// URL (e.g. --proxy http://proxy.example.com:3128).`,
    );
  }
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) process.env[name] = proxy;
}
