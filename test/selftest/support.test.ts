import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { failedTestsIn, firstFailureIn, mapBounded, orderedPrinter } from '../../src/selftest/index.ts';

describe('mapBounded', () => {
  test('never has more than `limit` calls in flight and keeps the input order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapBounded([30, 5, 20, 1, 10, 2], 2, async (ms, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(ms);
      inFlight -= 1;
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  test('after a rejection no new call starts', async () => {
    const started: number[] = [];
    const run = mapBounded([0, 1, 2, 3, 4], 1, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('boom');
      return item;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });
});

describe('orderedPrinter', () => {
  test('prints in index order whatever the completion order', () => {
    const printed: string[] = [];
    const print = orderedPrinter((line) => printed.push(line));
    print(2, 'c');
    print(1, 'b');
    expect(printed).toEqual([]);
    print(0, 'a');
    print(3, 'd');
    expect(printed).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('firstFailureIn', () => {
  function report(testResults: unknown[]): string {
    const file = join(mkdtempSync(join(tmpdir(), 'idflow-report-')), 'report.json');
    writeFileSync(file, JSON.stringify({ testResults }));
    return file;
  }

  test('the first failed test of the first file in name order, with its failed check and schema problem', () => {
    const file = report([
      {
        name: '/x/suites/pingone/09-create-email-device.test.ts',
        assertionResults: [
          {
            title: '09-create-email-device: Create an email device',
            status: 'failed',
            failureMessages: [
              '09-create-email-device (Create) failed:\n  ✓ status\n  ✗ schema pingone/device: expected ' +
                'valid, given value does not match pingone/device (1 problem):\n  - /status: ' +
                'required\nEvidence: …',
            ],
          },
        ],
      },
      {
        name: '/x/suites/pingone/05-create-user.test.ts',
        assertionResults: [
          { title: '05-create-user: Create a user', status: 'passed', failureMessages: [] },
          {
            title: '05b-read-user: Read',
            status: 'failed',
            failureMessages: ['05b-read-user failed:\n  ✗ status: expected 200, given 404'],
          },
        ],
      },
    ]);
    expect(firstFailureIn(file)).toBe('05b-read-user: status: expected 200, given 404');
    // Every failed test, in run order, with its whole message.
    expect(failedTestsIn(file).map((each) => each.step)).toEqual(['05b-read-user', '09-create-email-device']);
    expect(failedTestsIn(file)[1]?.message).toContain('  - /status: required');
    expect(failedTestsIn(join(tmpdir(), 'no-such-idflow-report.json'))).toEqual([]);
    const schema = report([
      {
        name: 'a',
        assertionResults: [
          {
            title: '09-create-email-device: Create',
            status: 'failed',
            failureMessages: [
              'x failed:\n  ✗ schema pingone/device: expected valid, given value (1 problem):\n  - ' +
                '/status: required',
            ],
          },
        ],
      },
    ]);
    expect(firstFailureIn(schema)).toBe(
      '09-create-email-device: schema pingone/device: expected valid, given value (1 problem): - ' +
        '/status: required',
    );
  });

  test('a file that failed outside any test, nothing failed, or no report', () => {
    expect(
      firstFailureIn(
        report([
          {
            name: '/x/suites/lerian-identity/01-token.test.ts',
            message: 'Error: global setup failed\n    at …',
            assertionResults: [],
          },
        ]),
      ),
    ).toBe('lerian-identity/01-token.test.ts: Error: global setup failed');
    expect(
      firstFailureIn(report([{ name: 'a', assertionResults: [{ title: 't', status: 'passed' }] }])),
    ).toBeUndefined();
    expect(firstFailureIn(join(tmpdir(), 'no-such-idflow-report.json'))).toBeUndefined();
  });
});
