import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/errors/config-error.ts';
import { readResultsFile } from '../../src/report/read-results.ts';
import { resultsFixture } from './results-fixture.ts';

const directory = mkdtempSync(join(tmpdir(), 'idflow-read-results-'));
function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** The ConfigError reading `path` throws (the test fails when it reads fine). */
function refusal(path: string): ConfigError {
  try {
    readResultsFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_FILE');
    expect((error as ConfigError).file).toBe(path);
    return error as ConfigError;
  }
  throw new Error(`${path} was read as a results file`);
}

describe('readResultsFile', () => {
  test('reads back a results file as written, the fixture matching the schema', () => {
    for (const failing of [true, false]) {
      const results = resultsFixture({ failing });
      expect(readResultsFile(file(`ok-${failing}.json`, JSON.stringify(results)))).toEqual(results);
    }
  });

  test('a missing file, a directory: named, and what to pass instead', () => {
    const missing = join(directory, 'nope.json');
    expect(refusal(missing).message).toBe(
      `The results file ${missing} does not exist. Pass results.json files written by 'idflow run --report json'.`,
    );
    expect(refusal(directory).message).toContain(`${directory} is a directory, not a file.`);
  });

  test('not JSON: where it stops being JSON, without quoting the text (the wrong file may hold secrets)', () => {
    const path = file('env.json', 'PINGONE_CLIENT_SECRET=do-not-print-me\n');
    const { message } = refusal(path);
    expect(message).toContain(`${path} is not valid JSON (line 1, column 1).`);
    expect(message).not.toContain('do-not-print-me');
  });

  test('another version says which version this idflow reads; no version at all is not a results file', () => {
    const path = file('v2.json', JSON.stringify({ ...resultsFixture(), version: 2, renamed: true }));
    expect(refusal(path).message).toContain(
      `${path} is a version 2 results file; this idflow reads version 1 (`,
    );
    const postman = file('postman.json', JSON.stringify({ name: 'env', values: [{ key: 'a', value: 'b' }] }));
    expect(refusal(postman).message).toContain('is not an idflow results file: it has no "version": 1');
  });

  test('a schema mismatch lists the first problems with their JSON pointers, not the values', () => {
    const results = resultsFixture();
    const [target] = results.targets;
    const checks = target?.checks.map((check, index) =>
      index === 3 ? { ...check, status: 'exploded-secret-value' } : check,
    );
    const broken = { ...results, targets: [{ ...target, checks }] };
    const { message } = refusal(file('broken.json', JSON.stringify(broken)));
    expect(message).toContain('does not match the results schema (1 problem):\n');
    expect(message).toContain('  /targets/0/checks/3/status: expected one of passed, failed, skipped\n');
    expect(message).not.toContain('exploded-secret-value');

    const many = { ...results, run: {}, targets: [{}, {}] };
    const listed = refusal(file('many.json', JSON.stringify(many))).message;
    expect(listed).toMatch(
      /\(\d+ problems\):\n( {2}\/\S+: (missing|expected .+)\n){5} {2}\.\.\. and \d+ more\n/,
    );
  });
});
