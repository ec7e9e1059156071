import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { selectBaseline } from '../../src/baseline/index.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { MFA_DEVIATION } from './fixtures.ts';

const directory = mkdtempSync(join(tmpdir(), 'idflow-baseline-'));

function baselineFile(name: string, content: unknown): string {
  const file = join(directory, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('selectBaseline', () => {
  const tenantFile = baselineFile('tenant.json', { target: 'pingone', deviations: [MFA_DEVIATION] });

  test('a configured tenant gets the explicit file, named as given', () => {
    const selected = selectBaseline({ target: pingOne, explicitFile: tenantFile, emulated: false });
    expect(selected).toEqual({ file: tenantFile, deviations: [MFA_DEVIATION], explicit: true });
  });

  test('without --baseline, the committed suites/<target>/known-deviations.json applies', () => {
    const selected = selectBaseline({ target: pingOne, emulated: false });
    expect(selected.file).toBe('suites/pingone/known-deviations.json');
    expect(selected.explicit).toBe(false);
  });

  test('the embedded emulator applies no baseline, and rejects an explicit one', () => {
    expect(selectBaseline({ target: pingOne, emulated: true }).deviations).toEqual([]);
    expect(() => selectBaseline({ target: pingOne, explicitFile: tenantFile, emulated: true })).toThrow(
      /lists known deviations of a configured tenant, but this run uses the embedded emulator/,
    );
  });

  test('an explicit file for another target leaves this target on its committed baseline', () => {
    const other = baselineFile('other.json', { target: 'lerian-identity', deviations: [] });
    expect(selectBaseline({ target: pingOne, explicitFile: other, emulated: false })).toMatchObject({
      explicit: false,
      file: 'suites/pingone/known-deviations.json',
    });
  });

  test('a missing or malformed explicit file is a ConfigError naming it', () => {
    const missing = join(directory, 'missing.json');
    expect(() => selectBaseline({ target: pingOne, explicitFile: missing, emulated: false })).toThrow(
      ConfigError,
    );
    expect(() => selectBaseline({ target: pingOne, explicitFile: missing, emulated: false })).toThrow(
      `${missing} cannot be read`,
    );
    const broken = baselineFile('broken.json', '{');
    expect(() => selectBaseline({ target: pingOne, explicitFile: broken, emulated: false })).toThrow(
      `${broken} is not valid JSON`,
    );
  });
});
