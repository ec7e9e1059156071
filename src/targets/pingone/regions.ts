/** PingOne's regional domains (API region codes as in an environment's `region`). */
export type Region = 'NA' | 'CA' | 'EU' | 'AU' | 'SG' | 'AP';

/** Where a region's services live. */
export interface RegionInfo {
  /** Top-level domain, the Postman `{{tld}}`. */
  tld: string;
  /** Management API base, ends with `/v1`. */
  apiUrl: string;
  /** Auth server base, without `/v1`. */
  authUrl: string;
  /** The value licenses use in `environments.regions[]`: `NORTH_AMERICA` for NA, else the code. */
  licenseRegion: string;
}

function region(tld: string, licenseRegion: string): RegionInfo {
  return {
    tld,
    apiUrl: `https://api.pingone.${tld}/v1`,
    authUrl: `https://auth.pingone.${tld}`,
    licenseRegion,
  };
}

/** Every region, keyed by its code. */
export const REGIONS: Record<Region, RegionInfo> = {
  NA: region('com', 'NORTH_AMERICA'),
  CA: region('ca', 'CA'),
  EU: region('eu', 'EU'),
  AU: region('com.au', 'AU'),
  SG: region('sg', 'SG'),
  AP: region('asia', 'AP'),
};

/** The region codes in the order the docs list them. */
export const REGION_CODES: readonly Region[] = ['NA', 'CA', 'EU', 'AU', 'SG', 'AP'];

/** The region used when neither `PINGONE_REGION` nor URL overrides are set (PingOne's default). */
export const DEFAULT_REGION: Region = 'NA';

/** True when `code` is one of the six region codes. */
export function isRegion(code: string): code is Region {
  return (REGION_CODES as readonly string[]).includes(code);
}

/** The region whose `api.pingone.<tld>` or `auth.pingone.<tld>` host the URL uses, if any. */
export function regionOfUrl(url: string): Region | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return REGION_CODES.find((code) => {
    const { tld } = REGIONS[code];
    return host === `api.pingone.${tld}` || host === `auth.pingone.${tld}`;
  });
}
