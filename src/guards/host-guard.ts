import { BlockList, isIP } from 'node:net';
import { REGIONS, REGION_CODES } from '../config/regions.ts';

/** The option that allows a host that is neither the target's documented one nor loopback. */
export const ALLOW_HOST_OPTION = '--allow-host';
/** The variable that allows hosts for PingOne credentials, like {@link ALLOW_HOST_OPTION}. */
export const ALLOW_HOST_VARIABLE = 'PINGONE_ALLOW_HOST';
/** The variable that allows hosts for Lerian Identity credentials, like {@link ALLOW_HOST_OPTION}. */
export const LERIAN_ALLOW_HOST_VARIABLE = 'LERIAN_ALLOW_HOST';

/** PingOne's regional domains: `pingone.com`, `pingone.eu`, … */
const PINGONE_DOMAINS = REGION_CODES.map((code) => `pingone.${REGIONS[code].tld}`);

/**
 * The hosts Lerian documents (its sandbox). Lerian Identity is mostly self-hosted under the
 * customer's own domain, so no wildcard: any other host needs `--allow-host`.
 */
export const LERIAN_DOCUMENTED_HOSTS: readonly string[] = [
  'auth.sandbox.lerian.net',
  'identity.sandbox.lerian.net',
];

/** The host of a URL, lower-cased, IPv6 without brackets; undefined for a malformed URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** True for an IP address in 127.0.0.0/8 or `::1` (in any spelling, IPv4-mapped too); false for a name. */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * True for a loopback address and for the names `localhost` and `*.localhost`. A name only
 * says so: resolving it ({@link vetCredentialTransport}) decides whether it really is loopback.
 */
export function isLoopbackName(host: string): boolean {
  return isLoopbackAddress(host) || host === 'localhost' || host.endsWith('.localhost');
}

/** True for a host under one of PingOne's regional domains (`api.pingone.eu`, `auth.pingone.com.au`). */
export function isPingOneHost(host: string): boolean {
  return PINGONE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** True for a host Lerian documents for its Access Manager. */
export function isLerianHost(host: string): boolean {
  return LERIAN_DOCUMENTED_HOSTS.includes(host);
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
 * The first URL whose host may not receive credentials: not the vendor's (`isVendorHost`,
 * PingOne's by default), not named as loopback, not explicitly allowed. A typo in a URL must not
 * ship the secret elsewhere. A loopback name passing here is still resolved before the first request.
 */
export function disallowedHost(
  urls: readonly string[],
  allowed: readonly string[],
  isVendorHost: (host: string) => boolean = isPingOneHost,
): { url: string; host: string } | undefined {
  for (const url of urls) {
    const host = hostOf(url);
    if (host === undefined) continue;
    if (!isVendorHost(host) && !isLoopbackName(host) && !allowed.includes(host)) return { url, host };
  }
  return undefined;
}
