import { REGIONS, REGION_CODES } from '../config/regions.ts';

/** The option and variable that allow a host that is neither PingOne's nor loopback. */
export const ALLOW_HOST_OPTION = '--allow-host';
export const ALLOW_HOST_VARIABLE = 'PINGONE_ALLOW_HOST';

/** PingOne's regional domains: `pingone.com`, `pingone.eu`, … */
const PINGONE_DOMAINS = REGION_CODES.map((code) => `pingone.${REGIONS[code].tld}`);

/** The host of a URL, lower-cased, IPv6 without brackets; undefined for a malformed URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/** True for `localhost`, 127.0.0.0/8 and `::1`. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}

/** True for a host under one of PingOne's regional domains (`api.pingone.eu`, `auth.pingone.com.au`). */
export function isPingOneHost(host: string): boolean {
  return PINGONE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Hosts from a comma- or space-separated allow list, lower-cased. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}

/**
 * The first URL whose host may not receive PingOne credentials: not a PingOne regional domain,
 * not loopback, not explicitly allowed. A typo in a URL must not ship the client secret elsewhere.
 */
export function disallowedHost(
  urls: readonly string[],
  allowed: readonly string[],
): { url: string; host: string } | undefined {
  for (const url of urls) {
    const host = hostOf(url);
    if (host === undefined) continue;
    if (!isPingOneHost(host) && !isLoopback(host) && !allowed.includes(host)) return { url, host };
  }
  return undefined;
}
