import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportPaths, reportRequests } from '../../src/cli/report-option.ts';

const RUN = '20261126t0200-abc123';
const cwd = mkdtempSync(join(tmpdir(), 'idflow-report-option-'));

describe('--report KIND[=FILE]', () => {
  it('puts each report not named into reports/<run id>/, a named one where it says', () => {
    expect(
      reportRequests(['junit', 'json', 'html', 'har=out/run.har'], { runId: RUN, env: {}, cwd }),
    ).toEqual([
      { kind: 'junit', file: join(cwd, 'reports', RUN, 'junit.xml') },
      { kind: 'json', file: join(cwd, 'reports', RUN, 'results.json') },
      { kind: 'html', file: join(cwd, 'reports', RUN, 'report.html') },
      { kind: 'har', file: join(cwd, 'out', 'run.har') },
    ]);
  });

  it('adds GitHub’s report in a GitHub Actions job, appending its summary to $GITHUB_STEP_SUMMARY', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/runner/_temp/step_summary_1' };
    expect(reportRequests(undefined, { runId: RUN, env, cwd })).toEqual([
      { kind: 'github', file: '/runner/_temp/step_summary_1', append: true },
    ]);
    expect(reportRequests(undefined, { runId: RUN, env: { GITHUB_ACTIONS: 'false' }, cwd })).toEqual([]);
    expect(reportRequests(['github'], { runId: RUN, env: {}, cwd })).toEqual([
      { kind: 'github', file: join(cwd, 'reports', RUN, 'summary.md') },
    ]);
  });

  it.each([
    [['pdf'], /--report pdf: no report pdf\. Use one of: junit, json, html, har, github/],
    [['junit', 'junit=x.xml'], /--report junit is given twice/],
    [['json='], /name the file after "="/],
  ])('%j is a usage error', (values, message) => {
    expect(() => reportRequests(values, { runId: RUN, env: {}, cwd })).toThrow(message);
  });

  it('refuses, before the run, a report path that is a symbolic link, a folder, or under a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idflow-report-paths-'));
    writeFileSync(join(dir, 'plain'), '');
    symlinkSync(join(dir, 'plain'), join(dir, 'link.xml'));
    mkdirSync(join(dir, 'folder.html'));
    expect(() => checkReportPaths([{ kind: 'junit', file: join(dir, 'link.xml') }])).toThrow(
      /--report junit: .*link\.xml is a symbolic link/,
    );
    expect(() => checkReportPaths([{ kind: 'html', file: join(dir, 'folder.html') }])).toThrow(
      /--report html: .*folder\.html is a folder/,
    );
    expect(() => checkReportPaths([{ kind: 'har', file: join(dir, 'plain', 'run.har') }])).toThrow(
      /--report har: cannot write in .*plain \(EEXIST|ENOTDIR\)/,
    );
    checkReportPaths([{ kind: 'json', file: join(dir, 'new', 'folder', 'results.json') }]);
  });
});
