import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit-report.ts';
import type { CheckRun, RunResults } from '../../src/report/results.ts';
import { junitErrors } from './junit-validator.ts';
import { resultsFixture } from './results-fixture.ts';

/** What a hostile tenant can put in a body, a header or an error message. */
const HOSTILE = `<tag a="1"> & "quoted" 'single' ]]> bell\u0007 nul\u0000 lone\uD800 ok`;

function withChecks(results: RunResults, edit: (check: CheckRun) => CheckRun): RunResults {
  return {
    ...results,
    targets: results.targets.map((target) => ({
      ...target,
      tenant: HOSTILE,
      checks: target.checks.map(edit),
    })),
  };
}

/** Every text a check contributes to the report, with hostile text appended. */
function hostile(check: CheckRun): CheckRun {
  const { failure } = check;
  return {
    ...check,
    id: `${check.id} ${HOSTILE}`,
    title: `${check.title} ${HOSTILE}`,
    ...(check.skipReason ? { skipReason: `${check.skipReason} ${HOSTILE}` } : {}),
    unconfirmed: check.unconfirmed.map((line) => `${line} ${HOSTILE}`),
    expectations: check.expectations.map((expectation) => ({ ...expectation, given: HOSTILE })),
    ...(failure?.evidence
      ? {
          failure: {
            ...failure,
            code: HOSTILE,
            summary: HOSTILE,
            hint: HOSTILE,
            evidence: { ...failure.evidence, body: HOSTILE, vendorMessage: HOSTILE, correlationId: HOSTILE },
          },
        }
      : {}),
  };
}

/** The text of the testcase whose name starts with `name`, up to the next testcase or suite end. */
function testcase(xml: string, name: string): string {
  const start = xml.indexOf(`<testcase name="${name}`);
  expect(start, `testcase ${name}`).toBeGreaterThanOrEqual(0);
  const ends = [xml.indexOf('<testcase ', start + 1), xml.indexOf('</testsuite>', start)];
  return xml.slice(start, Math.min(...ends.filter((end) => end >= 0)));
}

describe('renderJunit', () => {
  it("validates against Jenkins' JUnit schema, failing run and passing run", async () => {
    expect(await junitErrors(renderJunit(resultsFixture({ failing: true })))).toEqual([]);
    expect(await junitErrors(renderJunit(resultsFixture({ failing: false })))).toEqual([]);
  });

  it('counts every check once: one testsuite per suite file, one testcase per step, probe and teardown', () => {
    const xml = renderJunit(resultsFixture());
    expect(xml).toMatch(
      /<testsuites name="idflow run 20261126t0200-abc123" tests="9" failures="1" errors="0" time="3.000">/,
    );
    expect(xml.match(/<testsuite /g)).toHaveLength(6);
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    expect(xml).toContain(
      '<testsuite name="pingone/05-create-user.test.ts" tests="4" failures="1" errors="0" skipped="1" time="0.184" timestamp="2026-11-26T02:00:02" hostname="api.pingone.eu"',
    );
    expect(xml).toContain(
      '<testcase name="05-create-user/expired-token: an expired token → 401" classname="pingone.05-create-user" time="0.042"/>',
    );
    expect(xml).toContain('classname="pingone.99-teardown" time="0.031"/>');
  });

  it('carries each skip reason as the skipped element’s text', () => {
    const xml = renderJunit(resultsFixture());
    expect(testcase(xml, '05-create-user/wrong-region')).toContain(
      '<skipped>needs PINGONE_OTHER_REGION, which is not configured</skipped>',
    );
    expect(testcase(xml, '07-enable-user-mfa')).toContain(
      '<skipped>needs sharedUserID from 05-create-user, which failed</skipped>',
    );
    expect(renderJunit(resultsFixture({ failing: false }))).not.toContain('<skipped>needs sharedUserID');
  });

  it('carries a failure with its code, summary, expected/given, hint, evidence and curl', () => {
    const failed = testcase(renderJunit(resultsFixture()), '05-create-user: Create a user');
    expect(failed).toContain(
      '<failure message="05-create-user: status: expected 201, given 400" type="STATUS_MISMATCH">status: expected 201, given 400\n',
    );
    expect(failed).toContain('hint: the tenant refused the user: read its details');
    expect(failed).toContain(
      '  status: 400\n  vendor code: INVALID_DATA\n  vendor message: The request could not be completed.',
    );
    expect(failed).toContain('  Correlation-Id: corr-4');
    expect(failed).toContain(
      "reproduce: curl -X POST 'https://api.pingone.eu/v1/environments/6f1c2a3b-0000-4000-8000-00000000000a/users' -H 'Authorization: Bearer [REDACTED]'",
    );
    expect(renderJunit(resultsFixture({ failing: false }))).not.toContain('<failure');
  });

  it("carries the run id, target, tenant, version and each failure's Correlation-Id as properties", () => {
    const xml = renderJunit(resultsFixture());
    expect(xml.match(/<property name="run-id" value="20261126t0200-abc123"\/>/g)).toHaveLength(6);
    expect(xml).toContain('<property name="target" value="pingone"/>');
    expect(xml).toContain('<property name="tenant" value="api.pingone.eu"/>');
    expect(xml).toContain('<property name="idflow-version" value="0.1.0"/>');
    expect(xml).toContain('<property name="file" value="suites/pingone/05-create-user.test.ts"/>');
    expect(xml.match(/<property name="correlation-id:/g)).toEqual(['<property name="correlation-id:']);
    expect(xml).toContain('<property name="correlation-id:05-create-user" value="corr-4"/>');
  });

  it('writes unconfirmed expectations to the passed testcase system-out', () => {
    const passed = testcase(renderJunit(resultsFixture()), '03-create-environment');
    expect(passed).not.toContain('<failure');
    expect(passed).toContain(
      '<system-out>unconfirmed: Location header: expected present, given missing (inferred: docs examples)</system-out>',
    );
  });

  it('writes every other note of a check (drift, a known deviation, a settle wait) to its system-out', () => {
    const noted = withChecks(resultsFixture(), (check) =>
      check.id === '04-create-population'
        ? {
            ...check,
            notes: [
              ...check.notes,
              { type: 'drift', message: 'undeclared response field /x (not in pingone/population)' },
              { type: 'notice', message: 'environment: gone after 40 ms' },
            ],
          }
        : check,
    );
    expect(testcase(renderJunit(noted), '04-create-population')).toContain(
      '<system-out>settling: settled after 370 ms: 404, 201\n' +
        'drift: undeclared response field /x (not in pingone/population)\n' +
        'environment: gone after 40 ms</system-out>',
    );
  });

  it('keeps hostile tenant text valid XML: escaped, and stripped of characters XML 1.0 cannot carry', async () => {
    const xml = renderJunit(withChecks(resultsFixture(), hostile));
    expect(await junitErrors(xml)).toEqual([]);
    const escapedText = '&lt;tag a="1"&gt; &amp; "quoted" \'single\' ]]&gt; bell nul lone ok';
    const escapedAttribute =
      '&lt;tag a=&quot;1&quot;&gt; &amp; &quot;quoted&quot; &apos;single&apos; ]]&gt; bell nul lone ok';
    expect(xml).toContain(`hostname="${escapedAttribute}"`);
    expect(xml).toContain(`<failure message="${escapedAttribute}" type="${escapedAttribute}">`);
    expect(xml).toContain(`body: ${escapedText}`);
    expect(xml).toContain(
      `<skipped>needs PINGONE_OTHER_REGION, which is not configured ${escapedText}</skipped>`,
    );
    for (const illegal of ['\u0000', '\u0007', '\uD800']) expect(xml).not.toContain(illegal);
  });

  it('is checked by a validator that rejects broken output', async () => {
    const xml = renderJunit(resultsFixture());
    const nameless = xml.replace('<testcase name="01-get-access-token: Get an access token" ', '<testcase ');
    expect((await junitErrors(nameless)).map((error) => error.message).join('\n')).toMatch(
      /testcase.*attribute 'name' is required/,
    );
    // What the escaping prevents: a raw control character is not well-formed XML.
    const raw = xml.replace('Get an access token', 'Get an access\u0007token');
    expect(await junitErrors(raw)).not.toEqual([]);
  });
});
