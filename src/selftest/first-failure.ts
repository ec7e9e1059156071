import { readFileSync } from 'node:fs';

interface ReportedAssertion {
  readonly title?: string;
  readonly status?: string;
  readonly failureMessages?: readonly string[];
}

interface ReportedFile {
  readonly name?: string;
  readonly message?: string;
  readonly assertionResults?: readonly ReportedAssertion[];
}

const MAX_LENGTH = 320;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

/**
 * The failed check of a step's message (`✗ status: expected 201, given 200`) with its first
 * detail line (a schema problem: `- /status: required`), else the message's first line.
 */
function checkOf(message: string): string {
  const lines = message.split('\n');
  const at = lines.findIndex((line) => /^\s*✗/.test(line));
  if (at < 0) return lines.find((line) => line.trim() !== '') ?? '';
  const check = (lines[at] ?? '').replace(/^\s*✗\s*/, '');
  const detail = lines[at + 1];
  return detail !== undefined && /^\s*-\s/.test(detail) ? `${check} ${detail.trim()}` : check;
}

/** `05-create-user: Create a user` → `05-create-user`; other titles are kept whole. */
function stepOf(title: string): string {
  const id = /^([0-9]{2}[a-z]?[-\w]*):/.exec(title)?.[1];
  return id ?? title;
}

/** The report's files in name order (the order the suites run in); undefined when unreadable. */
function reportedFiles(reportFile: string): ReportedFile[] | undefined {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { testResults?: ReportedFile[] };
    return [...(report.testResults ?? [])].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  } catch {
    return undefined;
  }
}

/** One failed step or probe of a run: its id and its whole failure message. */
export interface FailedTest {
  readonly step: string;
  readonly message: string;
}

/** Every failed step and probe of a run, in run order, from its vitest JSON report; [] without one. */
export function failedTestsIn(reportFile: string): FailedTest[] {
  return (reportedFiles(reportFile) ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => ({ step: stepOf(test.title ?? ''), message: (test.failureMessages ?? []).join('\n') })),
  );
}

/**
 * The first failing check of a run, from the vitest JSON report it wrote: files in name order
 * (the order the suites run in), the first failed test, its first failed check. A file that
 * failed outside any test (a setup error) counts too. `undefined` when nothing failed or there
 * is no readable report.
 */
export function firstFailureIn(reportFile: string): string | undefined {
  for (const file of reportedFiles(reportFile) ?? []) {
    const failed = (file.assertionResults ?? []).find((test) => test.status === 'failed');
    if (failed) return clip(`${stepOf(failed.title ?? '')}: ${checkOf(failed.failureMessages?.[0] ?? '')}`);
    if (file.message)
      return clip(`${(file.name ?? '').split('/').slice(-2).join('/')}: ${checkOf(file.message)}`);
  }
  return undefined;
}
