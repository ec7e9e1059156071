import { REGIONS, REGION_CODES } from './regions.ts';

/** The variable that allows more hosts for PingOne credentials, like `--allow-host`. */
export const PINGONE_ALLOW_HOST_VARIABLE = 'PINGONE_ALLOW_HOST';

/** PingOne's regional domains: `pingone.com`, `pingone.eu`, … */
const PINGONE_DOMAINS = REGION_CODES.map((code) => `pingone.${REGIONS[code].tld}`);

/** True for a host under one of PingOne's regional domains (`api.pingone.eu`, `auth.pingone.com.au`). */
export function isPingOneHost(host: string): boolean {
  return PINGONE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
