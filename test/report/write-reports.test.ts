import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';
import { writeReports } from '../../src/report/write-reports.ts';
import { resultsFixture } from './results-fixture.ts';

afterEach(() => clearSecretsForTest());

describe('writeReports', () => {
  it('writes each report (making its folder), appends GitHub’s summary, and hands the annotations over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idflow-write-reports-'));
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# before\n');
    const lines: string[] = [];
    const written = writeReports(
      resultsFixture(),
      [
        { kind: 'json', file: join(dir, 'gone', 'again', 'results.json') },
        { kind: 'junit', file: join(dir, 'junit.xml') },
        { kind: 'github', file: summary, append: true },
      ],
      (line) => lines.push(line),
    );
    expect(written).toEqual([join(dir, 'gone', 'again', 'results.json'), join(dir, 'junit.xml'), summary]);
    expect(JSON.parse(readFileSync(written[0] as string, 'utf8'))).toEqual(resultsFixture());
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# before\n[\s\S]*05-create-user/);
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(1);
  });

  it('masks a secret this process knows in every file and annotation, whatever put it there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idflow-write-reports-'));
    const secret = 'late-known-S3cret-value';
    const results = resultsFixture();
    const failing = results.targets[0]?.checks.find((check) => check.failure);
    Object.assign(failing?.failure ?? {}, { summary: `refused: ${secret}` });
    registerSecret(secret);
    const lines: string[] = [];
    const files = writeReports(
      results,
      (['json', 'junit', 'html', 'har', 'github'] as const).map((kind) => ({ kind, file: join(dir, kind) })),
      (line) => lines.push(line),
    );
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
    expect(readFileSync(join(dir, 'json'), 'utf8')).toContain('refused: [REDACTED]');
    expect(lines.join('\n')).toContain('refused: [REDACTED]');
  });
});
