import { describe, expect, it } from 'vitest';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { REGIONS, REGION_CODES, regionOfUrl } from '../../src/targets/pingone/regions.ts';
import { REQUIRED } from './fixtures.ts';

const EXPECTED = [
  ['NA', 'com', 'NORTH_AMERICA'],
  ['CA', 'ca', 'CA'],
  ['EU', 'eu', 'EU'],
  ['AU', 'com.au', 'AU'],
  ['SG', 'sg', 'SG'],
  ['AP', 'asia', 'AP'],
] as const;

describe('regions', () => {
  it('lists the six regions in the documented order', () => {
    expect(REGION_CODES).toEqual(['NA', 'CA', 'EU', 'AU', 'SG', 'AP']);
    expect(Object.keys(REGIONS).sort()).toEqual([...REGION_CODES].sort());
  });

  it.each(EXPECTED)('%s resolves to api.pingone.%s/v1 and auth.pingone.%s', (code, tld, licenseRegion) => {
    expect(REGIONS[code]).toEqual({
      tld,
      apiUrl: `https://api.pingone.${tld}/v1`,
      authUrl: `https://auth.pingone.${tld}`,
      licenseRegion,
    });
    const config = resolvePingOneConfig({ ...REQUIRED, PINGONE_REGION: code }, 'env/pingone.env');
    expect(config?.apiUrl).toBe(`https://api.pingone.${tld}/v1`);
    expect(config?.authUrl).toBe(`https://auth.pingone.${tld}`);
    expect(config?.region).toBe(code);
    expect(regionOfUrl(`https://api.pingone.${tld}/v1`)).toBe(code);
    expect(regionOfUrl(`https://auth.pingone.${tld}`)).toBe(code);
  });

  it('tells com from com.au, and knows no region for other hosts', () => {
    expect(regionOfUrl('https://api.pingone.com.au/v1')).toBe('AU');
    expect(regionOfUrl('https://api.pingone.com/v1')).toBe('NA');
    expect(regionOfUrl('http://127.0.0.1:4010/v1')).toBeUndefined();
    expect(regionOfUrl('not a url')).toBeUndefined();
  });
});
