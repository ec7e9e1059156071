import { isLoopbackAddress } from '../http/loopback.ts';

/** The option that allows a host that is neither the target's documented one nor loopback. */
export const ALLOW_HOST_OPTION = '--allow-host';

/** The host of a URL, lower-cased, IPv6 without brackets; undefined for a malformed URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/**
 * True for a loopback address and for the names `localhost` and `*.localhost`. A name only
 * says so: resolving it ({@link vetCredentialTransport}) decides whether it really is loopback.
 */
export function isLoopbackName(host: string): boolean {
  return isLoopbackAddress(host) || host === 'localhost' || host.endsWith('.localhost');
}

/** Hosts from a comma- or space-separated allow list, lower-cased, IPv6 without brackets. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter((host) => host !== '');
}

/**
 * The first URL whose host may not receive credentials: not the vendor's (`isVendorHost`, the
 * target's documented hosts), not named as loopback, not explicitly allowed. A typo in a URL must not
 * ship the secret elsewhere. A loopback name passing here is still resolved before the first request.
 */
export function disallowedHost(
  urls: readonly string[],
  allowed: readonly string[],
  isVendorHost: (host: string) => boolean,
): { url: string; host: string } | undefined {
  for (const url of urls) {
    const host = hostOf(url);
    if (host === undefined) continue;
    if (!isVendorHost(host) && !isLoopbackName(host) && !allowed.includes(host)) return { url, host };
  }
  return undefined;
}
