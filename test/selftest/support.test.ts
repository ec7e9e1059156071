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
  function results(checks: unknown[]): string {
    const file = join(mkdtempSync(join(tmpdir(), 'idflow-report-')), 'results.json');
    writeFileSync(file, JSON.stringify({ version: 1, targets: [{ name: 'pingone', checks }] }));
    return file;
  }

  test('the first failed check in run order, with its failed check and schema problem', () => {
    const file = results([
      { id: '05-create-user', status: 'passed' },
      {
        id: '05b-read-user',
        status: 'failed',
        failure: { message: '05b-read-user failed:\n  ✗ status: expected 200, given 404' },
      },
      {
        id: '09-create-email-device',
        status: 'failed',
        failure: {
          message:
            '09-create-email-device (Create) failed:\n  ✓ status\n  ✗ schema pingone/device: expected ' +
            'valid, given value does not match pingone/device (1 problem):\n  - /status: ' +
            'required\nEvidence: …',
        },
      },
    ]);
    expect(firstFailureIn(file)).toBe('05b-read-user: status: expected 200, given 404');
    // Every failed check, in run order, with its whole message.
    expect(failedTestsIn(file).map((each) => each.step)).toEqual(['05b-read-user', '09-create-email-device']);
    expect(failedTestsIn(file)[1]?.message).toContain('  - /status: required');
    expect(failedTestsIn(join(tmpdir(), 'no-such-idflow-report.json'))).toEqual([]);
    const schema = results([
      {
        id: '09-create-email-device',
        status: 'failed',
        failure: {
          message:
            'x failed:\n  ✗ schema pingone/device: expected valid, given value (1 problem):\n  - ' +
            '/status: required',
        },
      },
    ]);
    expect(firstFailureIn(schema)).toBe(
      '09-create-email-device: schema pingone/device: expected valid, given value (1 problem): - ' +
        '/status: required',
    );
  });

  test('nothing failed, or no readable results file', () => {
    expect(firstFailureIn(results([{ id: '05-create-user', status: 'passed' }]))).toBeUndefined();
    const garbled = join(mkdtempSync(join(tmpdir(), 'idflow-report-')), 'results.json');
    writeFileSync(garbled, '{ not json');
    expect(firstFailureIn(garbled)).toBeUndefined();
    expect(firstFailureIn(join(tmpdir(), 'no-such-idflow-report.json'))).toBeUndefined();
  });
});
