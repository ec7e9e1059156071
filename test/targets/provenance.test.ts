import { expect, test } from 'vitest';
import { missingSources } from '../../src/docs/provenance.ts';
import { lerianIdentityCatalogue } from '../../src/targets/lerian-identity/catalogue.ts';
import { listUsersPage } from '../../src/targets/lerian-identity/list-users-step.ts';
import { pingOneCatalogue } from '../../src/targets/pingone/catalogue.ts';
import { pingOneProbes } from '../../src/targets/pingone/probes/catalogue.ts';

const describeMissing = (missing: ReturnType<typeof missingSources>): string[] =>
  missing.map((entry) => `${entry.step}: ${entry.expectation}`);

test('every PingOne step and probe expectation cites a documented source or an inferred reason', () => {
  expect(describeMissing(missingSources(pingOneCatalogue, pingOneProbes))).toEqual([]);
});

test('every Lerian Identity step and probe expectation cites a documented source or an inferred reason', () => {
  expect(describeMissing(missingSources([...lerianIdentityCatalogue, listUsersPage]))).toEqual([]);
});
